import { getDb } from '../db/database';
import { outboxId, queueChange } from '../db/outbox-repo';
import type { SyncTable } from '../db/rows';

/**
 * The outbox as a pull leaves it (apply.ts, apply-annotations.ts): what this device has newer is
 * queued (its LOCAL version, which converges); a pending push older than what was just applied goes.
 * Inside the applying transaction, which lists `outbox` and `syncState`.
 */

/** Makes sure `key` is queued as `deleted`, leaving an equal pending (or rejected) row alone. */
export async function ensureQueued(table: SyncTable, key: string, deleted: boolean): Promise<void> {
  const existing = await getDb().outbox.get(outboxId(table, key));
  if (existing?.deleted !== deleted) await queueChange(getDb(), table, key, deleted);
}

/** A pending push of `key` is older than what was just applied: drop it (kept if rejected). */
export async function dropSuperseded(table: SyncTable, key: string): Promise<void> {
  const id = outboxId(table, key);
  const existing = await getDb().outbox.get(id);
  if (existing && existing.rejected === null) await getDb().outbox.delete(id);
}
