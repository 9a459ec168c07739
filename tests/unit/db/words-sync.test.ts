import { describe, expect, it } from 'vitest';
import { applyImport, exportLibraryFile, planLibraryImport } from '../../../src/db/backup-repo';
import { getDb } from '../../../src/db/database';
import { putStories } from '../../../src/db/stories-repo';
import { markStoryKnown, setWordState, undoWordChanges } from '../../../src/db/words-repo';
import { makeWordKey } from '../../../src/domain/words';
import { loadSyncView } from '../../../src/sync/status';
import { makeStory, storyId, T0 } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';
import { SIGNED_IN } from '../sync/fake-rest';

/**
 * Every change to what the learner knows is queued for sync in its own transaction (issue 14),
 * only while signed in: the popover's state, "mark the rest as known", Undo, and an import.
 */
const db = useTestDb();
const CAT = makeWordKey('猫', 'ねこ');
const DOG = makeWordKey('犬', 'いぬ');
const here = (at: number) => ({ storyId: storyId(1), segment: 0, at });
const queued = async () => (await db().outbox.toArray()).map((r) => [r.table, r.rowKey, r.deleted]);

async function storeStoryWords(): Promise<void> {
  const segments = [[{ surface: '猫', reading: 'ねこ', pos: 'noun' }, { surface: 'が', pos: 'particle' }, { surface: '犬', reading: 'いぬ', pos: 'noun' }]];
  await getDb().annotations.put({ storyId: storyId(1), segments, updatedAt: 1 });
}

describe('words queue their sync in the write', () => {
  it('queues nothing while signed out: a local-only learner pays nothing', async () => {
    await setWordState(CAT, 'known', here(T0));
    await storeStoryWords();
    await markStoryKnown(storyId(1), T0 + 1);
    expect(await db().outbox.count()).toBe(0);
  });

  it('queues the word a state change, "mark the rest as known" and Undo wrote, once per word', async () => {
    await db().syncState.put(SIGNED_IN);
    await setWordState(CAT, 'learning', here(T0));
    expect(await queued()).toEqual([['words', CAT, false]]);
    await db().outbox.clear();
    await storeStoryWords();
    const changes = await markStoryKnown(storyId(1), T0 + 1);
    expect(await queued()).toEqual([['words', DOG, false]]); // 猫 is learning: left alone, not queued
    await db().outbox.clear();
    await undoWordChanges(changes, T0 + 2);
    expect(await queued()).toEqual([['words', DOG, false]]);
  });

  it('queues the words an import wrote, not those it kept', async () => {
    await putStories([makeStory(1)]);
    await setWordState(CAT, 'known', here(T0));
    await setWordState(DOG, 'known', here(T0));
    const file = (await exportLibraryFile(T0 + 10, '0.1.0')).text;
    await setWordState(CAT, 'learning', here(T0 + 20)); // newer than the file's
    await db().words.delete(DOG);
    await db().syncState.put(SIGNED_IN);
    const plan = await planLibraryImport(file, T0 + 30);
    if (!plan.ok) throw new Error(plan.message);
    await applyImport(plan, T0 + 30);
    expect((await queued()).filter(([table]) => table === 'words')).toEqual([['words', DOG, false]]);
  });

  it('Settings names a refused word by its form and reading', async () => {
    const rejected = { status: 400, message: 'refused' };
    await db().outbox.put({ id: `words:${CAT}`, table: 'words', rowKey: CAT, deleted: false, queuedAt: 1, attempts: 1, rejected });
    expect((await loadSyncView()).rejected.map((r) => r.label)).toEqual(['Known words: 猫 (ねこ)']);
  });
});
