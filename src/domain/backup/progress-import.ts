import { idFromLegacy } from '../ids';
import { type ReadingProgress, ReadingProgressSchema } from '../progress';
import { isRecord, timestampMs } from './legacy-values';

/**
 * Reading progress from a file, kept only for stories the same import accepted (progress without its
 * story would be an orphan row). Invalid entries are counted, not fatal.
 */
export interface ImportedProgress {
  progress: ReadingProgress[];
  skipped: number;
}

/**
 * This app's own export: an array of ReadingProgress rows.
 * @param idMap the file's story id → its id here, for every story the import accepted (a story
 *   restored as a new copy has a new id, and its progress follows it).
 */
export function ownProgress(raw: unknown, idMap: ReadonlyMap<string, string>): ImportedProgress {
  if (!Array.isArray(raw)) return { progress: [], skipped: raw === undefined || raw === null ? 0 : 1 };
  const progress: ReadingProgress[] = [];
  let skipped = 0;
  for (const entry of raw) {
    const parsed = ReadingProgressSchema.safeParse(entry);
    const storyId = parsed.success ? idMap.get(parsed.data.storyId) : undefined;
    if (!parsed.success) skipped++;
    else if (storyId !== undefined) progress.push({ ...parsed.data, storyId });
  }
  return { progress, skipped };
}

/**
 * The older app's `{ [storyId]: { scrollPercent, completed, lastRead } }`. It only knew a scroll
 * percentage; the segment to restore is estimated from it, assuming segments of similar height.
 * `lastRead` without a usable date falls back to the export time (or 0), never to "now", so that
 * importing the same file twice yields identical rows.
 *
 * @param idMap candidate story id (from the old id) → its id here, for every accepted story.
 * @param segmentCounts id here → number of segments.
 */
export function legacyProgress(
  raw: unknown,
  idMap: ReadonlyMap<string, string>,
  segmentCounts: ReadonlyMap<string, number>,
  exportedAt: number | null,
): ImportedProgress {
  if (!isRecord(raw)) return { progress: [], skipped: raw === undefined || raw === null ? 0 : 1 };
  const progress: ReadingProgress[] = [];
  let skipped = 0;
  for (const [oldId, entry] of Object.entries(raw)) {
    const storyId = idMap.get(idFromLegacy(oldId));
    const segments = storyId === undefined ? undefined : segmentCounts.get(storyId);
    if (storyId === undefined || segments === undefined) continue;
    const parsed = isRecord(entry) ? ReadingProgressSchema.safeParse(mapEntry(storyId, entry, segments, exportedAt)) : null;
    if (parsed?.success) progress.push(parsed.data);
    else skipped++;
  }
  return { progress, skipped };
}

function mapEntry(storyId: string, entry: Record<string, unknown>, segments: number, exportedAt: number | null) {
  const completed = entry.completed === true;
  const scroll = Number(entry.scrollPercent);
  const percent = Number.isFinite(scroll) ? Math.min(100, Math.max(0, scroll)) : completed ? 100 : 0;
  const position = (percent / 100) * segments;
  const segmentIndex = Math.max(0, Math.min(segments - 1, Math.floor(position)));
  const segmentOffset = Math.min(1, Math.max(0, position - segmentIndex));
  const lastReadAt = timestampMs(entry.lastRead) ?? exportedAt ?? 0;
  return { storyId, percent, segmentIndex, segmentOffset, completed, quizAnswers: {}, lastReadAt, updatedAt: lastReadAt };
}
