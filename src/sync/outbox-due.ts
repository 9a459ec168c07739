import { getDb } from '../db/database';
import { CHANGE_DEBOUNCE_MS, DELETE_GRACE_MS } from './constants';

/** A burst of changes is sent this long after it ends, but never later than this after it began. */
export const CHANGE_MAX_WAIT_MS = 10_000;

/**
 * When the outbox next wants a push: a quiet moment after changes; a deletion after its undo window.
 * Null when nothing is waiting (rows the server refused wait for the learner, not for a timer).
 */
export async function outboxDueAt(): Promise<number | null> {
  const rows = (await getDb().outbox.toArray()).filter((r) => r.rejected === null);
  if (rows.length === 0) return null;
  const changes = rows.filter((r) => !r.deleted).map((r) => r.queuedAt);
  const deletions = rows.filter((r) => r.deleted).map((r) => r.queuedAt + DELETE_GRACE_MS);
  const due = changes.length > 0 ? [Math.min(Math.max(...changes) + CHANGE_DEBOUNCE_MS, Math.min(...changes) + CHANGE_MAX_WAIT_MS)] : [];
  return Math.min(...due, ...deletions);
}
