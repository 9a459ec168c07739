import { describe, expect, it } from 'vitest';
import { deleteStoryWithUndo } from '../../../src/app/library-actions';
import { saveProgress } from '../../../src/db/progress-repo';
import { putStories } from '../../../src/db/stories-repo';
import { dumpDb } from '../../support/fixtures/db-dump';
import { makeMedia, makeProgress, makeStory, storyId } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();

describe('deleteStoryWithUndo', () => {
  it('deletes, and undo (even pressed twice) restores text, progress and media exactly', async () => {
    await putStories([makeStory(1), makeStory(2)]);
    await saveProgress(makeProgress(storyId(1)));
    await db().media.put(makeMedia(storyId(1), 'audio', 0, 64));
    const before = await dumpDb(db());

    const deletion = await deleteStoryWithUndo(storyId(1));
    expect(deletion).toMatchObject({ storyId: storyId(1), title: '雨の朝 1' });
    expect(await db().stories.get(storyId(1))).toBeUndefined();

    await Promise.all([deletion!.undo(), deletion!.undo()]);
    await deletion!.undo();
    expect(await dumpDb(db())).toEqual(before);
  });

  it('returns null for a story that is not there', async () => {
    expect(await deleteStoryWithUndo(storyId(9))).toBeNull();
  });
});
