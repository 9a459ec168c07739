import { z } from 'zod';
import { containsCredential } from './secrets';
import { LevelSchema, STORY_LIMITS, StoryLengthSchema } from './story';
import { boundedText, requiredText } from './untrusted-text';

import { FIT_LIMITS } from './job-row';

export * from './job-row';

/**
 * A key pasted into the topic or instructions would be stored in the story, synced and exported:
 * refused here, so neither the form nor any other way to enqueue can store it (secrets.ts).
 */
export const KEY_IN_TEXT =
  'This looks like an API key or access token. Remove it — what you type here is saved with the story and can be synced.';
const noCredential = (text: string) => !containsCredential(text);

/*
 * Params schemas are loose: fields this version does not know are kept, not stripped. A row in
 * IndexedDB outlives the code that wrote it, and re-validating at claim stores the parsed params
 * back, so a strict schema would silently delete what a newer version added. The types below
 * describe only the known fields (a loose object's inferred type carries an index signature, and
 * `Omit` over one loses every named key).
 */
/** "About 90 / 95 / 98 % known": the share of running words the story should aim at. */
export const KNOWN_TARGETS = [0.9, 0.95, 0.98] as const;
export type KnownTarget = (typeof KNOWN_TARGETS)[number];

const WordRefSchema = z.object({
  base: requiredText(FIT_LIMITS.base).refine(noCredential, KEY_IN_TEXT),
  reading: boundedText(FIT_LIMITS.reading).refine(noCredential, KEY_IN_TEXT).default(''),
});
export type WordRef = z.output<typeof WordRefSchema>;

const storyShape = {
  topic: z.string().trim().min(1, 'Enter a topic').max(200, 'Keep the topic under 200 characters').refine(noCredential, KEY_IN_TEXT),
  level: LevelSchema,
  length: StoryLengthSchema,
  instructions: z.string().max(1000, 'Keep instructions under 1000 characters').refine(noCredential, KEY_IN_TEXT).default(''),
  /** "Use my learning words": most recently set first. */
  learningWords: z.array(WordRefSchema).max(FIT_LIMITS.learningWords).optional(),
  /** The share of known running words to aim at; absent = any. */
  knownTarget: z.literal(KNOWN_TARGETS).optional(),
  /** Words the learner knows, most recent first, shown to the model with `knownTarget`. */
  knownWords: z.array(WordRefSchema).max(FIT_LIMITS.knownWords).optional(),
};

const audioShape = {
  storyId: z.uuid(),
  voice: z.string().min(1).optional(),
};

const imageShape = {
  storyId: z.uuid(),
  /** `cover` = one picture; `paragraphs` = cover plus one per segment that has an imagePrompt. */
  scope: z.enum(['cover', 'paragraphs']).default('cover'),
};

/** The words of a story's sentences (issue 13): the tokens the Reader's word popover shows. */
const annotateShape = {
  storyId: z.uuid(),
};

/** A grammar note on one sentence: `segment` is its index in the story's content. */
const explainShape = {
  storyId: z.uuid(),
  segment: z.number().int().min(0).max(STORY_LIMITS.segments - 1),
};

export const StoryJobParamsSchema = z.looseObject(storyShape);
export const AudioJobParamsSchema = z.looseObject(audioShape);
export const ImageJobParamsSchema = z.looseObject(imageShape);
export const AnnotateJobParamsSchema = z.looseObject(annotateShape);
export const ExplainJobParamsSchema = z.looseObject(explainShape);

export const JOB_PARAMS_SCHEMAS = {
  story: StoryJobParamsSchema,
  audio: AudioJobParamsSchema,
  image: ImageJobParamsSchema,
  annotate: AnnotateJobParamsSchema,
  explain: ExplainJobParamsSchema,
} as const;

type Known<S extends z.ZodRawShape> = z.ZodObject<S>;

export type JobParams = {
  story: z.output<Known<typeof storyShape>>;
  audio: z.output<Known<typeof audioShape>>;
  image: z.output<Known<typeof imageShape>>;
  annotate: z.output<Known<typeof annotateShape>>;
  explain: z.output<Known<typeof explainShape>>;
};

/** What a caller passes to `enqueue` (fields with defaults may be left out). */
export type JobParamsInput = {
  story: z.input<Known<typeof storyShape>>;
  audio: z.input<Known<typeof audioShape>>;
  image: z.input<Known<typeof imageShape>>;
  annotate: z.input<Known<typeof annotateShape>>;
  explain: z.input<Known<typeof explainShape>>;
};
