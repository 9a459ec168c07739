import { describe, expect, it } from 'vitest';
import { getAnnotation, saveAnnotation } from '../../../src/db/annotations-repo';
import { deleteAllStories, deleteStory, restoreDeletedStory } from '../../../src/db/library-repo';
import { putStories } from '../../../src/db/stories-repo';
import { dumpDb } from '../../support/fixtures/db-dump';
import { makeStory, storyId, T0 } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();

/** Words for makeStory's first sentence (雨が降っています。); the second has none yet. */
const words = (i: number) => ({
  storyId: storyId(i),
  segments: [[{ surface: '雨', reading: 'あめ' }, { surface: 'が' }, { surface: '降っています。' }], null],
  updatedAt: T0,
});

async function seed(): Promise<void> {
  await putStories([makeStory(1), makeStory(2)]);
  await saveAnnotation(words(1));
  await saveAnnotation(words(2));
}

describe('a deleted story takes its words with it', () => {
  it('deleteStory removes the story’s annotation and leaves the other story’s', async () => {
    await seed();
    const snapshot = await deleteStory(storyId(1), T0 + 1);
    expect(snapshot?.annotation).toEqual(words(1));
    expect(await getAnnotation(storyId(1))).toBeUndefined();
    expect(await getAnnotation(storyId(2))).toEqual(words(2));
  });

  it('undo puts the words back exactly', async () => {
    await seed();
    const before = await dumpDb(db());
    const snapshot = await deleteStory(storyId(1), T0 + 1);
    await restoreDeletedStory(snapshot!);
    expect(await dumpDb(db())).toEqual(before);
  });

  it('deleteAllStories empties the annotations too', async () => {
    await seed();
    await deleteAllStories(T0 + 5);
    expect(await db().annotations.count()).toBe(0);
  });
});
