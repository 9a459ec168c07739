import { z } from 'zod';
import { type Story, STORY_LIMITS } from './story';
import { SegmentTokensSchema, type Token } from './tokens';
import { repairTokens } from './tokens-repair';
import { boundedText, EpochMsSchema } from './untrusted-text';

/**
 * A story's words, in a row of their own keyed by the story (never inside the story row): the
 * annotate job, an import and a pull write it without ever racing an edit or a sync of the story.
 * The row is loose, so what a newer version adds (the explain job's notes) survives an older one.
 */
export const AnnotationSchema = z.looseObject({
  storyId: z.uuid(),
  /** One entry per segment of the story, in order; null where a sentence has no tokens (yet). */
  segments: z.array(SegmentTokensSchema.nullable()).max(STORY_LIMITS.segments),
  /** The model that annotated, for Diagnostics. */
  model: boundedText(STORY_LIMITS.shortText).optional(),
  /** Epoch milliseconds; the newer row wins on import and sync. */
  updatedAt: EpochMsSchema,
});

export type Annotation = z.infer<typeof AnnotationSchema>;

export interface FittedAnnotation {
  annotation: Annotation;
  /** Sentences whose tokens needed a repair (or were dropped): 0 for a clean annotation. */
  repairedSegments: number;
}

/**
 * An annotation made to fit its story: every sentence's tokens repaired against the sentence as
 * the story has it now (a story edited or re-synced since keeps its words wherever they still fit),
 * entries past the last sentence dropped, missing ones null.
 */
export function fitAnnotation(annotation: Annotation, story: Pick<Story, 'content'>): FittedAnnotation {
  let repairedSegments = 0;
  const segments = story.content.map((segment, i): Token[] | null => {
    const tokens = annotation.segments[i];
    if (tokens === undefined || tokens === null) return null;
    const repaired = repairTokens(segment.jp, tokens);
    if (repaired.repairs.length > 0 || repaired.tokens === null) repairedSegments++;
    return repaired.tokens;
  });
  if (annotation.segments.length > story.content.length) repairedSegments++;
  return { annotation: { ...annotation, segments }, repairedSegments };
}
