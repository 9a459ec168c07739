import type { Story } from '../story';

/** Bundled N5 sample: a short diary entry in です/ます form using only N5 kanji. */
export const SAMPLE_N5: Story = {
  id: 'c2f1e8a4-3b7d-4e29-8f15-6a0d9b3e5c71',
  titleJP: '日曜日の山',
  titleEN: 'A Sunday on the Mountain',
  level: 'N5',
  readTime: 2,
  excerpt: '今日は日曜日です。わたしは友だちと山へ行きました。',
  topic: 'Weekend hike',
  length: 'short',
  source: 'sample',
  createdAt: 1767225600000,
  updatedAt: 1767225600000,
  schemaVersion: 1,
  content: [
    {
      jp: '今日は日曜日です。',
      readings: [
        { text: '今日', reading: 'きょう' },
        { text: '日曜日', reading: 'にちようび' },
      ],
      en: 'Today is Sunday.',
      imagePrompt: 'A calendar page showing Sunday next to a sunny window in a small Japanese room',
      vocab: [
        { word: '今日', reading: 'きょう', meaning: 'today' },
        { word: '日曜日', reading: 'にちようび', meaning: 'Sunday' },
      ],
    },
    {
      jp: 'わたしは友だちと山へ行きました。',
      readings: [
        { text: '友', reading: 'とも' },
        { text: '山', reading: 'やま' },
        { text: '行', reading: 'い' },
      ],
      en: 'I went to the mountains with a friend.',
      imagePrompt: 'Two young friends with backpacks walking up a green mountain path',
      vocab: [
        { word: '友だち', reading: 'ともだち', meaning: 'friend' },
        { word: '山', reading: 'やま', meaning: 'mountain' },
        { word: '行く', reading: 'いく', meaning: 'to go' },
      ],
    },
    {
      jp: '天気はとてもよかったです。',
      readings: [{ text: '天気', reading: 'てんき' }],
      en: 'The weather was very nice.',
      vocab: [
        { word: '天気', reading: 'てんき', meaning: 'weather' },
        { word: 'とても', reading: 'とても', meaning: 'very' },
        { word: 'よい', reading: 'よい', meaning: 'good (past: よかった)' },
      ],
    },
    {
      jp: '山の上で、おにぎりを食べました。',
      readings: [
        { text: '山', reading: 'やま' },
        { text: '上', reading: 'うえ' },
        { text: '食', reading: 'た' },
      ],
      en: 'We ate rice balls at the top of the mountain.',
      imagePrompt: 'Two friends sitting on a mountain top eating rice balls, a blue sky behind them',
      vocab: [
        { word: '上', reading: 'うえ', meaning: 'top; above' },
        { word: 'おにぎり', reading: 'おにぎり', meaning: 'rice ball' },
        { word: '食べる', reading: 'たべる', meaning: 'to eat' },
      ],
    },
    {
      jp: '白い花がたくさんありました。',
      readings: [
        { text: '白', reading: 'しろ' },
        { text: '花', reading: 'はな' },
      ],
      en: 'There were lots of white flowers.',
      imagePrompt: 'A meadow full of small white flowers on a mountain slope',
      vocab: [
        { word: '白い', reading: 'しろい', meaning: 'white' },
        { word: '花', reading: 'はな', meaning: 'flower' },
        { word: 'たくさん', reading: 'たくさん', meaning: 'a lot; many' },
      ],
    },
    {
      jp: '友だちは「きれいですね」と言いました。',
      readings: [
        { text: '友', reading: 'とも' },
        { text: '言', reading: 'い' },
      ],
      en: 'My friend said, "Aren\'t they pretty?"',
      vocab: [
        { word: 'きれい', reading: 'きれい', meaning: 'pretty; clean' },
        { word: '言う', reading: 'いう', meaning: 'to say' },
      ],
    },
    {
      jp: 'とてもたのしい一日でした。',
      readings: [{ text: '一日', reading: 'いちにち' }],
      en: 'It was a really fun day.',
      vocab: [
        { word: 'たのしい', reading: 'たのしい', meaning: 'fun; enjoyable' },
        { word: '一日', reading: 'いちにち', meaning: 'one day; a whole day' },
      ],
    },
  ],
  questions: [
    {
      question: 'Who did the writer go to the mountains with?',
      options: ['Their mother', 'A friend', 'Their teacher', 'Nobody; they went alone'],
      answer: 1,
      explanation: '「わたしは友だちと山へ行きました」— 友だちと means "with a friend".',
    },
    {
      question: 'What did they eat at the top of the mountain?',
      options: ['Rice balls', 'Sushi', 'Bread', 'Nothing'],
      answer: 0,
      explanation: '「山の上で、おにぎりを食べました」— おにぎり are rice balls.',
    },
    {
      question: 'What color were the flowers?',
      options: ['Red', 'Yellow', 'White', 'Blue'],
      answer: 2,
      explanation: '「白い花がたくさんありました」— 白い means "white".',
    },
  ],
};
