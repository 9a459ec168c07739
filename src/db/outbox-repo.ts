import type { Story } from '../domain/story';
import type { NihongoDb } from './database';
import type { OutboxRow, SyncTable } from './rows';

/**
 * The sync outbox, as the repositories write it: one row per changed (table, key), queued in the
 * SAME transaction as the local write it describes, so a change can never be saved without its row
 * (or the reverse), whichever context made it — a tab, or the service worker finishing a job.
 *
 * Callers pass whatever gives them the transaction's `outbox` and `syncState` tables: `getDb()`
 * inside a `db.transaction(…)` that lists both, or a job's `tx`. (Dexie hooks cannot add a table to
 * a running transaction, which is why this is an explicit call and not a hook.)
 *
 * Rows are queued only while a learner is signed in on this device (the `sync-account` row, read in
 * the same transaction, so a worker sees a sign-in made in a tab): a local-only library pays
 * nothing, and a sign-in queues the whole library once (src/sync/session.ts). Rows applied from a
 * pull never come here.
 */
export type OutboxTarget = Pick<NihongoDb, 'outbox' | 'syncState'>;

/** `syncState` key of the signed-in account (src/sync/state.ts owns its value). */
export const SYNC_ACCOUNT_KEY = 'sync-account';

/** The one row key of `user_settings` (a device has one settings object). */
export const SETTINGS_ROW_KEY = 'app';

export function outboxId(table: SyncTable, rowKey: string): string {
  return `${table}:${rowKey}`;
}

/**
 * Queues (or coalesces into the pending row) a change of `rowKey`. A repeated change replaces the
 * row: the push always sends the row's current local state, so one row per key is all it needs.
 * `queuedAt` only moves forward, so a push can tell a row changed while it was being sent.
 */
export async function queueChange(target: OutboxTarget, table: SyncTable, rowKey: string, deleted: boolean, now = Date.now()): Promise<void> {
  await queueChanges(target, table, [rowKey], deleted, now);
}

export async function queueChanges(target: OutboxTarget, table: SyncTable, rowKeys: readonly string[], deleted: boolean, now = Date.now()): Promise<void> {
  if (rowKeys.length === 0 || !(await target.syncState.get(SYNC_ACCOUNT_KEY))) return;
  const queuedAt = nextQueuedAt(now);
  await target.outbox.bulkPut(rowKeys.map((rowKey): OutboxRow => ({ id: outboxId(table, rowKey), table, rowKey, deleted, queuedAt, attempts: 0, rejected: null })));
}

let lastQueuedAt = 0;

/**
 * Strictly increasing in this context, so a row re-queued while a push was sending it never carries
 * the `queuedAt` the push read (without reading the row first: imports queue thousands at once).
 */
function nextQueuedAt(now: number): number {
  lastQueuedAt = Math.max(now, lastQueuedAt + 1);
  return lastQueuedAt;
}

/**
 * Ids of the stories that sync. The bundled samples do not: every device has them already (the
 * server keys stories per learner, `(user_id, id)`, so they would not collide, only waste space).
 */
export function syncedStoryIds(stories: readonly Pick<Story, 'id' | 'source'>[]): string[] {
  return stories.filter((story) => story.source !== 'sample').map((story) => story.id);
}
