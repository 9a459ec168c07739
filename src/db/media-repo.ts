import { isStorableImageType } from '../domain/image-type';
import type { Story } from '../domain/story';
import { getDb } from './database';
import type { MediaKind, MediaRow } from './rows';

/**
 * Narrated sentences and pictures, one blob per row keyed `[storyId+kind+index]` (index = segment,
 * -1 = cover). Blobs stay on this device: they are neither exported nor synced.
 *
 * Story rows carry a `media` summary (`audioSegments`, `images`) for lists; it is recomputed from
 * this table in the same transaction as every media write (see src/tasks/media-step.ts) and zeroed
 * by "delete media" (library-repo), so it never claims more than is stored. Screens that need to be
 * exact (the Reader) read this table itself.
 */

/** The key range of one story's rows of one kind (indexes are numbers, -1 … n). */
function range(storyId: string, kind: MediaKind) {
  return getDb()
    .media.where('[storyId+kind+index]')
    .between([storyId, kind, -Infinity], [storyId, kind, Infinity], true, true);
}

/** Indexes stored for a story, ascending; reads keys only, never the blobs. */
export async function mediaIndexes(storyId: string, kind: MediaKind): Promise<number[]> {
  const keys = await range(storyId, kind).primaryKeys();
  return keys.map((key) => key[2]);
}

export interface StoredMedia {
  audio: number[];
  images: number[];
}

/** Both kinds at once, for the Reader's liveQuery (keys only). */
export async function storedMedia(storyId: string): Promise<StoredMedia> {
  const [audio, images] = await Promise.all([mediaIndexes(storyId, 'audio'), mediaIndexes(storyId, 'image')]);
  return { audio, images };
}

/**
 * One stored blob. A picture whose type is not PNG, JPEG or WebP is never handed out: rows written
 * before types were sniffed (src/domain/image-type.ts) kept the model's label, and an object URL of
 * an `image/svg+xml` blob is a same-origin document that can run script.
 */
export function getMedia(storyId: string, kind: MediaKind, index: number): Promise<MediaRow | undefined> {
  return getDb()
    .media.get([storyId, kind, index])
    .then((row) => (row && kind === 'image' && !isStorableImageType(row.blob.type) ? undefined : row));
}

/** The summary a story row should carry, counted from this table (works inside a transaction). */
export async function countMedia(storyId: string): Promise<{ audioSegments: number; images: number }> {
  const [audioSegments, images] = await Promise.all([range(storyId, 'audio').count(), range(storyId, 'image').count()]);
  return { audioSegments, images };
}

/**
 * The story with its media summary recounted. `updatedAt` is left alone: the summary describes this
 * device only, so it is not an edit for sync to push.
 */
export async function withMediaSummary(story: Story): Promise<Story> {
  const counts = await countMedia(story.id);
  return { ...story, media: { ...story.media, ...counts } };
}

/**
 * Settings' "Delete all narration" / "Delete all pictures": every row of one kind, for every story,
 * with each story's media summary zeroed for that kind in the same transaction (as deleting one
 * story's media does, without touching `updatedAt`: the summary describes this device only). Reads
 * keys, never blobs. @returns how many stories lost media.
 */
export async function deleteAllMediaOfKind(kind: MediaKind): Promise<number> {
  const db = getDb();
  return db.transaction('rw', db.stories, db.media, async () => {
    const keys = (await db.media.toCollection().primaryKeys()).filter((key) => key[1] === kind);
    await db.media.bulkDelete(keys);
    const ids = [...new Set(keys.map((key) => key[0]))];
    const field = kind === 'audio' ? 'audioSegments' : 'images';
    for (const story of await db.stories.bulkGet(ids)) {
      if (story?.media) await db.stories.put({ ...story, media: { ...story.media, [field]: 0 } });
    }
    return ids.length;
  });
}
