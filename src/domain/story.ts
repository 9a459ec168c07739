import { z } from 'zod';
import { LEVELS, STORY_LENGTHS } from './levels';

/**
 * The Story format. The core fields keep the older app's shape (DESIGN §2) so old libraries import
 * cleanly; the rest is what this app adds. Objects are "loose": a row written by a newer app version
 * keeps the fields this version does not know.
 */
export const STORY_SCHEMA_VERSION = 1;

export const LevelSchema = z.enum(LEVELS);
export const StoryLengthSchema = z.enum(STORY_LENGTHS);
export const StorySourceSchema = z.enum(['generated', 'sample', 'imported']);

export const ReadingSchema = z.object({
  /** A substring of the segment's `jp` that contains kanji. */
  text: z.string().min(1),
  /** Its reading in hiragana. */
  reading: z.string().min(1),
});

export const VocabSchema = z.looseObject({
  word: z.string().min(1),
  reading: z.string().default(''),
  meaning: z.string().default(''),
});

export const SegmentSchema = z.looseObject({
  jp: z.string().min(1),
  readings: z.array(ReadingSchema).default([]),
  en: z.string().default(''),
  imagePrompt: z.string().optional(),
  vocab: z.array(VocabSchema).default([]),
});

export const QuestionSchema = z.looseObject({
  question: z.string().min(1),
  options: z.array(z.string().min(1)).length(4),
  /** Index of the correct option, 0–3. */
  answer: z.int().min(0).max(3),
  explanation: z.string().default(''),
});

export const MediaSummarySchema = z.looseObject({
  /** Number of narrated sentences stored on this device. */
  audioSegments: z.int().min(0).default(0),
  /** Number of stored images (cover = index -1 is counted too). */
  images: z.int().min(0).default(0),
});

export const StorySchema = z.looseObject({
  id: z.uuid(),
  titleJP: z.string().min(1),
  titleEN: z.string().default(''),
  level: LevelSchema,
  /** Estimated reading time in minutes. */
  readTime: z.number().min(0).default(0),
  excerpt: z.string().default(''),
  content: z.array(SegmentSchema).min(1),
  questions: z.array(QuestionSchema).default([]),
  topic: z.string().default(''),
  length: StoryLengthSchema.optional(),
  source: StorySourceSchema,
  model: z.string().optional(),
  /** The older app's id (e.g. `gen-1700000000000`) when this story was imported. */
  legacyId: z.string().optional(),
  media: MediaSummarySchema.optional(),
  /** Epoch milliseconds. */
  createdAt: z.number().int().min(0),
  updatedAt: z.number().int().min(0),
  schemaVersion: z.int().min(1).default(STORY_SCHEMA_VERSION),
});

export type Reading = z.infer<typeof ReadingSchema>;
export type Vocab = z.infer<typeof VocabSchema>;
export type Segment = z.infer<typeof SegmentSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type Story = z.infer<typeof StorySchema>;
export type StorySource = z.infer<typeof StorySourceSchema>;
