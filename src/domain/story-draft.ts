import type { Reading } from './story';

/**
 * What a page shows of a story still being written (issue 12): the title and the sentences whose
 * Japanese text is complete, with the furigana readings that have arrived. It lives in the `drafts`
 * table keyed by the job id, never in `stories`, so it is not synced, exported or backed up.
 *
 * No zod here: the Queue and the Reader read drafts, and pages should not load the schema library
 * for it. The writer (src/tasks/story-draft-writer.ts) normalises the text; `readDraft` re-checks the
 * shape and the caps of a row, which may come from another app version.
 */
export interface DraftSentence {
  jp: string;
  readings: Reading[];
}

export interface StoryDraft {
  titleJP: string;
  titleEN: string;
  sentences: DraftSentence[];
}

/** The row: the draft, its job and when it was last written. */
export interface DraftRow extends StoryDraft {
  jobId: string;
  updatedAt: number;
}

/** Caps in line with STORY_LIMITS (story.ts): a draft is never bigger than a story can be. */
export const DRAFT_LIMITS = { title: 300, sentence: 2_000, sentences: 200, readings: 300 } as const;

const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

function readSentence(value: unknown): DraftSentence | null {
  if (typeof value !== 'object' || value === null) return null;
  const { jp, readings } = value as { jp?: unknown; readings?: unknown };
  if (!isString(jp, DRAFT_LIMITS.sentence) || jp === '') return null;
  const good = Array.isArray(readings)
    ? readings.filter(
        (r): r is Reading =>
          typeof r === 'object' && r !== null && isString(r.text, DRAFT_LIMITS.title) && isString(r.reading, DRAFT_LIMITS.title),
      )
    : [];
  return { jp, readings: good.slice(0, DRAFT_LIMITS.readings).map((r) => ({ text: r.text, reading: r.reading })) };
}

/** A stored draft row checked before it is shown, or null when it does not read as one. */
export function readDraft(row: unknown): StoryDraft | null {
  if (typeof row !== 'object' || row === null) return null;
  const { titleJP, titleEN, sentences } = row as { titleJP?: unknown; titleEN?: unknown; sentences?: unknown };
  if (!isString(titleJP, DRAFT_LIMITS.title) || !isString(titleEN, DRAFT_LIMITS.title) || !Array.isArray(sentences)) return null;
  const read = sentences.slice(0, DRAFT_LIMITS.sentences).map(readSentence);
  // A bad sentence ends the list: what follows it would be shown out of place.
  const end = read.indexOf(null);
  return { titleJP, titleEN, sentences: (end === -1 ? read : read.slice(0, end)) as DraftSentence[] };
}
