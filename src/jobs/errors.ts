import type { JobError } from '../domain/job';
import { ENGINE_CODES, MESSAGES } from './messages';

/**
 * How a run went wrong, which decides what happens next (retry-policy.ts):
 * - transient: may work later (network error, 408/429/5xx, timeout) → backoff, spends an attempt;
 * - offline: no network → waits for it, spends nothing;
 * - invalid-output: the model answered but not usably → tried again a bounded number of times;
 * - permanent: will not work without the learner changing something → fails at once.
 */
export type FailureKind = 'transient' | 'permanent' | 'invalid-output' | 'offline';

export interface JobFailureOptions {
  /** The server's own retry hint (RetryInfo / Retry-After); the next try is never earlier. */
  retryAfterMs?: number;
  details?: Record<string, unknown>;
}

/** The one error type handlers throw. Its message is learner-facing and scrubbed of secrets. */
export class JobFailure extends Error {
  readonly kind: FailureKind;
  /** Stable, machine-readable: `api-key-invalid`, `rate-limited`, `invalid-output`, … */
  readonly code: string;
  readonly retryAfterMs: number | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(kind: FailureKind, code: string, message: string, options: JobFailureOptions = {}) {
    // No `cause`: a raw thrown value may carry request URLs or headers, and a cause ends up in logs.
    // What is worth keeping of it goes, scrubbed, into `details`.
    super(scrubSecrets(message));
    this.name = 'JobFailure';
    this.kind = kind;
    this.code = code;
    this.retryAfterMs = options.retryAfterMs;
    this.details = options.details === undefined ? undefined : sanitizeDetails(options.details);
  }
}

const MAX_MESSAGE_CHARS = 500;

/**
 * The engine never sees the API key, but a handler may pass on a server message or URL that echoes
 * it, so anything shaped like a credential is cut out before it can reach a row, a log or the UI.
 */
const SECRET_PATTERNS: readonly [RegExp, string][] = [
  [/AIza[0-9A-Za-z_-]{8,}/g, '[redacted]'],
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, '[redacted]'],
  [/\bBearer\s+[A-Za-z0-9._~+/-]+=*/gi, 'Bearer [redacted]'],
  [/\b((?:api[_-]?)?key|access_token|refresh_token|token|apikey)=[^&\s"'#]+/gi, '$1=[redacted]'],
  [/\b(x-goog-api-key|apikey|authorization)(["']?\s*:\s*["']?)[^\s"',}]+/gi, '$1$2[redacted]'],
];

export function scrubSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out.length > MAX_MESSAGE_CHARS ? `${out.slice(0, MAX_MESSAGE_CHARS - 1)}…` : out;
}

/** Details go into IndexedDB: keep them plain JSON (structured-cloneable) with strings scrubbed. */
function sanitizeDetails(details: Record<string, unknown>): Record<string, unknown> {
  try {
    const json = JSON.stringify(details, (_key, value: unknown) =>
      typeof value === 'string' ? scrubSecrets(value) : value,
    );
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    // Cycles or BigInts: the details are a debugging aid, not worth failing the job over.
    return { unserializable: true };
  }
}

function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('name' in error)) return undefined;
  return typeof error.name === 'string' ? error.name : undefined;
}

export function isAbortError(error: unknown): boolean {
  return errorName(error) === 'AbortError';
}

/** Dexie wraps a QuotaExceededError in its own AbortError (`inner`); look one level down too. */
function isQuotaError(error: unknown): boolean {
  if (errorName(error) === 'QuotaExceededError') return true;
  const inner = typeof error === 'object' && error !== null && 'inner' in error ? error.inner : undefined;
  return errorName(inner) === 'QuotaExceededError';
}

/**
 * Call at every catch. Whatever was thrown becomes a JobFailure; an unknown value is transient with a
 * generic message (its text goes to details, scrubbed). An AbortError caused by cancel is not an
 * error at all: callers check their own signal (`signal.aborted`) before coercing, and write nothing.
 */
export function coerceError(error: unknown): JobFailure {
  if (error instanceof JobFailure) return error;
  const name = errorName(error);
  const text = error instanceof Error ? error.message : String(error);
  const details = { name: name ?? typeof error, message: scrubSecrets(text) };
  if (isQuotaError(error)) return new JobFailure('permanent', ENGINE_CODES.storageFull, MESSAGES.storageFull, { details });
  if (name === 'TimeoutError') return new JobFailure('transient', ENGINE_CODES.timeout, MESSAGES.timeout, { details });
  const code = isAbortError(error) ? ENGINE_CODES.aborted : ENGINE_CODES.unexpected;
  return new JobFailure('transient', code, MESSAGES.unexpected, { details });
}

/** The row shape: a permanent failure is the only kind retrying cannot fix by itself. */
export function toJobError(failure: JobFailure, message = failure.message): JobError {
  const error: JobError = { code: failure.code, message, retryable: failure.kind !== 'permanent' };
  if (failure.details !== undefined) error.details = failure.details;
  return error;
}
