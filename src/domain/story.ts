import { z } from 'zod';
import { LEVELS, STORY_LENGTHS } from './levels';
import { boundedText, EpochMsSchema, requiredText } from './untrusted-text';

/**
 * The Story format. The core fields keep the older app's shape (DESIGN §2) so old libraries import
 * cleanly; the rest is what this app adds. Objects are "loose": a row written by a newer app version
 * keeps the fields this version does not know.
 */
export const STORY_SCHEMA_VERSION = 1;

/**
 * Caps on every field and list: far above any story the app makes (a long story is ~60 sentences),
 * but finite, so a runaway model answer or a crafted file cannot store megabytes in one title.
 */
export const STORY_LIMITS = {
  shortText: 300,
  sentence: 2_000,
  longText: 4_000,
  segments: 1_000,
  readingsPerSegment: 300,
  vocabPerSegment: 200,
  questions: 100,
  readTimeMinutes: 10_000,
} as const;
const L = STORY_LIMITS;

export const LevelSchema = z.enum(LEVELS);
export const StoryLengthSchema = z.enum(STORY_LENGTHS);
export const StorySourceSchema = z.enum(['generated', 'sample', 'imported']);

export const ReadingSchema = z.object({
  /** A substring of the segment's `jp` that contains kanji. */
  text: requiredText(L.shortText),
  /** Its reading in hiragana. */
  reading: requiredText(L.shortText),
});

export const VocabSchema = z.looseObject({
  word: requiredText(L.shortText),
  reading: boundedText(L.shortText).default(''),
  meaning: boundedText(L.longText).default(''),
});

export const SegmentSchema = z.looseObject({
  jp: requiredText(L.sentence),
  readings: z.array(ReadingSchema).max(L.readingsPerSegment).default([]),
  en: boundedText(L.longText).default(''),
  imagePrompt: boundedText(L.longText).optional(),
  vocab: z.array(VocabSchema).max(L.vocabPerSegment).default([]),
});

export const QuestionSchema = z.looseObject({
  question: requiredText(L.longText),
  options: z.array(requiredText(L.sentence)).length(4),
  /** Index of the correct option, 0–3. */
  answer: z.int().min(0).max(3),
  explanation: boundedText(L.longText).default(''),
});

export const MediaSummarySchema = z.looseObject({
  /** Number of narrated sentences stored on this device. */
  audioSegments: z.int().min(0).default(0),
  /** Number of stored images (cover = index -1 is counted too). */
  images: z.int().min(0).default(0),
});

export const StorySchema = z.looseObject({
  id: z.uuid(),
  titleJP: requiredText(L.shortText),
  titleEN: boundedText(L.shortText).default(''),
  level: LevelSchema,
  /** Estimated reading time in minutes. */
  readTime: z.number().min(0).max(L.readTimeMinutes).default(0),
  excerpt: boundedText(L.longText).default(''),
  content: z.array(SegmentSchema).min(1).max(L.segments),
  questions: z.array(QuestionSchema).max(L.questions).default([]),
  topic: boundedText(L.longText).default(''),
  length: StoryLengthSchema.optional(),
  source: StorySourceSchema,
  model: boundedText(L.shortText).optional(),
  /** The older app's id (e.g. `gen-1700000000000`) when this story was imported. */
  legacyId: boundedText(L.shortText).optional(),
  /** The id this story had when it was deleted here and then restored from a backup as a new copy. */
  restoredFrom: boundedText(L.shortText).optional(),
  media: MediaSummarySchema.optional(),
  /** Epoch milliseconds. */
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
  schemaVersion: z.int().min(1).default(STORY_SCHEMA_VERSION),
});

export type Reading = z.infer<typeof ReadingSchema>;
export type Vocab = z.infer<typeof VocabSchema>;
export type Segment = z.infer<typeof SegmentSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type Story = z.infer<typeof StorySchema>;
export type StorySource = z.infer<typeof StorySourceSchema>;
