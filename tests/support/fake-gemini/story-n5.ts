import type { GeneratedStory, StoryReading, StoryVocab } from './stories';

// Short helpers keep the story readable as a story; every kanji in each `jp` is covered by a reading
// (the integration test checks this with the app's own furigana tokenizer).
const r = (text: string, reading: string): StoryReading => ({ text, reading });
const v = (word: string, reading: string, meaning: string): StoryVocab => ({ word, reading, meaning });

/** A short N5 story (Beginner / N5 prompts): polite past tense, everyday kanji, 6 segments. */
export const STORY_N5: GeneratedStory = {
  titleJP: '公園の朝',
  titleEN: 'Morning in the Park',
  excerpt: '日曜日の朝、私は近くの公園へ行きました。',
  topic: 'Daily life',
  content: [
    {
      jp: '日曜日の朝、私は早く起きました。',
      readings: [r('日曜日', 'にちようび'), r('朝', 'あさ'), r('私', 'わたし'), r('早', 'はや'), r('起', 'お')],
      en: 'On Sunday morning, I got up early.',
      imagePrompt: 'A child waking up early on a bright Sunday morning, soft watercolor style',
      vocab: [v('日曜日', 'にちようび', 'Sunday'), v('起きる', 'おきる', 'to get up')],
    },
    {
      jp: '天気がよかったので、近くの公園へ行きました。',
      readings: [r('天気', 'てんき'), r('近', 'ちか'), r('公園', 'こうえん'), r('行', 'い')],
      en: 'The weather was nice, so I went to the park nearby.',
      imagePrompt: 'A child walking to a small neighborhood park under a clear blue sky, watercolor',
      vocab: [v('天気', 'てんき', 'weather'), v('近く', 'ちかく', 'nearby'), v('公園', 'こうえん', 'park')],
    },
    {
      jp: '公園には大きい木がたくさんありました。',
      readings: [r('公園', 'こうえん'), r('大', 'おお'), r('木', 'き')],
      en: 'There were many big trees in the park.',
      imagePrompt: 'A quiet Japanese park with many tall green trees in the morning light, watercolor',
      vocab: [v('大きい', 'おおきい', 'big'), v('木', 'き', 'tree')],
    },
    {
      jp: '木の下で、おじいさんと犬が休んでいました。',
      readings: [r('木', 'き'), r('下', 'した'), r('犬', 'いぬ'), r('休', 'やす')],
      en: 'Under a tree, an old man and his dog were resting.',
      imagePrompt: 'An old man sitting on a bench under a tree with a small dog at his feet, watercolor',
      vocab: [v('下', 'した', 'under, below'), v('犬', 'いぬ', 'dog'), v('休む', 'やすむ', 'to rest')],
    },
    {
      jp: '私は「おはようございます」と言いました。',
      readings: [r('私', 'わたし'), r('言', 'い')],
      en: 'I said, "Good morning."',
      imagePrompt: 'A child bowing politely to an old man in a park, watercolor',
      vocab: [v('言う', 'いう', 'to say')],
    },
    {
      jp: 'おじいさんと少し話してから、家に帰りました。',
      readings: [r('少', 'すこ'), r('話', 'はな'), r('家', 'いえ'), r('帰', 'かえ')],
      en: 'After talking with the old man for a little while, I went home.',
      imagePrompt: 'A child waving goodbye to an old man and his dog, walking home, watercolor',
      vocab: [v('少し', 'すこし', 'a little'), v('話す', 'はなす', 'to talk'), v('帰る', 'かえる', 'to go home')],
    },
  ],
  questions: [
    {
      question: '「私」はいつ公園へ行きましたか。',
      options: ['日曜日の朝', '土曜日の夜', '月曜日の朝', '日曜日の夜'],
      answer: 0,
      explanation: 'The story begins 「日曜日の朝、私は早く起きました。」: it was Sunday morning.',
    },
    {
      question: '公園には何がたくさんありましたか。',
      options: ['花', '車', '大きい木', '小さい犬'],
      answer: 2,
      explanation: '「公園には大きい木がたくさんありました。」: there were many big trees.',
    },
    {
      question: '木の下で、おじいさんはだれと休んでいましたか。',
      options: ['ねこ', '犬', '子ども', '私'],
      answer: 1,
      explanation: '「おじいさんと犬が休んでいました」: the old man was resting with a dog.',
    },
  ],
};
