import type { SyncTable } from '../db/rows';
import { PUSH_BATCH_BYTES, PUSH_BATCH_ROWS, SYNC_TABLES } from './constants';
import { buildChanges, type Change, markAttempted, markRejected, markSent, pendingRows } from './outbox';
import { failureKind, mayBeTooLarge, type RestClient, SyncHttpError } from './rest';
import { type RetryOptions, withRetry } from './transient-retry';

/**
 * Push: the outbox as batched, idempotent upserts on each table's key (a retried batch writes the
 * same rows again). What a refusal means is decided from its error code (rest.ts failureKind):
 *  - a row's own fault (a CHECK, a bad value, RLS on that row): the batch is split in halves until
 *    the refused row is alone; it is kept aside with the server's reason, the rest goes through;
 *  - the request was too much (413, 21000, or a timeout twice): halves, until one row is left —
 *    a single row the server finds too large is kept aside, the others go;
 *  - transient (network, 429, 5xx): retried with backoff; if it persists the push stops, all kept;
 *  - anything else is the project's set-up: the push stops at once with the outbox intact.
 * A row that cannot even be turned into a payload (outbox.ts) is kept aside the same way, status 0.
 *
 * Stories are keyed per user, `(user_id, id)` (supabase/migrations/20261205000000): user_id is
 * not in the payload, the server fills it from the token, so an upsert only ever meets the
 * caller's own row.
 */
export const CONFLICT_KEYS: Record<SyncTable, string> = {
  stories: 'user_id,id',
  annotations: 'user_id,story_id',
  reading_progress: 'user_id,story_id',
  user_settings: 'user_id',
  words: 'user_id,key',
  review_logs: 'user_id,id',
  reading_days: 'user_id,key',
};

export interface PushOptions extends RetryOptions {
  now?: number;
  /** Also send deletions still inside their undo window ("Sync now"). */
  force?: boolean;
}

/** The tables one push sends, in SYNC_TABLES order (sync-now.ts splits a sync around its pull). */
export type PushTables = readonly SyncTable[];

export interface PushReport {
  sent: number;
  rejected: number;
  /** Upsert requests made, retries included. */
  requests: number;
}

export async function pushOutbox(rest: RestClient, options: PushOptions = {}, tables: PushTables = SYNC_TABLES): Promise<PushReport> {
  const report: PushReport = { sent: 0, rejected: 0, requests: 0 };
  const now = options.now ?? Date.now();
  for (const table of SYNC_TABLES.filter((t) => tables.includes(t))) {
    const rows = await pendingRows(table, now, options.force ?? false);
    if (rows.length === 0) continue;
    const changes = await buildChanges(rows);
    for (const bad of changes.filter((c) => c.problem !== undefined)) {
      await markRejected(bad.row, 0, bad.problem ?? '');
      report.rejected += 1;
    }
    await markSent(changes.filter((c) => c.payload === null && c.problem === undefined).map((c) => c.row));
    const { kept, superseded } = oneChangePerKey(table, changes.filter((c) => c.payload !== null));
    // The kept change is sent with the row's current state, which covers the others too.
    await markSent(superseded.map((c) => c.row));
    for (const batch of batches(kept)) {
      await sendBatch(rest, table, batch, report, options);
    }
  }
  return report;
}

/**
 * One change per conflict key, the newest (latest queuedAt): Postgres refuses an upsert that meets
 * one key twice (21000, "cannot affect row a second time") and PostgREST answers that with a 500,
 * which retrying the same batch never fixes. user_id is the token's, the same for every row.
 */
export function oneChangePerKey<T extends { row: { queuedAt: number }; payload: object | null }>(table: SyncTable, changes: readonly T[]): { kept: T[]; superseded: T[] } {
  const columns = CONFLICT_KEYS[table].split(',').filter((c) => c !== 'user_id');
  const newest = new Map<string, T>();
  for (const change of changes) {
    const payload = (change.payload ?? {}) as Record<string, unknown>;
    const key = JSON.stringify(columns.map((c) => payload[c]));
    const seen = newest.get(key);
    if (!seen || change.row.queuedAt > seen.row.queuedAt) newest.set(key, change);
  }
  const winners = new Set(newest.values());
  return { kept: changes.filter((c) => winners.has(c)), superseded: changes.filter((c) => !winners.has(c)) };
}

const utf8 = new TextEncoder();

/**
 * Consecutive groups of at most PUSH_BATCH_ROWS rows and about PUSH_BATCH_BYTES of JSON, counted in
 * UTF-8 bytes as sent (Japanese text is ~3 bytes a character, so string length under-counts 3×).
 */
export function batches<T extends { payload: object | null }>(changes: readonly T[], maxRows = PUSH_BATCH_ROWS, maxBytes = PUSH_BATCH_BYTES): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 2; // the array's brackets
  for (const change of changes) {
    const size = utf8.encode(JSON.stringify(change.payload)).length + 1; // and its comma
    if (current.length > 0 && (current.length >= maxRows || bytes + size > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 2;
    }
    current.push(change);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** A batch that failed twice in a way a smaller one might not (rest.ts mayBeTooLarge) is halved. */
const TOO_LARGE_AFTER = 2;

/** `lastTry`: one request, no retries; no answer then means this row is what the project cannot take. */
async function sendBatch(rest: RestClient, table: SyncTable, batch: Change[], report: PushReport, options: PushOptions, lastTry = false): Promise<void> {
  let suspect = 0;
  const giveUp = (error: SyncHttpError) => batch.length > 1 && mayBeTooLarge(error) && ++suspect >= TOO_LARGE_AFTER;
  try {
    await withRetry(() => {
      report.requests += 1;
      return rest.upsert(table, batch.map((c) => c.payload as object), CONFLICT_KEYS[table]);
    }, lastTry ? { ...options, retries: 0 } : options, giveUp);
  } catch (error) {
    if (!(error instanceof SyncHttpError)) throw error;
    const kind = failureKind(error);
    const split = kind === 'row' || kind === 'batch' || (kind === 'transient' && suspect >= TOO_LARGE_AFTER);
    if (batch.length > 1 && split) {
      // One bad row fails the whole batch, and a smaller request may pass where this one did not:
      // halve until the bad row is alone, sending the good halves.
      const middle = Math.ceil(batch.length / 2);
      await sendBatch(rest, table, batch.slice(0, middle), report, options);
      await sendBatch(rest, table, batch.slice(middle), report, options);
      return;
    }
    const tooLarge = kind === 'batch' && error.status === 413;
    const unanswered = batch.length === 1 && kind === 'transient' && mayBeTooLarge(error);
    if (unanswered && !lastTry && (await projectAnswers(rest, table))) {
      // The project answers a tiny request: one more try of this row alone tells a passing blip
      // from a row it cannot take.
      return sendBatch(rest, table, batch, report, options, true);
    }
    if (kind === 'row' || tooLarge || (unanswered && lastTry)) {
      await markRejected(batch[0]!.row, error.status, rejectionReason(error));
      report.rejected += 1;
      return;
    }
    if (kind === 'transient') await markAttempted(batch.map((c) => c.row));
    throw error;
  }
  await markSent(batch.map((c) => c.row));
  report.sent += batch.length;
}

/**
 * One row alone got no answer (or timed out) every time. If the project answers a tiny request now,
 * the connection is fine and the row may be what it cannot take: a gateway's 413 without CORS
 * headers reaches a page as no answer at all. Otherwise the network is down: everything stays queued.
 */
async function projectAnswers(rest: RestClient, table: SyncTable): Promise<boolean> {
  try {
    await rest.select(table, [
      ['select', PROBE_COLUMN[table]],
      ['limit', '0'],
    ]);
    return true;
  } catch {
    return false;
  }
}

const PROBE_COLUMN: Record<SyncTable, string> = { stories: 'id', annotations: 'story_id', reading_progress: 'story_id', user_settings: 'user_id', words: 'key', review_logs: 'id', reading_days: 'key' };

/** The server's reason, with a sentence for the refusals a learner can act on. */
export function rejectionReason(error: SyncHttpError): string {
  const detail = `${error.message} (HTTP ${error.status}${error.code ? `, ${error.code}` : ''})`;
  if (error.code === '42501') return `This row belongs to another account on the server. ${detail}`;
  if (error.status === 413) return `Too large for your Supabase project to accept, even on its own. ${detail}`;
  if (mayBeTooLarge(error)) {
    return `Your Supabase project never answered for this change alone, though it answers otherwise: it is probably too large for the project to accept. ${detail}`;
  }
  if (error.code === '23514') return `The server's checks refused this row. ${detail}`;
  return detail;
}
