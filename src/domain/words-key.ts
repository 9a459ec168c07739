import { toHiragana } from './kana';

/**
 * Word keys (issue 14) without zod: the database's v7 upgrade and the first route's sample seeding
 * compute them, and the first route loads no zod (see src/db/sample-annotations.ts).
 */
export const WORD_STATES = ['new', 'learning', 'known'] as const;
export type WordState = (typeof WORD_STATES)[number];

/** Between a key's form and its reading; never inside a Japanese word. */
export const KEY_SEPARATOR = '|';

/** A form as stored and compared: NFKC (full-width Latin, half-width katakana folded), no whitespace. */
export function normaliseForm(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** A reading as stored and compared: NFKC, hiragana, no spaces. */
export function normaliseReading(text: string): string {
  return toHiragana(text.normalize('NFKC').replace(/\s+/g, ''));
}

/** `食べる|たべる`; the reading part is empty when no reading is known for the form. */
export function makeWordKey(form: string, reading: string): string {
  return `${normaliseForm(form)}${KEY_SEPARATOR}${normaliseReading(reading)}`;
}

/** The form and reading a key was made of. */
export function splitWordKey(key: string): { base: string; reading: string } {
  const at = key.lastIndexOf(KEY_SEPARATOR);
  return at < 0 ? { base: key, reading: '' } : { base: key.slice(0, at), reading: key.slice(at + 1) };
}


/**
 * A 52-bit hash of a word key, exact in a double. Stories store their words as these numbers
 * (words-coverage.ts): IndexedDB reads 2,000 stories' typed arrays several times faster than the
 * same keys as strings (measured in Chromium, 300 keys a story: ~70 ms against ~250 ms). With
 * 52 bits, a library of a million keys against 5,000 known words has about one chance in a
 * million of a single miscounted word.
 */
export function wordKeyHash(key: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0) * 0x100000 + ((h2 >>> 0) & 0xfffff);
}
