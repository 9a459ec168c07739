import { isAbortError, isQuotaError } from '../domain/error-kinds';
import type { JobError } from '../domain/job';
import { scrubDetail, scrubSecrets } from '../domain/secrets';
import { ENGINE_CODES, MESSAGES } from './messages';

/**
 * How a run went wrong, which decides what happens next (failure-policy.ts):
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

/**
 * The one error type handlers throw. Its message is learner-facing and scrubbed of secrets (the
 * engine never sees the API key, but a handler may pass on a server message or URL that echoes
 * it); its details are scrubbed and each string shortened (domain/secrets.ts).
 */
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

/** A detail string longer than this is cut (after redaction): details are a debugging aid. */
const MAX_DETAIL_CHARS = 500;

/** Details go into IndexedDB: keep them plain JSON (structured-cloneable) with strings scrubbed. */
function sanitizeDetails(details: Record<string, unknown>): Record<string, unknown> {
  try {
    const json = JSON.stringify(details, (_key, value: unknown) =>
      typeof value === 'string' ? scrubDetail(value, MAX_DETAIL_CHARS) : value,
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

/**
 * Call at every catch. Whatever was thrown becomes a JobFailure; an unknown value is transient with a
 * generic message (its text goes to details, scrubbed). An AbortError caused by cancel is not an
 * error at all: callers check their own signal (`signal.aborted`) before coercing, and write nothing.
 */
export function coerceError(error: unknown): JobFailure {
  if (error instanceof JobFailure) return error;
  const name = errorName(error);
  const text = error instanceof Error ? error.message : String(error);
  const details = { name: name ?? typeof error, message: text };
  if (isQuotaError(error)) return new JobFailure('permanent', ENGINE_CODES.storageFull, MESSAGES.storageFull, { details });
  if (name === 'TimeoutError') return new JobFailure('transient', ENGINE_CODES.timeout, MESSAGES.timeout, { details });
  const code = isAbortError(error) ? ENGINE_CODES.aborted : ENGINE_CODES.unexpected;
  return new JobFailure('transient', code, MESSAGES.unexpected, { details });
}

/**
 * The row shape: a permanent failure is the only kind retrying cannot fix by itself. A replacement
 * `message` is scrubbed too: it usually wraps the failure's own words, but it goes into the row.
 */
export function toJobError(failure: JobFailure, message = failure.message): JobError {
  const error: JobError = { code: failure.code, message: scrubSecrets(message), retryable: failure.kind !== 'permanent' };
  if (failure.details !== undefined) error.details = failure.details;
  return error;
}
