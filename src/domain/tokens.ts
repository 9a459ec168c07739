import { z } from 'zod';
import { toHiragana } from './kana';
import { STORY_LIMITS } from './story';
import { boundedText, requiredText } from './untrusted-text';

/**
 * The words of one sentence (issue 13): what the Reader opens when a word is tapped. Surfaces
 * concatenate exactly to the segment's `jp`; `repairTokens` (tokens-repair.ts) makes sure of it.
 */
export const TOKEN_LIMITS = {
  /** A word is short; 200 leaves room for a long katakana loanword or a whole unsplit clause. */
  surface: 200,
  reading: 400,
  pos: 40,
  gloss: 300,
  /** Every token has at least one character, so a sentence never needs more tokens than it has. */
  perSegment: STORY_LIMITS.sentence,
} as const;
const T = TOKEN_LIMITS;

/** A reading in kana; given in katakana it is kept in hiragana, the one form furigana and lookups use. */
const readingText = boundedText(T.reading).overwrite((r) => toHiragana(r.replace(/\s+/g, '')));

export const TokenSchema = z.object({
  /** The word exactly as it stands in the sentence. */
  surface: requiredText(T.surface),
  /** The hiragana reading of the surface as written (食べました → たべました). */
  reading: readingText.optional(),
  /** The dictionary form (食べる) and its reading (たべる). */
  base: boundedText(T.surface).optional(),
  baseReading: readingText.optional(),
  /** Part of speech in a few English words: "verb", "particle", "i-adjective". */
  pos: boundedText(T.pos).optional(),
  /** A short English meaning in this sentence. */
  gloss: boundedText(T.gloss).optional(),
});

export type Token = z.infer<typeof TokenSchema>;

export const SegmentTokensSchema = z.array(TokenSchema).max(T.perSegment);

export { isUsableReading, tokensText } from './tokens-text';
