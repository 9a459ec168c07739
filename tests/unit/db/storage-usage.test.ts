import { describe, expect, it } from 'vitest';
import type { MediaRow } from '../../../src/db/rows';
import { storageUsage } from '../../../src/db/storage-usage';
import { putStories } from '../../../src/db/stories-repo';
import { makeMedia, makeStory, storyId } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();

const utf8Bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

describe('storageUsage', () => {
  it('is zero for an empty library', async () => {
    expect(await storageUsage()).toEqual({ stories: 0, media: { audio: 0, images: 0 }, perStory: [] });
  });

  it('adds up text and media per story, largest first', async () => {
    const small = makeStory(1);
    const large = makeStory(2);
    await putStories([small, large]);
    await db().media.bulkPut([
      makeMedia(storyId(2), 'audio', 0, 1000),
      makeMedia(storyId(2), 'audio', 1, 500),
      makeMedia(storyId(2), 'image', -1, 2000),
      makeMedia(storyId(1), 'image', -1, 10),
      // Left behind by an interrupted job whose story is gone.
      makeMedia(storyId(3), 'audio', 0, 7),
    ]);

    const usage = await storageUsage();
    expect(usage.stories).toBe(utf8Bytes(small) + utf8Bytes(large));
    expect(usage.media).toEqual({ audio: 1507, images: 2010 });
    expect(usage.perStory).toEqual([
      { storyId: storyId(2), titleJP: '雨の朝 2', textBytes: utf8Bytes(large), audioBytes: 1500, imageBytes: 2000 },
      { storyId: storyId(1), titleJP: '雨の朝 1', textBytes: utf8Bytes(small), audioBytes: 0, imageBytes: 10 },
      { storyId: storyId(3), titleJP: '', textBytes: 0, audioBytes: 7, imageBytes: 0 },
    ]);
  });
});

describe('storageUsage of rows without a byte count', () => {
  it('falls back to the blob size', async () => {
    await putStories([makeStory(1)]);
    const { bytes: _b, ...row } = makeMedia(storyId(1), 'audio', 0, 42);
    // Rows written before `bytes` was recorded lack it.
    await db().media.put(row as MediaRow);
    expect((await storageUsage()).media.audio).toBe(42);
  });
});
