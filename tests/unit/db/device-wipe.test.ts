import { describe, expect, it } from 'vitest';
import { deleteAllMediaOfKind } from '../../../src/db/media-repo';
import { wipeDatabase } from '../../../src/db/wipe';
import { makeMedia, makeStory, storyId } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();

describe('deleteAllMediaOfKind', () => {
  it('removes one kind for every story, zeroes that count only, and leaves the other kind', async () => {
    const a = { ...makeStory(1), media: { audioSegments: 2, images: 1 } };
    const b = { ...makeStory(2), media: { audioSegments: 1, images: 0 } };
    await db().stories.bulkPut([a, b]);
    await db().media.bulkPut([
      makeMedia(storyId(1), 'audio', 0, 8), makeMedia(storyId(1), 'audio', 1, 8), makeMedia(storyId(1), 'image', -1, 8),
      makeMedia(storyId(2), 'audio', 0, 8),
    ]);
    expect(await deleteAllMediaOfKind('audio')).toBe(2);
    expect((await db().media.toArray()).map((r) => [r.storyId, r.kind])).toEqual([[storyId(1), 'image']]);
    expect((await db().stories.get(storyId(1)))?.media).toMatchObject({ audioSegments: 0, images: 1 });
    expect((await db().stories.get(storyId(2)))?.media).toMatchObject({ audioSegments: 0, images: 0 });
    // What the learner did not touch is not an edit: updatedAt stays, so sync pushes nothing.
    expect((await db().stories.get(storyId(1)))?.updatedAt).toBe(a.updatedAt);
  });
});

describe('wipeDatabase', () => {
  it('empties every table and leaves nothing for sync to push', async () => {
    await db().stories.put(makeStory(1));
    await db().media.put(makeMedia(storyId(1), 'audio', 0, 8));
    await db().secrets.put({ key: 'geminiApiKey', value: 'not-a-real-key', updatedAt: 1 } as never);
    expect(await wipeDatabase()).toBeGreaterThanOrEqual(3);
    for (const table of db().tables) expect({ table: table.name, rows: await table.count() }).toEqual({ table: table.name, rows: 0 });
  });
});
