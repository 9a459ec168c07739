import { beforeEach, describe, expect, it } from 'vitest';
import { saveAnnotation } from '../../../src/db/annotations-repo';
import { applyImport, planLibraryImport } from '../../../src/db/backup-repo';
import { deleteStory, restoreDeletedStory } from '../../../src/db/library-repo';
import { queueChange } from '../../../src/db/outbox-repo';
import { saveProgress } from '../../../src/db/progress-repo';
import { saveSettings } from '../../../src/db/settings-repo';
import { putStories } from '../../../src/db/stories-repo';
import { buildBackup } from '../../../src/domain/backup/backup-format';
import { DEFAULT_SETTINGS } from '../../../src/domain/default-settings';
import { SAMPLE_STORIES } from '../../../src/domain/samples/sample-stories';
import { DELETE_GRACE_MS } from '../../../src/sync/constants';
import { buildChanges, markSent, pendingRows } from '../../../src/sync/outbox';
import { makeProgress, makeStory, storyId, T0 } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';
import { SIGNED_IN } from './fake-rest';

const db = useTestDb();
beforeEach(async () => {
  await db().syncState.put(SIGNED_IN);
});
const outbox = () => db().outbox.orderBy('id').toArray();

describe('changes are queued with the write that makes them, one row per key', () => {
  it('coalesces repeated changes of one row; queuedAt only moves forward', async () => {
    await putStories([makeStory(1)]);
    await putStories([makeStory(1, { titleEN: 'again' })]);
    await saveProgress(makeProgress(storyId(1), { percent: 10 }));
    await saveProgress(makeProgress(storyId(1), { percent: 20 }));
    const rows = await outbox();
    expect(rows.map((r) => [r.id, r.deleted])).toEqual([
      [`reading_progress:${storyId(1)}`, false],
      [`stories:${storyId(1)}`, false],
    ]);
    await queueChange(db(), 'stories', storyId(1), false, 5);
    await queueChange(db(), 'stories', storyId(1), false, 5);
    const row = await db().outbox.get(`stories:${storyId(1)}`);
    expect(row!.queuedAt).toBeGreaterThan(rows[1]!.queuedAt);
  });

  it('queues nothing while no one is signed in on this device (a local-only library pays nothing)', async () => {
    await db().syncState.delete('sync-account');
    await putStories([makeStory(1)]);
    await saveProgress(makeProgress(storyId(1)));
    await saveSettings({ theme: 'dark' });
    await deleteStory(storyId(1));
    expect(await outbox()).toEqual([]);
  });

  it('never queues the bundled samples, whose ids every learner shares', async () => {
    await putStories(SAMPLE_STORIES);
    await deleteStory(SAMPLE_STORIES[0]!.id);
    expect(await outbox()).toEqual([]);
  });

  it('settings changes are queued, and imports queue what they wrote', async () => {
    await saveSettings({ theme: 'dark' }, T0);
    expect((await outbox()).map((r) => r.id)).toEqual(['user_settings:app']);
    await db().outbox.clear();
    const backup = JSON.stringify(
      buildBackup({ stories: [makeStory(7)], progress: [makeProgress(storyId(7))], settings: DEFAULT_SETTINGS, now: T0, appVersion: 'test' }),
    );
    const plan = await planLibraryImport(backup, T0);
    if (!plan.ok) throw new Error('fixture backup was refused');
    await applyImport(plan, T0);
    // The file's preferences differ from the dark theme saved above, so they are queued too.
    expect((await outbox()).map((r) => r.id)).toEqual([`reading_progress:${storyId(7)}`, `stories:${storyId(7)}`, 'user_settings:app']);
  });
});

describe('deletions and undo', () => {
  it('a deletion is queued, waits out the undo window, and undo puts the outbox back as it was', async () => {
    await putStories([makeStory(1)]);
    await markSent(await outbox());
    const snapshot = await deleteStory(storyId(1), T0);
    expect(await outbox()).toMatchObject([{ id: `stories:${storyId(1)}`, deleted: true }]);
    const queuedAt = (await outbox())[0]!.queuedAt;
    expect(await pendingRows('stories', queuedAt + DELETE_GRACE_MS - 1, false)).toEqual([]);
    expect(await pendingRows('stories', queuedAt + DELETE_GRACE_MS, false)).toHaveLength(1);
    expect(await pendingRows('stories', queuedAt, true)).toHaveLength(1);
    await restoreDeletedStory(snapshot!);
    expect(await outbox()).toEqual([]);
  });
});

describe('a story’s words and its deletion', () => {
  it('a deleted story’s words send nothing (the server tombstones them with it), and undo queues them again', async () => {
    await putStories([makeStory(1)]);
    await saveAnnotation({ storyId: storyId(1), segments: [null, null], updatedAt: T0 });
    const snapshot = await deleteStory(storyId(1));
    // A push inside the undo window: the words' row has nothing to send, and leaves.
    const words = await pendingRows('annotations', Date.now(), false);
    expect((await buildChanges(words)).map((c) => c.payload)).toEqual([null]);
    await markSent(words);
    await restoreDeletedStory(snapshot!);
    expect((await outbox()).map((r) => [r.table, r.deleted])).toEqual([
      ['annotations', false],
      ['stories', false],
    ]);
  });
});

describe('marking rows sent', () => {
  it('leaves a row that changed while it was being sent', async () => {
    await putStories([makeStory(1), makeStory(2)]);
    const read = await outbox();
    await putStories([makeStory(2, { titleEN: 'edited meanwhile' })]);
    await markSent(read);
    expect((await outbox()).map((r) => r.rowKey)).toEqual([storyId(2)]);
  });
});
