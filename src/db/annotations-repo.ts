import type { TableProp } from 'dexie';
import { type Annotation, AnnotationSchema, type Explanation, fitAnnotation, mergeAnnotation } from '../domain/annotations';
import { getDb, type NihongoDb } from './database';
import { queueChange } from './outbox-repo';
import { STORY_WORD_TABLES, writeStoryWordsIn } from './words-repo';

/**
 * A story's words (issue 13), one row per story in `annotations`. Every write is checked against
 * the schema and fitted to the story as stored, so a row in this table always has tokens that add
 * up to their sentences, whoever wrote it (the annotate job, an import, a pull).
 */
export { getAnnotation } from './annotations-read';

export type SaveAnnotationResult =
  | { saved: true; repairedSegments: number }
  | { saved: false; reason: 'invalid' | 'no-story' | 'older' };

/**
 * What `writeAnnotationIn` needs of a transaction: a job's completing `tx`, or `getDb()` inside one.
 * The outbox is written in the same transaction as the words (outbox-repo.ts), so they sync, and
 * the story's running-word keys (words-repo.ts) with them.
 */
export type AnnotationTarget = Pick<NihongoDb, 'stories' | 'annotations' | 'storyWords' | 'outbox' | 'syncState'>;

/** The tables to open for `writeAnnotationIn` / `writeExplanationIn` (a job's `TaskOutcome.tables`). */
export const ANNOTATION_TABLES = ['stories', 'annotations', ...STORY_WORD_TABLES, 'outbox', 'syncState'] as const satisfies readonly TableProp<NihongoDb>[];

/**
 * Writes an annotation for a stored story, merged with the one stored (mergeAnnotation: the newer
 * tokens, every explanation). `force` is for the annotate job, whose tokens are always the newest.
 * Nothing is written when the merge changes nothing (an old import, a late pull): `older`.
 * A written row is queued for sync, except a bundled sample's (samples never sync, like stories).
 */
export async function writeAnnotationIn(target: AnnotationTarget, raw: unknown, options: { force?: boolean } = {}): Promise<SaveAnnotationResult> {
  const parsed = AnnotationSchema.safeParse(raw);
  if (!parsed.success) return { saved: false, reason: 'invalid' };
  const story = await target.stories.get(parsed.data.storyId);
  if (!story) return { saved: false, reason: 'no-story' };
  const stored = await target.annotations.get(story.id);
  const incoming = options.force && stored ? { ...parsed.data, updatedAt: Math.max(parsed.data.updatedAt, stored.updatedAt + 1) } : parsed.data;
  const { merged, changed } = mergeAnnotation(stored, incoming);
  if (!changed) return { saved: false, reason: 'older' };
  const { annotation, repairedSegments } = fitAnnotation(merged, story);
  await target.annotations.put(annotation);
  // Coverage is a lookup because the story's word keys are worked out here, once per write (issue 14).
  await writeStoryWordsIn(target, annotation);
  if (story.source !== 'sample') await queueChange(target, 'annotations', story.id, false);
  return { saved: true, repairedSegments };
}

/**
 * Stores the explain job's note on one sentence, creating the story's annotation row (with no
 * tokens yet) if there is none. The row's `updatedAt` moves on, so the change syncs.
 */
export async function writeExplanationIn(target: AnnotationTarget, storyId: string, segment: number, explanation: Explanation): Promise<SaveAnnotationResult> {
  const stored = await target.annotations.get(storyId);
  const story = await target.stories.get(storyId);
  if (!story) return { saved: false, reason: 'no-story' };
  const base: Annotation = stored ?? { storyId, segments: story.content.map(() => null), updatedAt: 0 };
  const updatedAt = Math.max(explanation.updatedAt, base.updatedAt + 1);
  const row = { ...base, explanations: { ...(base.explanations ?? {}), [String(segment)]: explanation }, updatedAt };
  return writeAnnotationIn(target, row, { force: true });
}

/** `writeAnnotationIn` in a transaction of its own (imports, pulls, tests). */
export async function saveAnnotation(raw: unknown, options: { force?: boolean } = {}): Promise<SaveAnnotationResult> {
  const db = getDb();
  return db.transaction('rw', [...ANNOTATION_TABLES], () => writeAnnotationIn(db, raw, options));
}

/** Every annotation of stories still in the library (the export's snapshot; see backup-repo.ts). */
export async function allAnnotations(): Promise<Annotation[]> {
  const db = getDb();
  return db.transaction('r', db.stories, db.annotations, async () => {
    const ids = new Set(await db.stories.toCollection().primaryKeys());
    return (await db.annotations.toArray()).filter((a) => ids.has(a.storyId));
  });
}

export async function deleteAnnotation(storyId: string): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.annotations, db.storyWords, () => Promise.all([db.annotations.delete(storyId), db.storyWords.delete(storyId)]));
}

