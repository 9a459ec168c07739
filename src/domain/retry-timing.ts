/**
 * When to try again: one backoff formula and one reading of the server's hint, shared by the job
 * engine (src/jobs/failure-policy.ts) and the sync's retry loop (src/sync/transient-retry.ts), so
 * both round the same way, jitter the same way and honour Retry-After / RetryInfo the same way.
 */

export interface BackoffOptions {
  /** Ceiling of the first retry; it doubles with every retry after that. */
  baseMs: number;
  /** The ceiling never grows past this. */
  maxMs: number;
  /** Uniform in [0, 1); injected so tests can assert exact windows. */
  random: () => number;
}

/**
 * Delay before retry number `retry` (1 = the first retry): exponential with EQUAL jitter. The
 * ceiling is `min(maxMs, baseMs · 2^(retry-1))` and the delay is uniform in [ceiling/2, ceiling),
 * rounded down to a whole millisecond. Equal rather than full jitter because full jitter can wait
 * ~0 ms, which hammers an overloaded server at once and makes "retrying in …" meaningless.
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function jitteredBackoff(retry: number, options: BackoffOptions): number {
  const exponent = Math.max(0, Math.floor(retry) - 1);
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  const r = Math.min(Math.max(options.random(), 0), 1);
  return Math.floor(ceiling / 2 + (r * ceiling) / 2);
}

/**
 * A server asking for a longer pause than this is not throttling a burst (Gemini's per-minute
 * quota says "26s") but telling us to come back another time (a daily quota, maintenance). Parking
 * a job or a sync that long looks like a hang, so the attempt fails with a message instead.
 */
export const MAX_SERVER_WAIT_MS = 60 * 60_000;

export type RetryTiming =
  /** Try again after `delayMs`: the backoff, but never earlier than the server asked. */
  | { kind: 'wait'; delayMs: number }
  /** The server asked for more than MAX_SERVER_WAIT_MS: give this attempt up and say so. */
  | { kind: 'too-long'; askedMs: number };

/**
 * The one treatment of a server's retry hint: never try earlier than it asked, and give up the
 * attempt when it asked for more than MAX_SERVER_WAIT_MS. `plannedMs` is what we would wait anyway.
 */
export function honourServerHint(plannedMs: number, serverHintMs: number | null | undefined): RetryTiming {
  const hint = serverHintMs ?? 0;
  if (hint > MAX_SERVER_WAIT_MS) return { kind: 'too-long', askedMs: hint };
  return { kind: 'wait', delayMs: Math.max(plannedMs, hint) };
}

/** The backoff for retry number `retry`, with the server's hint honoured on top. */
export function retryTiming(retry: number, serverHintMs: number | null | undefined, options: BackoffOptions): RetryTiming {
  return honourServerHint(jitteredBackoff(retry, options), serverHintMs);
}

/**
 * Milliseconds from a Retry-After header: delta-seconds or an HTTP date (a date in the past means
 * "now"). Undefined when absent or unreadable, so a garbled header falls back to plain backoff.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Milliseconds in a protobuf Duration as google.rpc.RetryInfo sends it: "26s", "1.5s", "0.250s". */
export function parseRetryDelay(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)s\s*$/.exec(value);
  return match ? Math.round(Number(match[1]) * 1000) : undefined;
}

/**
 * How long a server asked us to wait, for the "too long" messages (only ever more than an hour):
 * "about 3 h". Unit-abbreviated like the Queue's "Retrying in 26 s", so no plural rules are needed.
 */
export function longWaitInWords(ms: number): string {
  return `about ${Math.max(1, Math.round(ms / 3_600_000))} h`;
}
