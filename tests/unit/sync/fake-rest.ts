import type { RestClient } from '../../../src/sync/rest';
import { SyncHttpError } from '../../../src/sync/rest';
import { timestampMicros } from '../../../src/sync/watermark';

/**
 * An in-memory stand-in for one learner's PostgREST tables, answering exactly the calls the sync
 * makes (upsert on a key, keyset select). The server clock is a microsecond counter the test can
 * move, and a row can be committed "late" with an older stamp, as out-of-order transactions do.
 * Like the real schema, a deleted row stays deleted.
 */
type Row = Record<string, unknown> & { updated_at: string };

const KEYS: Record<string, string> = { stories: 'id', reading_progress: 'story_id', user_settings: 'user_id' };

export function stamp(micros: number): string {
  const iso = new Date(Math.floor(micros / 1000)).toISOString().slice(0, 23);
  return `${iso}${String(micros % 1000).padStart(3, '0')}+00:00`;
}

export class FakeRest implements RestClient {
  readonly tables = new Map<string, Row[]>([['stories', []], ['reading_progress', []], ['user_settings', []]]);
  readonly log: Array<{ method: 'GET' | 'POST'; table: string; rows: number }> = [];
  /** Errors to throw on the next calls, in order (transient failures). */
  readonly failures: SyncHttpError[] = [];
  /** A row-level refusal: any batch holding such a row fails whole, as Postgres does. */
  refuse: ((table: string, row: Record<string, unknown>) => SyncHttpError | null) | null = null;
  /** A refusal of a whole request, by its rows (a gateway's 413, a timeout); null lets it through. */
  refuseBatch: ((table: string, rows: readonly Record<string, unknown>[]) => SyncHttpError | null) | null = null;
  /** PostgREST's db-max-rows: a select returns at most this many rows, whatever its limit. */
  maxRows = Number.POSITIVE_INFINITY;
  /** Runs inside an upsert, before it is applied (to change local data "during" a request). */
  duringUpsert: (() => Promise<void>) | null = null;
  clock = Date.UTC(2026, 10, 28, 10, 0, 0) * 1000;

  rows(table: string): Row[] {
    return this.tables.get(table) ?? [];
  }

  now(): string {
    this.clock += 1;
    return stamp(this.clock);
  }

  /** Stores a row with a stamp the test chooses (a transaction that committed after later ones). */
  commitLate(table: string, row: object, updatedAt: string): void {
    this.put(table, row as Record<string, unknown>, updatedAt);
  }

  async upsert(table: string, rows: readonly object[]): Promise<void> {
    this.log.push({ method: 'POST', table, rows: rows.length });
    const failure = this.failures.shift();
    if (failure) throw failure;
    const whole = this.refuseBatch?.(table, rows as Record<string, unknown>[]);
    if (whole) throw whole;
    // As Postgres: one upsert meeting a key twice is refused whole, and PostgREST answers 500.
    const keys = rows.map((row) => String((row as Record<string, unknown>)[KEYS[table]!] ?? 'me'));
    if (new Set(keys).size < keys.length) throw http(500, 'ON CONFLICT DO UPDATE command cannot affect row a second time', '21000');
    for (const row of rows) {
      const refused = this.refuse?.(table, row as Record<string, unknown>);
      if (refused) throw refused;
    }
    await this.duringUpsert?.();
    for (const row of rows) this.put(table, row as Record<string, unknown>, this.now());
  }

  async select<T>(table: string, query: ReadonlyArray<[string, string]>): Promise<T[]> {
    this.log.push({ method: 'GET', table, rows: 0 });
    const failure = this.failures.shift();
    if (failure) throw failure;
    const params = new Map(query);
    const key = KEYS[table]!;
    const from = timestampMicros((params.get('updated_at') ?? 'gt.1970-01-01T00:00:00Z').slice(3));
    const cursor = /updated_at\.gt\."([^"]+)",and\(updated_at\.eq\."[^"]+",\w+\.gt\."([^"]+)"\)/.exec(params.get('or') ?? '');
    const after = cursor ? { at: timestampMicros(cursor[1]!), key: cursor[2]! } : null;
    const limit = Math.min(Number(params.get('limit') ?? '1000'), this.maxRows);
    return this.rows(table)
      .map((row) => ({ row, at: timestampMicros(row.updated_at), k: String(row[key]) }))
      .filter(({ at, k }) => at > from && (!after || at > after.at || (at === after.at && k > after.key)))
      .sort((a, b) => a.at - b.at || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
      .slice(0, limit)
      .map(({ row }) => structuredClone(row) as T);
  }

  private put(table: string, row: Record<string, unknown>, updatedAt: string): void {
    const key = KEYS[table]!;
    const rows = this.rows(table);
    const value = table === 'user_settings' ? { user_id: 'me', ...row } : row;
    const index = rows.findIndex((r) => r[key] === value[key]);
    const wasDeleted = index >= 0 && rows[index]!.deleted === true;
    const next: Row = { ...structuredClone(value), updated_at: updatedAt, ...(wasDeleted ? { deleted: true } : {}) };
    if (index >= 0) rows[index] = next;
    else rows.push(next);
  }
}

export const http = (status: number, message = `HTTP ${status}`, code: string | null = null) => new SyncHttpError(message, status, code, null);

/** No answer: `network` says why (the browser offline, our timeout, or a dropped connection). */
export const noAnswer = (network: 'offline' | 'timeout' | 'failed') => new SyncHttpError(`no answer (${network})`, 0, null, null, network);

/** The `sync-account` row that makes the repositories queue changes (as after a sign-in). */
export const SIGNED_IN = { key: 'sync-account', value: { url: 'https://x.supabase.co', userId: 'me', email: 'me@example.test', since: 0 } };
