import { describe, expect, it } from 'vitest';
import { deleteAllStories, deleteStory, deleteStoryMedia, restoreDeletedStory } from '../../../src/db/library-repo';
import { saveProgress } from '../../../src/db/progress-repo';
import { setApiKey } from '../../../src/db/secrets-repo';
import { saveSettings } from '../../../src/db/settings-repo';
import { putStories } from '../../../src/db/stories-repo';
import { dumpDb } from '../../support/fixtures/db-dump';
import { makeMedia, makeProgress, makeStory, storyId, T0 } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();

async function seed(): Promise<void> {
  await putStories([makeStory(1, { media: { audioSegments: 2, images: 1 } }), makeStory(2)]);
  await saveProgress(makeProgress(storyId(1)));
  await saveProgress(makeProgress(storyId(2), { percent: 90 }));
  await db().media.bulkPut([
    makeMedia(storyId(1), 'audio', 0, 100),
    makeMedia(storyId(1), 'audio', 1, 120),
    makeMedia(storyId(1), 'image', -1, 500),
    makeMedia(storyId(2), 'audio', 0, 80),
  ]);
}

describe('deleteStory and undo', () => {
  it('removes text, summary, progress and media, and leaves a tombstone', async () => {
    await seed();
    const snapshot = await deleteStory(storyId(1), T0 + 1);
    expect(snapshot?.media).toHaveLength(3);
    expect(await db().stories.get(storyId(1))).toBeUndefined();
    expect(await db().storySummaries.get(storyId(1))).toBeUndefined();
    expect(await db().progress.get(storyId(1))).toBeUndefined();
    expect(await db().media.where('storyId').equals(storyId(1)).count()).toBe(0);
    expect(await db().tombstones.toArray()).toEqual([{ storyId: storyId(1), deletedAt: T0 + 1 }]);
    // The other story is untouched.
    expect(await db().media.where('storyId').equals(storyId(2)).count()).toBe(1);
  });

  it('undo restores everything exactly, and drops the tombstone', async () => {
    await seed();
    const before = await dumpDb(db());
    const snapshot = await deleteStory(storyId(1), T0 + 1);
    await restoreDeletedStory(snapshot!);
    expect(await dumpDb(db())).toEqual(before);
  });

  it('returns null for a story that does not exist', async () => {
    expect(await deleteStory(storyId(404), T0)).toBeNull();
    expect(await db().tombstones.count()).toBe(0);
  });
});

describe('deleteAllStories', () => {
  it('empties the library but keeps settings, the key and bookkeeping', async () => {
    await seed();
    await saveSettings({ theme: 'dark' }, T0);
    await setApiKey('AIzaSyKeep', T0);
    await db().syncState.put({ key: 'legacy-migration', value: { decision: 'done', at: T0 } });

    expect(await deleteAllStories(T0 + 5)).toBe(2);
    const after = await dumpDb(db());
    for (const table of ['stories', 'storySummaries', 'progress', 'media']) expect(after[table], table).toEqual([]);
    expect(after.tombstones).toEqual([
      { storyId: storyId(1), deletedAt: T0 + 5 },
      { storyId: storyId(2), deletedAt: T0 + 5 },
    ]);
    expect(after.settings).toHaveLength(1);
    expect(after.secrets).toHaveLength(1);
    expect(after.syncState).toHaveLength(1);
  });
});

describe('deleteStoryMedia', () => {
  it('frees audio and images but keeps the text and progress', async () => {
    await seed();
    const story = await db().stories.get(storyId(1));
    expect(await deleteStoryMedia(storyId(1))).toBe(720);
    expect(await db().media.where('storyId').equals(storyId(1)).count()).toBe(0);
    expect(await db().stories.get(storyId(1))).toEqual({ ...story, media: { audioSegments: 0, images: 0 } });
    expect(await db().progress.get(storyId(1))).toEqual(makeProgress(storyId(1)));
    expect(await db().media.where('storyId').equals(storyId(2)).count()).toBe(1);
  });
});
