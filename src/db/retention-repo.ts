import { getDb } from './database';
import { outboxId } from './outbox-repo';

/**
 * How long sync's leftovers stay on this device (ARCHITECTURE "Trust boundaries: growth and paid
 * work"). Both tables only ever grow otherwise: a tombstone is written for every deleted story and
 * nothing removed it, and a rejected outbox row waits for a "Try again" that may never come.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A tombstone is needed while its deletion has not reached the server (its outbox row is still
 * there, pending or rejected) and, after that, to answer a pull that still carries the story with
 * "push the deletion" instead of bringing it back. Once the server has the deletion it keeps it for
 * ever, so 90 days is far longer than any pull can lag. A tombstone written while signed out has no
 * outbox row: it goes after 90 days too (see the ARCHITECTURE section for what that means).
 */
export const TOMBSTONE_RETENTION_MS = 90 * DAY_MS;

/**
 * A rejected row (the server refused the change with a 4xx) is shown in Sync for "Try again" this
 * long after it was queued. Rows carry no rejection time; the first push after queueing is what
 * rejects them, normally within seconds. Only the outbox row goes: the local data stays as it is.
 * Refused deletions are kept (see below).
 */
export const REJECTED_OUTBOX_RETENTION_MS = 30 * DAY_MS;

export interface SyncLeftoversPruned {
  tombstones: number;
  rejectedOutbox: number;
}

/**
 * Deletes tombstones older than TOMBSTONE_RETENTION_MS that no outbox row names, and rejected outbox
 * rows queued before REJECTED_OUTBOX_RETENTION_MS ago, in one read-write transaction over both
 * tables: a deletion queued by another context commits its tombstone and its outbox row together,
 * so this pass sees both or neither and never drops a tombstone whose deletion is still to be sent.
 * Which tombstones are protected is decided before rejected rows go, so a tombstone whose rejected
 * row goes in this pass stays until the next one.
 */
export async function pruneSyncLeftovers(now: number): Promise<SyncLeftoversPruned> {
  const db = getDb();
  return db.transaction('rw', db.tombstones, db.outbox, async () => {
    // Both reads go through indexes, so a pass with nothing old to prune costs two key lookups.
    const oldTombstones = await db.tombstones.where('deletedAt').below(now - TOMBSTONE_RETENTION_MS).primaryKeys();
    const rowIds = oldTombstones.flatMap((storyId) => [outboxId('stories', storyId), outboxId('reading_progress', storyId)]);
    const queued = rowIds.length === 0 ? [] : await db.outbox.bulkGet(rowIds);
    const stillQueued = new Set(queued.flatMap((row) => (row ? [row.rowKey] : [])));
    const tombstones = oldTombstones.filter((storyId) => !stillQueued.has(storyId));
    const rejected = await db.outbox
      .where('queuedAt')
      .below(now - REJECTED_OUTBOX_RETENTION_MS)
      // A refused deletion is never dropped: it is the only record that the server still has to
      // delete the story (and it keeps the tombstone alive); dropping it would bring the story back.
      .filter((row) => row.rejected !== null && !row.deleted)
      .primaryKeys();
    await db.tombstones.bulkDelete(tombstones);
    await db.outbox.bulkDelete(rejected);
    return { tombstones: tombstones.length, rejectedOutbox: rejected.length };
  });
}
