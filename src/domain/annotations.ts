import { z } from 'zod';
import { type Story, STORY_LIMITS } from './story';
import { SegmentTokensSchema, type Token } from './tokens';
import { repairTokens } from './tokens-repair';
import { boundedText, EpochMsSchema, requiredText } from './untrusted-text';

/**
 * A story's words, in a row of their own keyed by the story (never inside the story row): the
 * annotate job, an import and a pull write it without ever racing an edit or a sync of the story.
 * The row is loose, so what a newer version adds (the explain job's notes) survives an older one.
 */
/** Long enough for a note on a long sentence's structures; short enough to read in a popover. */
export const EXPLANATION_MAX = 4_000;

/** The explain job's grammar note on one sentence: plain text, shown as text (never HTML). */
export const ExplanationSchema = z.object({
  text: requiredText(EXPLANATION_MAX),
  model: boundedText(STORY_LIMITS.shortText).optional(),
  updatedAt: EpochMsSchema,
});
export type Explanation = z.infer<typeof ExplanationSchema>;

/** Explanations by segment index ("0", "1", …): a record, so two devices' notes merge key by key. */
const ExplanationsSchema = z.record(z.string().regex(/^\d{1,4}$/), ExplanationSchema);

export const AnnotationSchema = z.looseObject({
  storyId: z.uuid(),
  /** One entry per segment of the story, in order; null where a sentence has no tokens (yet). */
  segments: z.array(SegmentTokensSchema.nullable()).max(STORY_LIMITS.segments),
  /** The model that annotated, for Diagnostics. */
  model: boundedText(STORY_LIMITS.shortText).optional(),
  /** Grammar notes by sentence index, written by the explain job; merged, never overwritten, on sync. */
  explanations: ExplanationsSchema.optional(),
  /** Epoch milliseconds; the newer row's tokens win on import and sync. */
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
  const explanations = fittedExplanations(annotation.explanations, story.content.length);
  return { annotation: { ...annotation, segments, ...(explanations ? { explanations } : {}) }, repairedSegments };
}

function fittedExplanations(explanations: Annotation['explanations'], segments: number): Annotation['explanations'] {
  if (!explanations) return undefined;
  const kept = Object.entries(explanations).filter(([key]) => Number(key) < segments);
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/**
 * Two versions of a story's annotation made one, sentence by sentence: the newer row's tokens (and
 * model) where it has them, the other row's where the newer has none (a row made on a device that
 * only explained a sentence must not wipe another device's words), and every explanation either
 * has, the newer note for a sentence both explained. So a sync or an import never loses words or a
 * note that was paid for, whichever device wrote them. `changed` says whether the result differs
 * from `stored` (nothing to write when it does not).
 */
export function mergeAnnotation(stored: Annotation | undefined, incoming: Annotation): { merged: Annotation; changed: boolean } {
  if (!stored) return { merged: incoming, changed: true };
  const newer = incoming.updatedAt > stored.updatedAt ? incoming : stored;
  const older = newer === incoming ? stored : incoming;
  const length = Math.max(newer.segments.length, older.segments.length);
  const segments = Array.from({ length }, (_, i) => newer.segments[i] ?? older.segments[i] ?? null);
  const filled = segments.some((tokens, i) => tokens !== null && (stored.segments[i] ?? null) === null);
  const explanations: Record<string, Explanation> = { ...(stored.explanations ?? {}) };
  let notesChanged = false;
  for (const [key, note] of Object.entries(incoming.explanations ?? {})) {
    const mine = explanations[key];
    if (mine && mine.updatedAt >= note.updatedAt) continue;
    explanations[key] = note;
    notesChanged = true;
  }
  const hasNotes = Object.keys(explanations).length > 0;
  const merged: Annotation = { ...newer, segments, ...(hasNotes ? { explanations } : {}) };
  if (!hasNotes) delete merged.explanations;
  return { merged, changed: newer !== stored || notesChanged || filled };
}
