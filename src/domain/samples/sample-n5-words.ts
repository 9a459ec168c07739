import type { SampleWords } from './sample-words';

/** Words of SAMPLE_N5, sentence by sentence (format: sample-words.ts). */
export const SAMPLE_N5_WORDS: SampleWords = [
  ['今日|きょう|noun|today', 'は||particle|topic marker', '日曜日|にちようび|noun|Sunday', 'です||copula|is', '。'],
  [
    'わたし||pronoun|I',
    'は||particle|topic marker',
    '友だち|ともだち|noun|friend',
    'と||particle|with',
    '山|やま|noun|mountain',
    'へ||particle|to (direction)',
    '行きました|いきました|verb|went|行く|いく',
    '。',
  ],
  ['天気|てんき|noun|weather', 'は||particle|topic marker', 'とても||adverb|very', 'よかった||i-adjective|was good|よい|よい', 'です||copula|(polite)', '。'],
  [
    '山|やま|noun|mountain',
    'の||particle|of',
    '上|うえ|noun|top',
    'で||particle|at',
    '、',
    'おにぎり||noun|rice ball',
    'を||particle|object marker',
    '食べました|たべました|verb|ate|食べる|たべる',
    '。',
  ],
  ['白い|しろい|i-adjective|white', '花|はな|noun|flowers', 'が||particle|subject marker', 'たくさん||adverb|many', 'ありました||verb|there were|ある|ある', '。'],
  [
    '友だち|ともだち|noun|friend',
    'は||particle|topic marker',
    '「',
    'きれい||na-adjective|pretty',
    'です||copula|is',
    'ね||particle|isn’t it',
    '」',
    'と||particle|(quotation)',
    '言いました|いいました|verb|said|言う|いう',
    '。',
  ],
  ['とても||adverb|very', 'たのしい||i-adjective|fun', '一日|いちにち|noun|day', 'でした||copula|was|です|です', '。'],
];
