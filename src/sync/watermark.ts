import { PULL_OVERLAP_MS } from './constants';

/**
 * The pull cursor. The watermark is the largest server `updated_at` this device has applied, kept as
 * the exact string the API returned (microseconds included: a JS Date would drop them and break the
 * `(updated_at, id)` keyset). Each pull asks for rows stamped after `watermark − overlap`, so a row
 * whose transaction committed after a later-stamped one was pulled is still found; re-reading the
 * rows inside the overlap is harmless because applying a row twice changes nothing (merge.ts).
 */

export const EPOCH = '1970-01-01T00:00:00.000Z';

/** Microseconds since the epoch of a timestamptz string (`2026-11-28T10:00:00.123456+00:00`). */
export function timestampMicros(value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`Not a timestamp: ${value}`);
  const fraction = /[T ]\d{2}:\d{2}:\d{2}\.(\d+)/.exec(value)?.[1] ?? '';
  const micros = Number(fraction.padEnd(6, '0').slice(3, 6));
  return ms * 1000 + micros;
}

/** The later of two server stamps (null counts as never). */
export function laterStamp(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return timestampMicros(b) > timestampMicros(a) ? b : a;
}

/** Where a pull starts: the overlap before the watermark (whole milliseconds, rounded down). */
export function pullFrom(watermark: string | null, overlapMs = PULL_OVERLAP_MS): string {
  if (watermark === null) return EPOCH;
  const from = Math.floor(timestampMicros(watermark) / 1000) - overlapMs;
  return from <= 0 ? EPOCH : new Date(from).toISOString();
}

/** The keyset position after a row: the next page starts strictly after (updated_at, key). */
export interface PageCursor {
  updatedAt: string;
  key: string;
}

/** PostgREST query for one page of `table` ordered by (updated_at, keyColumn). */
export function pageQuery(from: string, after: PageCursor | null, keyColumn: string, limit: number): Array<[string, string]> {
  const query: Array<[string, string]> = [
    ['select', '*'],
    ['updated_at', `gt.${from}`],
  ];
  if (after) {
    const t = quote(after.updatedAt);
    query.push(['or', `(updated_at.gt.${t},and(updated_at.eq.${t},${keyColumn}.gt.${quote(after.key)}))`]);
  }
  query.push(['order', `updated_at.asc,${keyColumn}.asc`], ['limit', String(limit)]);
  return query;
}

/** PostgREST logic-tree values with `:`, `.`, `,` or parentheses must be double-quoted. */
function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
