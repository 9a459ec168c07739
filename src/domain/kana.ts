/**
 * The kana chart as pure data: hiragana and katakana in the same layout, with Hepburn romaji.
 * Katakana is derived from hiragana (the Unicode blocks are 0x60 apart), so both scripts are aligned
 * cell for cell; katakana alone adds an "extended" section for sounds from other languages.
 * を is romanised "wo" (how learners type it); it is pronounced "o".
 */

export type KanaScript = 'hiragana' | 'katakana';
export type KanaSectionId = 'basic' | 'dakuten' | 'handakuten' | 'yoon' | 'small' | 'extended';

export interface Kana {
  kana: string;
  romaji: string;
}

/** One row of a table: its header (usually the consonant) and one cell per column; null is a gap. */
export interface KanaRow {
  label: string;
  cells: ReadonlyArray<Kana | null>;
}

export interface KanaSection {
  id: KanaSectionId;
  title: string;
  description: string;
  /** Column headers, e.g. a i u e o, or ya yu yo for yōon. */
  columns: readonly string[];
  rows: readonly KanaRow[];
}

export interface KanaChart {
  id: KanaScript;
  title: string;
  titleJa: string;
  sections: readonly KanaSection[];
}

const VOWELS = ['a', 'i', 'u', 'e', 'o'] as const;

/** `row('k', 'か:ka き:ki _ け:ke')`: space-separated `kana:romaji` cells, `_` for a gap. */
function row(label: string, spec: string): KanaRow {
  const cells = spec.split(' ').map((cell): Kana | null => {
    if (cell === '_') return null;
    const [kana = '', romaji = ''] = cell.split(':');
    return { kana, romaji };
  });
  return { label, cells };
}

const HIRAGANA_SECTIONS: readonly KanaSection[] = [
  {
    id: 'basic',
    title: 'Basic (gojūon)',
    description: 'The 46 basic sounds. Read each row from left to right: a, i, u, e, o.',
    columns: VOWELS,
    rows: [
      row('vowels', 'あ:a い:i う:u え:e お:o'),
      row('k', 'か:ka き:ki く:ku け:ke こ:ko'),
      row('s', 'さ:sa し:shi す:su せ:se そ:so'),
      row('t', 'た:ta ち:chi つ:tsu て:te と:to'),
      row('n', 'な:na に:ni ぬ:nu ね:ne の:no'),
      row('h', 'は:ha ひ:hi ふ:fu へ:he ほ:ho'),
      row('m', 'ま:ma み:mi む:mu め:me も:mo'),
      row('y', 'や:ya _ ゆ:yu _ よ:yo'),
      row('r', 'ら:ra り:ri る:ru れ:re ろ:ro'),
      row('w', 'わ:wa _ _ _ を:wo'),
      row('n (final)', 'ん:n _ _ _ _'),
    ],
  },
  {
    id: 'dakuten',
    title: 'Dakuten',
    description: 'Two small strokes (゛) voice the consonant: k becomes g, s becomes z, t becomes d, h becomes b.',
    columns: VOWELS,
    rows: [
      row('g', 'が:ga ぎ:gi ぐ:gu げ:ge ご:go'),
      row('z', 'ざ:za じ:ji ず:zu ぜ:ze ぞ:zo'),
      row('d', 'だ:da ぢ:ji づ:zu で:de ど:do'),
      row('b', 'ば:ba び:bi ぶ:bu べ:be ぼ:bo'),
    ],
  },
  {
    id: 'handakuten',
    title: 'Handakuten',
    description: 'A small circle (゜) turns h into p.',
    columns: VOWELS,
    rows: [row('p', 'ぱ:pa ぴ:pi ぷ:pu ぺ:pe ぽ:po')],
  },
  {
    id: 'yoon',
    title: 'Yōon (combined sounds)',
    description: 'A kana from the i column plus a small ya, yu or yo makes one syllable: き + ゃ = きゃ kya.',
    columns: ['ya', 'yu', 'yo'],
    rows: [
      row('ky', 'きゃ:kya きゅ:kyu きょ:kyo'),
      row('sh', 'しゃ:sha しゅ:shu しょ:sho'),
      row('ch', 'ちゃ:cha ちゅ:chu ちょ:cho'),
      row('ny', 'にゃ:nya にゅ:nyu にょ:nyo'),
      row('hy', 'ひゃ:hya ひゅ:hyu ひょ:hyo'),
      row('my', 'みゃ:mya みゅ:myu みょ:myo'),
      row('ry', 'りゃ:rya りゅ:ryu りょ:ryo'),
      row('gy', 'ぎゃ:gya ぎゅ:gyu ぎょ:gyo'),
      row('j', 'じゃ:ja じゅ:ju じょ:jo'),
      row('by', 'びゃ:bya びゅ:byu びょ:byo'),
      row('py', 'ぴゃ:pya ぴゅ:pyu ぴょ:pyo'),
    ],
  },
  {
    id: 'small',
    title: 'Small kana',
    description:
      'Small kana join the kana before them. The romaji shows the sound they stand for; a small tsu doubles the next consonant: きって kitte.',
    columns: VOWELS,
    rows: [
      row('vowels', 'ぁ:a ぃ:i ぅ:u ぇ:e ぉ:o'),
      row('y', 'ゃ:ya _ ゅ:yu _ ょ:yo'),
      row('w', 'ゎ:wa _ _ _ _'),
      row('t', '_ _ っ:tsu _ _'),
    ],
  },
];

const EXTENDED_KATAKANA: KanaSection = {
  id: 'extended',
  title: 'Extended katakana',
  description: 'Combinations for sounds from other languages, e.g. ファン fan, パーティー pātī. The bar ー makes a vowel long.',
  columns: VOWELS,
  rows: [
    row('v', 'ヴァ:va ヴィ:vi ヴ:vu ヴェ:ve ヴォ:vo'),
    row('f', 'ファ:fa フィ:fi _ フェ:fe フォ:fo'),
    row('w', '_ ウィ:wi _ ウェ:we ウォ:wo'),
    row('t', '_ ティ:ti トゥ:tu _ _'),
    row('d', '_ ディ:di ドゥ:du _ _'),
    row('ts', 'ツァ:tsa ツィ:tsi _ ツェ:tse ツォ:tso'),
    row('sh', '_ _ _ シェ:she _'),
    row('j', '_ _ _ ジェ:je _'),
    row('ch', '_ _ _ チェ:che _'),
  ],
};

/** Hiragana to katakana (ぁ U+3041 … ゖ U+3096 map to ァ U+30A1 … ヶ U+30F6); other characters are kept. */
export function toKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
}

function katakanaSection(section: KanaSection): KanaSection {
  const rows = section.rows.map((r) => ({
    label: r.label,
    cells: r.cells.map((c) => (c ? { kana: toKatakana(c.kana), romaji: c.romaji } : null)),
  }));
  return { ...section, rows };
}

export const HIRAGANA: KanaChart = { id: 'hiragana', title: 'Hiragana', titleJa: 'ひらがな', sections: HIRAGANA_SECTIONS };

export const KATAKANA: KanaChart = {
  id: 'katakana',
  title: 'Katakana',
  titleJa: 'カタカナ',
  sections: [...HIRAGANA_SECTIONS.map(katakanaSection), EXTENDED_KATAKANA],
};

export const KANA_CHARTS: Readonly<Record<KanaScript, KanaChart>> = { hiragana: HIRAGANA, katakana: KATAKANA };

/** Every kana of a section (or a whole chart) in reading order, gaps left out. */
export function kanaIn(source: KanaSection | KanaChart): Kana[] {
  const sections = 'sections' in source ? source.sections : [source];
  return sections.flatMap((s) => s.rows.flatMap((r) => r.cells.filter((c): c is Kana => c !== null)));
}

/** Katakana to hiragana (ァ U+30A1 … ヶ U+30F6 map back by 0x60); ー and other characters are kept. */
export function toHiragana(text: string): string {
  return text.replace(/[\u30A1-\u30F6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
}

/** Kanji, plus 々 (repeat mark), 〆 and ヶ (counter ヶ as in 三ヶ月), which take furigana like kanji. */
const KANJI_LIKE = /[\p{Script=Han}々〆ヶ]/u;

export function isKanjiLike(ch: string): boolean {
  return KANJI_LIKE.test(ch);
}

export function hasKanji(text: string): boolean {
  return [...text].some(isKanjiLike);
}

/** Only hiragana, katakana and the long-vowel mark: text that is already its own reading. */
export function isKana(text: string): boolean {
  return /^[\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FC-\u30FE]+$/u.test(text);
}
