import { describe, expect, it } from 'vitest';
import { putStories } from '../../../src/db/stories-repo';
import { loadSyncView } from '../../../src/sync/status';
import { makeStory, storyId } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();

describe('Settings’ sync status', () => {
  it('names a refused annotation as the story’s word details, by its title', async () => {
    await putStories([makeStory(1)]);
    const rejected = { status: 400, message: 'refused' };
    await db().outbox.bulkPut([
      { id: `annotations:${storyId(1)}`, table: 'annotations', rowKey: storyId(1), deleted: false, queuedAt: 1, attempts: 1, rejected },
      { id: `annotations:${storyId(2)}`, table: 'annotations', rowKey: storyId(2), deleted: false, queuedAt: 2, attempts: 0, rejected: null },
    ]);
    const view = await loadSyncView();
    expect(view.rejected.map((r) => r.label)).toEqual([`Word details “${makeStory(1).titleJP}”`]);
    expect(view.pending).toBe(1);
  });
});
