import { toHiragana } from './kana';

/**
 * Word keys (issue 14) without zod: the database's v7 upgrade and the first route's sample seeding
 * compute them, and the first route loads no zod (see src/db/sample-annotations.ts).
 */
export const WORD_STATES = ['new', 'learning', 'known'] as const;
export type WordState = (typeof WORD_STATES)[number];

/** Between a key's form and its reading; never inside a Japanese word. */
export const KEY_SEPARATOR = '|';

/** A form as stored and compared: NFKC (full-width Latin, half-width katakana folded), trimmed. */
export function normaliseForm(text: string): string {
  return text.normalize('NFKC').trim();
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

