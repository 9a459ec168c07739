import { isKana } from './kana';
import type { Token } from './tokens';

// Apart from tokens.ts and its schema: the Reader reads tokens without loading zod.

/** A reading is only kept when it is kana: a model that puts romaji or kanji there would show it as furigana. */
export function isUsableReading(reading: string | undefined): reading is string {
  return reading !== undefined && reading !== '' && isKana(reading);
}

/** The plain text of a token list; equal to the segment's `jp` for every stored list. */
export function tokensText(tokens: readonly Token[]): string {
  return tokens.map((t) => t.surface).join('');
}
