import type { Story } from '../story';

/** Bundled N4 sample: て-form, 〜ので/〜から, 〜たことがない, 〜たら, 〜ようと思う. */
export const SAMPLE_N4: Story = {
  id: '5e9d2a70-8c41-4f3b-a6e2-1d7b04c9f382',
  titleJP: '雨の日のかさ',
  titleEN: 'The Umbrella on a Rainy Day',
  level: 'N4',
  readTime: 4,
  excerpt: '先週の金曜日、会社の帰りに雨がふってきました。かさを持っていなかったので、駅の前でこまっていました。',
  topic: 'A kind stranger',
  length: 'medium',
  source: 'sample',
  createdAt: 1767225660000,
  updatedAt: 1767225660000,
  schemaVersion: 1,
  content: [
    {
      jp: '先週の金曜日、会社の帰りに雨がふってきました。',
      readings: [
        { text: '先週', reading: 'せんしゅう' },
        { text: '金曜日', reading: 'きんようび' },
        { text: '会社', reading: 'かいしゃ' },
        { text: '帰', reading: 'かえ' },
        { text: '雨', reading: 'あめ' },
      ],
      en: 'Last Friday, it started to rain on my way home from work.',
      imagePrompt: 'Evening city street in Japan as rain begins to fall, office workers heading home',
      vocab: [
        { word: '先週', reading: 'せんしゅう', meaning: 'last week' },
        { word: '会社', reading: 'かいしゃ', meaning: 'company; office' },
        { word: '帰り', reading: 'かえり', meaning: 'the way home' },
        { word: 'ふる', reading: 'ふる', meaning: 'to fall (rain, snow)' },
      ],
    },
    {
      jp: 'かさを持っていなかったので、駅の前でこまっていました。',
      readings: [
        { text: '持', reading: 'も' },
        { text: '駅', reading: 'えき' },
        { text: '前', reading: 'まえ' },
      ],
      en: "I didn't have an umbrella, so I was stuck in front of the station, not knowing what to do.",
      imagePrompt: 'A worried office worker without an umbrella standing under the roof of a train station',
      vocab: [
        { word: 'かさ', reading: 'かさ', meaning: 'umbrella' },
        { word: '持つ', reading: 'もつ', meaning: 'to have; to hold' },
        { word: '駅', reading: 'えき', meaning: 'station' },
        { word: 'こまる', reading: 'こまる', meaning: 'to be in trouble; to not know what to do' },
      ],
    },
    {
      jp: 'すると、知らない女の人が「このかさを使ってください」と言いました。',
      readings: [
        { text: '知', reading: 'し' },
        { text: '女', reading: 'おんな' },
        { text: '人', reading: 'ひと' },
        { text: '使', reading: 'つか' },
        { text: '言', reading: 'い' },
      ],
      en: 'Then a woman I didn\'t know said, "Please use this umbrella."',
      imagePrompt: 'A kind woman holding out a blue umbrella to a stranger at a rainy station entrance',
      vocab: [
        { word: 'すると', reading: 'すると', meaning: 'and then; thereupon' },
        { word: '女の人', reading: 'おんなのひと', meaning: 'woman' },
        { word: '使う', reading: 'つかう', meaning: 'to use' },
      ],
    },
    {
      jp: 'わたしは「でも、あなたがぬれてしまいますよ」と言いました。',
      readings: [{ text: '言', reading: 'い' }],
      en: 'I said, "But then you\'ll get wet."',
      vocab: [
        { word: 'ぬれる', reading: 'ぬれる', meaning: 'to get wet' },
        { word: '〜てしまう', reading: 'てしまう', meaning: 'to end up doing (something unwanted)' },
      ],
    },
    {
      jp: '女の人は「家が近いから、だいじょうぶです」と言って、走って行きました。',
      readings: [
        { text: '女', reading: 'おんな' },
        { text: '人', reading: 'ひと' },
        { text: '家', reading: 'いえ' },
        { text: '近', reading: 'ちか' },
        { text: '言', reading: 'い' },
        { text: '走', reading: 'はし' },
        { text: '行', reading: 'い' },
      ],
      en: 'The woman said, "My house is close, so I\'ll be fine," and ran off.',
      imagePrompt: 'A woman running away through the rain with a bag over her head, city lights behind',
      vocab: [
        { word: '家', reading: 'いえ', meaning: 'house; home' },
        { word: '近い', reading: 'ちかい', meaning: 'near; close' },
        { word: 'だいじょうぶ', reading: 'だいじょうぶ', meaning: 'all right; fine' },
        { word: '走る', reading: 'はしる', meaning: 'to run' },
      ],
    },
    {
      jp: 'わたしはびっくりして、名前を聞くこともできませんでした。',
      readings: [
        { text: '名前', reading: 'なまえ' },
        { text: '聞', reading: 'き' },
      ],
      en: "I was so surprised that I couldn't even ask her name.",
      vocab: [
        { word: 'びっくりする', reading: 'びっくりする', meaning: 'to be surprised' },
        { word: '名前', reading: 'なまえ', meaning: 'name' },
        { word: '聞く', reading: 'きく', meaning: 'to ask; to listen' },
      ],
    },
    {
      jp: '次の日、同じ駅でその人をさがしましたが、会えませんでした。',
      readings: [
        { text: '次', reading: 'つぎ' },
        { text: '日', reading: 'ひ' },
        { text: '同', reading: 'おな' },
        { text: '駅', reading: 'えき' },
        { text: '人', reading: 'ひと' },
        { text: '会', reading: 'あ' },
      ],
      en: "The next day I looked for her at the same station, but I couldn't find her.",
      vocab: [
        { word: '次の日', reading: 'つぎのひ', meaning: 'the next day' },
        { word: '同じ', reading: 'おなじ', meaning: 'same' },
        { word: 'さがす', reading: 'さがす', meaning: 'to look for' },
        { word: '会う', reading: 'あう', meaning: 'to meet' },
      ],
    },
    {
      jp: '知らない人にこんなに親切にしてもらったことは、一度もありませんでした。',
      readings: [
        { text: '知', reading: 'し' },
        { text: '人', reading: 'ひと' },
        { text: '親切', reading: 'しんせつ' },
        { text: '一度', reading: 'いちど' },
      ],
      en: 'A stranger had never been so kind to me before.',
      vocab: [
        { word: '親切', reading: 'しんせつ', meaning: 'kind; kindness' },
        { word: '〜てもらう', reading: 'てもらう', meaning: 'to have someone do something for you' },
        { word: '一度も', reading: 'いちども', meaning: '(not) even once' },
      ],
    },
    {
      jp: 'それから、わたしはいつもかばんに小さいかさを入れています。',
      readings: [
        { text: '小', reading: 'ちい' },
        { text: '入', reading: 'い' },
      ],
      en: 'Since then, I always keep a small umbrella in my bag.',
      imagePrompt: 'A small folding umbrella tucked into an open work bag on a desk',
      vocab: [
        { word: 'それから', reading: 'それから', meaning: 'since then; after that' },
        { word: 'かばん', reading: 'かばん', meaning: 'bag' },
        { word: '入れる', reading: 'いれる', meaning: 'to put in' },
      ],
    },
    {
      jp: '雨の日にかさがなくてこまっている人を見たら、このかさをあげようと思います。',
      readings: [
        { text: '雨', reading: 'あめ' },
        { text: '日', reading: 'ひ' },
        { text: '人', reading: 'ひと' },
        { text: '見', reading: 'み' },
        { text: '思', reading: 'おも' },
      ],
      en: "If I see someone stuck without an umbrella on a rainy day, I'm going to give them this one.",
      vocab: [
        { word: '見る', reading: 'みる', meaning: 'to see' },
        { word: 'あげる', reading: 'あげる', meaning: 'to give' },
        { word: '思う', reading: 'おもう', meaning: 'to think' },
      ],
    },
    {
      jp: 'あの女の人のように、わたしもだれかを助けたいです。',
      readings: [
        { text: '女', reading: 'おんな' },
        { text: '人', reading: 'ひと' },
        { text: '助', reading: 'たす' },
      ],
      en: 'Like that woman, I want to help someone too.',
      imagePrompt: 'A person handing a small umbrella to a child at a rainy bus stop',
      vocab: [
        { word: '〜のように', reading: 'のように', meaning: 'like ~; in the same way as ~' },
        { word: 'だれか', reading: 'だれか', meaning: 'someone' },
        { word: '助ける', reading: 'たすける', meaning: 'to help; to save' },
      ],
    },
  ],
  questions: [
    {
      question: 'Why was the writer stuck in front of the station?',
      options: [
        'The train was late',
        'They had lost their wallet',
        'It was raining and they had no umbrella',
        'They did not know the way home',
      ],
      answer: 2,
      explanation: '「かさを持っていなかったので、駅の前でこまっていました」— it was raining and they had no umbrella.',
    },
    {
      question: 'Why did the woman say she would be fine?',
      options: [
        'Her house was close',
        'She had a second umbrella',
        'Someone was coming to pick her up',
        'She liked walking in the rain',
      ],
      answer: 0,
      explanation: '「家が近いから、だいじょうぶです」— から gives the reason: her house was near.',
    },
    {
      question: 'What does the writer do now?',
      options: [
        'Takes a taxi whenever it rains',
        'Waits at the station for the woman every day',
        'Gave the umbrella back to the woman',
        'Always keeps a small umbrella in their bag',
      ],
      answer: 3,
      explanation: '「いつもかばんに小さいかさを入れています」— 〜ています describes a habit.',
    },
  ],
};
