import type { SyncTable } from '../db/rows';
import { PUSH_BATCH_BYTES, PUSH_BATCH_ROWS, SYNC_TABLES } from './constants';
import { buildChanges, type Change, markAttempted, markRejected, markSent, pendingRows } from './outbox';
import { failureKind, type RestClient, SyncHttpError } from './rest';
import { type RetryOptions, withRetry } from './transient-retry';

/**
 * Push: the outbox as batched, idempotent upserts on each table's key (a retried batch writes the
 * same rows again). A refused batch (4xx) is split in halves until the refused row is alone; that
 * row is kept aside with the server's reason and the rest goes through. A transient failure is
 * retried with backoff; if it persists, the push stops and everything not sent stays queued.
 * A row that cannot even be turned into a payload (outbox.ts) is kept aside the same way, status 0.
 *
 * Stories are keyed per user, `(user_id, id)` (supabase/migrations/20261205000000): user_id is
 * not in the payload, the server fills it from the token, so an upsert only ever meets the
 * caller's own row.
 */
export const CONFLICT_KEYS: Record<SyncTable, string> = {
  stories: 'user_id,id',
  reading_progress: 'user_id,story_id',
  user_settings: 'user_id',
};

export interface PushOptions extends RetryOptions {
  now?: number;
  /** Also send deletions still inside their undo window ("Sync now"). */
  force?: boolean;
}

export interface PushReport {
  sent: number;
  rejected: number;
  /** Upsert requests made, retries included. */
  requests: number;
}

export async function pushOutbox(rest: RestClient, options: PushOptions = {}): Promise<PushReport> {
  const report: PushReport = { sent: 0, rejected: 0, requests: 0 };
  const now = options.now ?? Date.now();
  for (const table of SYNC_TABLES) {
    const rows = await pendingRows(table, now, options.force ?? false);
    if (rows.length === 0) continue;
    const changes = await buildChanges(rows);
    for (const bad of changes.filter((c) => c.problem !== undefined)) {
      await markRejected(bad.row, 0, bad.problem ?? '');
      report.rejected += 1;
    }
    await markSent(changes.filter((c) => c.payload === null && c.problem === undefined).map((c) => c.row));
    for (const batch of batches(changes.filter((c) => c.payload !== null))) {
      await sendBatch(rest, table, batch, report, options);
    }
  }
  return report;
}

/** Consecutive groups of at most PUSH_BATCH_ROWS rows and about PUSH_BATCH_BYTES of JSON. */
export function batches<T extends { payload: object | null }>(changes: readonly T[], maxRows = PUSH_BATCH_ROWS, maxBytes = PUSH_BATCH_BYTES): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const change of changes) {
    const size = JSON.stringify(change.payload).length;
    if (current.length > 0 && (current.length >= maxRows || bytes + size > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(change);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

async function sendBatch(rest: RestClient, table: SyncTable, batch: Change[], report: PushReport, options: PushOptions): Promise<void> {
  try {
    await withRetry(() => {
      report.requests += 1;
      return rest.upsert(table, batch.map((c) => c.payload as object), CONFLICT_KEYS[table]);
    }, options);
  } catch (error) {
    if (!(error instanceof SyncHttpError) || failureKind(error) !== 'row') {
      if (error instanceof SyncHttpError && failureKind(error) === 'transient') await markAttempted(batch.map((c) => c.row));
      throw error;
    }
    if (batch.length === 1) {
      await markRejected(batch[0]!.row, error.status, rejectionReason(error));
      report.rejected += 1;
      return;
    }
    // One bad row fails the whole batch: halve until it is alone, sending the good halves.
    const middle = Math.ceil(batch.length / 2);
    await sendBatch(rest, table, batch.slice(0, middle), report, options);
    await sendBatch(rest, table, batch.slice(middle), report, options);
    return;
  }
  await markSent(batch.map((c) => c.row));
  report.sent += batch.length;
}

/** The server's reason, with a sentence for the refusals a learner can act on. */
export function rejectionReason(error: SyncHttpError): string {
  const detail = `${error.message} (HTTP ${error.status}${error.code ? `, ${error.code}` : ''})`;
  if (error.code === '42501') return `This row belongs to another account on the server. ${detail}`;
  if (error.status === 413) return `Too large for the server. ${detail}`;
  if (error.code === '23514') return `The server's checks refused this row. ${detail}`;
  return detail;
}
