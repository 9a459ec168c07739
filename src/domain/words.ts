import { z } from 'zod';
import { TOKEN_LIMITS } from './tokens';
import { boundedText, EpochMsSchema, requiredText } from './untrusted-text';
import { KEY_SEPARATOR, WORD_STATES } from './words-key';

export { makeWordKey, splitWordKey, WORD_STATES, type WordState } from './words-key';

/**
 * What the learner knows (issue 14): one entry per word, keyed by its dictionary form and that
 * form's reading, so 食べました and 食べて are the one word 食べる, while 今日 read きょう and
 * こんにち stay two. Entries exist only for words whose state was set (a word never touched is new).
 */
export const WORD_LIMITS = {
  /** A form plus its reading plus the separator. */
  key: TOKEN_LIMITS.surface + TOKEN_LIMITS.reading + 1,
  /** Sentence index within a story (STORY_LIMITS.segments is far below). */
  segment: 10_000,
} as const;

/**
 * Loose, like the other synced rows: a field a newer version adds survives a round trip through an
 * older device (withState keeps it).
 */
export const WordEntrySchema = z.looseObject({
  key: requiredText(WORD_LIMITS.key).refine((k) => k.includes(KEY_SEPARATOR), 'not a word key (form|reading)'),
  /** The dictionary form (食べる). */
  base: requiredText(TOKEN_LIMITS.surface),
  /** Its reading in hiragana; empty when the token had none. */
  reading: boundedText(TOKEN_LIMITS.reading),
  state: z.enum(WORD_STATES),
  /** Where the learner first changed this word's state: the story, the sentence, when. */
  firstSeen: z.object({
    storyId: z.uuid(),
    segment: z.int().min(0).max(WORD_LIMITS.segment),
    at: EpochMsSchema,
  }),
  /** Epoch milliseconds of the last state change; the newer entry wins on import and sync. */
  updatedAt: EpochMsSchema,
});

export type WordEntry = z.infer<typeof WordEntrySchema>;

export { type WordPlace, withState } from './words-state';
