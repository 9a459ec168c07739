import { describe, expect, it } from 'vitest';
import { deleteStory } from '../../../src/db/library-repo';
import { queueChange, SYNC_ACCOUNT_KEY } from '../../../src/db/outbox-repo';
import { pruneSyncLeftovers, REJECTED_OUTBOX_RETENTION_MS, TOMBSTONE_RETENTION_MS } from '../../../src/db/retention-repo';
import { putStories } from '../../../src/db/stories-repo';
import { markRejected, markSent } from '../../../src/sync/outbox';
import { makeStory, storyId } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();
const DAY = 24 * 60 * 60 * 1000;

/**
 * Each test's own epoch, ahead of every time used before: an outbox row's `queuedAt` only moves
 * forward within a context (outbox-repo.ts), so a test cannot go back to an earlier clock.
 */
let clock = Date.now();
const freshEpoch = () => {
  clock += 1000 * DAY;
  return clock;
};

async function signIn(): Promise<void> {
  await db().syncState.put({ key: SYNC_ACCOUNT_KEY, value: { url: 'https://x.supabase.co', userId: 'me', email: 'me@example.test', since: 0 } });
}

/** Deletes story `i` the way the Library does: a tombstone, and (signed in) a queued deletion. */
async function deleteAt(i: number, at: number): Promise<void> {
  await putStories([makeStory(i)]);
  await deleteStory(storyId(i), at);
}

const tombstoneIds = async () => (await db().tombstones.toCollection().primaryKeys()).sort();
const outboxIds = async () => (await db().outbox.toCollection().primaryKeys()).sort();
const outboxRow = async (i: number) => {
  const row = await db().outbox.get(`stories:${storyId(i)}`);
  if (!row) throw new Error(`no outbox row for story ${i}`);
  return row;
};

describe('tombstone retention', () => {
  it('drops a tombstone 90 days after the deletion once nothing in the outbox names it', async () => {
    const t0 = freshEpoch();
    await signIn();
    await deleteAt(1, t0);
    await deleteAt(2, t0 + 80 * DAY);
    await markSent([await outboxRow(1), await outboxRow(2)]);
    expect(await pruneSyncLeftovers(t0 + TOMBSTONE_RETENTION_MS - 1)).toEqual({ tombstones: 0, rejectedOutbox: 0 });
    expect(await pruneSyncLeftovers(t0 + TOMBSTONE_RETENTION_MS + 1)).toEqual({ tombstones: 1, rejectedOutbox: 0 });
    expect(await tombstoneIds()).toEqual([storyId(2)]);
  });

  it('never drops a tombstone whose deletion is still waiting to be pushed, however old', async () => {
    const t0 = freshEpoch();
    await signIn();
    await deleteAt(1, t0);
    const later = t0 + 3 * TOMBSTONE_RETENTION_MS;
    expect(await pruneSyncLeftovers(later)).toEqual({ tombstones: 0, rejectedOutbox: 0 });
    expect(await tombstoneIds()).toEqual([storyId(1)]);
    expect(await outboxIds()).toEqual([`stories:${storyId(1)}`]);
  });

  it('never drops a refused deletion, nor the tombstone it protects: the server still has to delete the story', async () => {
    const t0 = freshEpoch();
    await signIn();
    await deleteAt(1, t0);
    await markRejected(await outboxRow(1), 400, 'Bad request');
    const later = t0 + TOMBSTONE_RETENTION_MS + REJECTED_OUTBOX_RETENTION_MS + 1;
    expect(await pruneSyncLeftovers(later)).toEqual({ tombstones: 0, rejectedOutbox: 0 });
    expect(await pruneSyncLeftovers(later)).toEqual({ tombstones: 0, rejectedOutbox: 0 });
    expect(await tombstoneIds()).toEqual([storyId(1)]);
    expect(await outboxIds()).toEqual([`stories:${storyId(1)}`]);
  });

  it('drops a tombstone written while signed out (nothing to push) after 90 days', async () => {
    const t0 = freshEpoch();
    await deleteAt(1, t0);
    expect(await outboxIds()).toEqual([]);
    expect(await pruneSyncLeftovers(t0 + TOMBSTONE_RETENTION_MS + 1)).toEqual({ tombstones: 1, rejectedOutbox: 0 });
  });
});

describe('rejected outbox rows', () => {
  it('are kept 30 days after they were queued; pending rows are never touched', async () => {
    const t0 = freshEpoch();
    await signIn();
    await queueChange(db(), 'stories', storyId(1), false, t0);
    await queueChange(db(), 'stories', storyId(3), false, t0 + 1);
    await queueChange(db(), 'stories', storyId(2), false, t0 + 20 * DAY);
    await markRejected(await outboxRow(1), 422, 'Row refused');
    await markRejected(await outboxRow(2), 422, 'Row refused');
    const at = t0 + REJECTED_OUTBOX_RETENTION_MS + 1;
    expect(await pruneSyncLeftovers(at)).toEqual({ tombstones: 0, rejectedOutbox: 1 });
    expect(await outboxIds()).toEqual([`stories:${storyId(2)}`, `stories:${storyId(3)}`]);
  });
});
