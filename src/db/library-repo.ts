import type { Annotation } from '../domain/annotations';
import type { ReadingProgress } from '../domain/progress';
import type { Story } from '../domain/story';
import { type StorySummary, toSummary } from '../domain/summary';
import type { StoryWords } from '../domain/words-coverage';
import { getDb } from './database';
import { outboxId, queueChange, queueChanges } from './outbox-repo';
import type { MediaRow, OutboxRow } from './rows';

/**
 * Deleting stories. A delete leaves a tombstone (so sync can push it and a pull cannot resurrect
 * the story) and returns everything it removed, so "Undo" can put the story back exactly as it was.
 * The snapshot lives in memory only: undo is for the seconds after the click, not across reloads.
 */
export interface DeletedStorySnapshot {
  story: Story;
  summary: StorySummary | null;
  progress: ReadingProgress | null;
  media: MediaRow[];
  /** The story's words (issue 13); optional, so a snapshot made by older code still restores. */
  annotation?: Annotation | null;
  /** The story's running-word keys (issue 14), kept with its words; the learner's words stay. */
  storyWords?: StoryWords | null;
  /** The story's, its words' and its progress's outbox rows before the delete, so undo restores them too. */
  outbox: OutboxRow[];
  deletedAt: number;
}

function libraryTables() {
  const db = getDb();
  return [db.stories, db.storySummaries, db.progress, db.media, db.annotations, db.storyWords, db.tombstones, db.outbox, db.syncState];
}

/** Removes a story with its summary, progress and media in one transaction; null if there is none. */
export async function deleteStory(id: string, now = Date.now()): Promise<DeletedStorySnapshot | null> {
  const db = getDb();
  return db.transaction('rw', libraryTables(), async () => {
    const story = await db.stories.get(id);
    if (!story) return null;
    const [summary, progress, media, annotation, storyWords, outbox] = await Promise.all([
      db.storySummaries.get(id),
      db.progress.get(id),
      db.media.where('storyId').equals(id).toArray(),
      db.annotations.get(id),
      db.storyWords.get(id),
      db.outbox.bulkGet(storyOutboxIds(id)),
    ]);
    await Promise.all([
      db.stories.delete(id),
      db.storySummaries.delete(id),
      db.progress.delete(id),
      db.media.where('storyId').equals(id).delete(),
      db.annotations.delete(id),
      db.storyWords.delete(id),
      db.tombstones.put({ storyId: id, deletedAt: now }),
    ]);
    if (story.source !== 'sample') await queueChange(db, 'stories', id, true, now);
    return {
      story,
      summary: summary ?? null,
      progress: progress ?? null,
      media,
      annotation: annotation ?? null,
      storyWords: storyWords ?? null,
      outbox: outbox.filter((row) => row !== undefined),
      deletedAt: now,
    };
  });
}

/** Undo: puts every removed row back and drops the tombstone, in one transaction. */
export async function restoreDeletedStory(snapshot: DeletedStorySnapshot): Promise<void> {
  const db = getDb();
  await db.transaction('rw', libraryTables(), async () => {
    await db.stories.put(snapshot.story);
    await db.storySummaries.put(snapshot.summary ?? toSummary(snapshot.story));
    if (snapshot.progress) await db.progress.put(snapshot.progress);
    if (snapshot.media.length > 0) await db.media.bulkPut(snapshot.media);
    if (snapshot.annotation) await db.annotations.put(snapshot.annotation);
    if (snapshot.storyWords) await db.storyWords.put(snapshot.storyWords);
    await db.tombstones.delete(snapshot.story.id);
    // The deletion is not pushed while undo is offered (src/sync waits DELETE_GRACE_MS): putting the
    // outbox back as it was means nothing about this story reaches the server.
    await db.outbox.bulkDelete(storyOutboxIds(snapshot.story.id));
    await db.outbox.bulkPut(snapshot.outbox ?? []);
  });
}

function storyOutboxIds(storyId: string): string[] {
  // The words' row too: a push inside the undo window drops it (nothing to send), undo puts it back.
  return [outboxId('stories', storyId), outboxId('annotations', storyId), outboxId('reading_progress', storyId)];
}

/**
 * "Delete all": every story with its summary, progress and media, leaving a tombstone for each.
 * Settings, the API key, jobs and sync bookkeeping stay: the learner asked to empty the library,
 * not to reset the app (and a job still running may add a story afterwards, which they asked for).
 * @returns how many stories were deleted.
 */
export async function deleteAllStories(now = Date.now()): Promise<number> {
  const db = getDb();
  return db.transaction('rw', libraryTables(), async () => {
    const ids = new Set<string>([
      ...(await db.stories.toCollection().primaryKeys()),
      ...(await db.storySummaries.toCollection().primaryKeys()),
    ]);
    const samples = new Set(await db.storySummaries.filter((s) => s.source === 'sample').primaryKeys());
    await Promise.all([db.stories.clear(), db.storySummaries.clear(), db.progress.clear(), db.media.clear(), db.annotations.clear(), db.storyWords.clear()]);
    await db.tombstones.bulkPut([...ids].map((storyId) => ({ storyId, deletedAt: now })));
    await queueChanges(db, 'stories', [...ids].filter((id) => !samples.has(id)), true, now);
    return ids.size;
  });
}

/**
 * Frees a story's audio and images but keeps its text and progress; the Reader can generate them
 * again. The story's media counts are zeroed without touching `updatedAt`: they describe this device
 * only, so the change is not an edit to sync.
 * @returns bytes freed.
 */
export async function deleteStoryMedia(storyId: string): Promise<number> {
  const db = getDb();
  return db.transaction('rw', db.stories, db.media, async () => {
    const rows = await db.media.where('storyId').equals(storyId).toArray();
    await db.media.where('storyId').equals(storyId).delete();
    const story = await db.stories.get(storyId);
    if (story?.media) await db.stories.put({ ...story, media: { ...story.media, audioSegments: 0, images: 0 } });
    return rows.reduce((sum, row) => sum + mediaBytes(row), 0);
  });
}

/** `bytes` is recorded when a blob is stored; older rows may lack it, the blob's size never lies. */
export function mediaBytes(row: MediaRow): number {
  return typeof row.bytes === 'number' ? row.bytes : (row.blob?.size ?? 0);
}
