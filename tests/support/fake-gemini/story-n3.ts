import type { GeneratedStory, StoryReading, StoryVocab } from './stories';

// Same conventions as story-n5.ts. Note 降 is read ふ (rain falls) and お (get off a train) in
// different segments: readings are per segment, which is why the format keeps them there.
const r = (text: string, reading: string): StoryReading => ({ text, reading });
const v = (word: string, reading: string, meaning: string): StoryVocab => ({ word, reading, meaning });

/** An N3-ish story (N4 / N3 / Intermediate and harder prompts): plain style, 7 segments. */
export const STORY_N3: GeneratedStory = {
  titleJP: '青い傘',
  titleEN: 'The Blue Umbrella',
  excerpt: '電車の席に残された青い傘。美咲はそれを駅員に届けることにした。',
  topic: 'A small kindness',
  content: [
    {
      jp: '雨が降りそうな朝、美咲は駅へ急いでいた。',
      readings: [r('雨', 'あめ'), r('降', 'ふ'), r('朝', 'あさ'), r('美咲', 'みさき'), r('駅', 'えき'), r('急', 'いそ')],
      en: 'On a morning when it looked like rain, Misaki was hurrying to the station.',
      imagePrompt: 'A young woman hurrying to a train station under a grey morning sky, umbrella in hand',
      vocab: [v('降る', 'ふる', 'to fall (rain)'), v('急ぐ', 'いそぐ', 'to hurry')],
    },
    {
      jp: '電車に乗ったとき、隣の席に青い傘が置いてあることに気づいた。',
      readings: [
        r('電車', 'でんしゃ'),
        r('乗', 'の'),
        r('隣', 'となり'),
        r('席', 'せき'),
        r('青', 'あお'),
        r('傘', 'かさ'),
        r('置', 'お'),
        r('気', 'き'),
      ],
      en: 'When she got on the train, she noticed a blue umbrella lying on the seat next to her.',
      imagePrompt: 'A blue umbrella left on an empty seat of a Japanese commuter train',
      vocab: [v('隣', 'となり', 'next to'), v('席', 'せき', 'seat'), v('気づく', 'きづく', 'to notice')],
    },
    {
      jp: '持ち主はもう降りてしまったようだった。',
      readings: [r('持ち主', 'もちぬし'), r('降', 'お')],
      en: 'It seemed its owner had already gotten off.',
      imagePrompt: 'Train doors closing on a platform as passengers walk away',
      vocab: [v('持ち主', 'もちぬし', 'owner'), v('降りる', 'おりる', 'to get off')],
    },
    {
      jp: '美咲は少し迷ったが、終点で駅員に届けることにした。',
      readings: [r('美咲', 'みさき'), r('少', 'すこ'), r('迷', 'まよ'), r('終点', 'しゅうてん'), r('駅員', 'えきいん'), r('届', 'とど')],
      en: 'Misaki hesitated a little, but decided to hand it in to a station attendant at the last stop.',
      imagePrompt: 'A young woman holding a blue umbrella, thinking, on a train',
      vocab: [v('迷う', 'まよう', 'to hesitate'), v('終点', 'しゅうてん', 'last stop'), v('届ける', 'とどける', 'to hand in')],
    },
    {
      jp: '駅員は「ありがとうございます。持ち主もきっと喜びますよ」と笑顔で言った。',
      readings: [r('駅員', 'えきいん'), r('持ち主', 'もちぬし'), r('喜', 'よろこ'), r('笑顔', 'えがお'), r('言', 'い')],
      en: 'The attendant smiled and said, "Thank you. I am sure the owner will be glad, too."',
      imagePrompt: 'A smiling station attendant receiving a blue umbrella at a ticket gate',
      vocab: [v('駅員', 'えきいん', 'station attendant'), v('喜ぶ', 'よろこぶ', 'to be glad'), v('笑顔', 'えがお', 'smile')],
    },
    {
      jp: 'その日の夕方、会社からの帰りに強い雨が降り出した。',
      readings: [
        r('日', 'ひ'),
        r('夕方', 'ゆうがた'),
        r('会社', 'かいしゃ'),
        r('帰', 'かえ'),
        r('強', 'つよ'),
        r('雨', 'あめ'),
        r('降', 'ふ'),
        r('出', 'だ'),
      ],
      en: 'That evening, on her way home from work, it began to rain hard.',
      imagePrompt: 'Heavy evening rain on a city street outside an office building',
      vocab: [v('夕方', 'ゆうがた', 'evening'), v('会社', 'かいしゃ', 'company, office'), v('降り出す', 'ふりだす', 'to start raining')],
    },
    {
      jp: '自分の傘を電車に忘れてきたことに気づいて、美咲は思わず笑ってしまった。',
      readings: [
        r('自分', 'じぶん'),
        r('傘', 'かさ'),
        r('電車', 'でんしゃ'),
        r('忘', 'わす'),
        r('気', 'き'),
        r('美咲', 'みさき'),
        r('思', 'おも'),
        r('笑', 'わら'),
      ],
      en: 'Realizing she had left her own umbrella on the train, Misaki could not help laughing.',
      imagePrompt: 'A young woman laughing in the rain without an umbrella, warm city lights',
      vocab: [v('忘れる', 'わすれる', 'to forget, to leave behind'), v('思わず', 'おもわず', 'without meaning to')],
    },
  ],
  questions: [
    {
      question: '美咲は電車の中で何に気づきましたか。',
      options: ['隣の席に傘があること', '財布をなくしたこと', '電車が遅れていること', '友達が乗っていること'],
      answer: 0,
      explanation: 'She noticed 「隣の席に青い傘が置いてある」: an umbrella left on the next seat.',
    },
    {
      question: '美咲は見つけた傘をどうしましたか。',
      options: ['家に持って帰った', 'そのまま席に置いておいた', '駅員に届けた', '持ち主に電話した'],
      answer: 2,
      explanation: 'At the last stop she decided 「駅員に届ける」: to hand it to a station attendant.',
    },
    {
      question: '最後に美咲が笑ってしまったのはなぜですか。',
      options: ['雨がやんだから', '自分の傘を電車に忘れたから', '駅員が面白かったから', '持ち主が見つかったから'],
      answer: 1,
      explanation: 'It began to rain and she realized she had left her own umbrella on the train.',
    },
  ],
};
