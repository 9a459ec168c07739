import { isKana } from './kana';
import type { Token } from './tokens';
import { makeWordKey, normaliseForm } from './words-key';

/**
 * Which tokens count as running words for coverage (issue 14). Graded-reading research counts the
 * content words a reader has to know; grammar (particles, auxiliaries, the copula), punctuation,
 * numbers and proper names are left out, as the learner does not "learn" 田中 or 3 or は.
 *
 * The pos strings are the ones the annotate prompt and the samples use ("particle", "auxiliary verb",
 * "copula", "nominaliser", "proper noun"…), matched loosely because a model words them freely.
 */
const EXCLUDED_POS = /particle|auxiliar|copula|nominali[sz]er|punctuation|symbol|proper|name|numeral|number/i;

/**
 * When a token has no pos (the on-device segmenter's, an older annotation), the closed classes:
 * particles and auxiliaries are few, so a list catches them. Content words are never on it.
 */
const FUNCTION_WORDS = new Set([
  // particles
  'は', 'が', 'を', 'に', 'へ', 'で', 'と', 'から', 'まで', 'より', 'の', 'も', 'や', 'か', 'ね', 'よ', 'な',
  'ぞ', 'ぜ', 'わ', 'さ', 'って', 'けど', 'けれど', 'けれども', 'し', 'ば', 'ても', 'でも', 'ながら', 'たり',
  'だり', 'ので', 'のに', 'など', 'だけ', 'しか', 'ばかり', 'くらい', 'ぐらい', 'ほど', 'こそ', 'さえ', 'ずつ',
  'て', 'とか', 'かな', 'かしら', 'よね', 'ってば',
  // auxiliaries and the copula, in their common forms
  'だ', 'です', 'でした', 'だった', 'でしょう', 'だろう', 'ます', 'ました', 'ません', 'ましょう', 'ませんでした',
  'た', 'ない', 'なかった', 'れる', 'られる', 'せる', 'させる', 'たい', 'う', 'よう', 'らしい', 'そうだ',
  'である', 'じゃない', 'ではない',
]);

/** At least one kanji or kana letter (ー, 々 alone and punctuation are not a word). */
const JAPANESE_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Digits, kanji numerals and their separators: a number, not vocabulary. */
const NUMBER = /^[\p{Nd}〇零一二三四五六七八九十百千万億兆.,．，]+$/u;

export function isRunningWord(token: Token): boolean {
  const surface = normaliseForm(token.surface);
  if (!JAPANESE_LETTER.test(surface) || NUMBER.test(surface)) return false;
  if (token.pos !== undefined && token.pos !== '') return !EXCLUDED_POS.test(token.pos);
  return !FUNCTION_WORDS.has(surface);
}

/**
 * A token's word key: its dictionary form (`base`, else the surface) with that form's reading.
 * The surface's own reading only stands for the form when the form IS the surface: 食べました's
 * reading たべました is not 食べる's. A kana-only form is its own reading.
 */
export function tokenWordKey(token: Token): string {
  const form = normaliseForm(token.base ?? token.surface);
  const formIsSurface = token.base === undefined || normaliseForm(token.base) === normaliseForm(token.surface);
  const reading = token.baseReading ?? (formIsSurface ? token.reading : undefined) ?? (isKana(form) ? form : '');
  return makeWordKey(form, reading);
}
