import type { JobError, JobRow, WaitingReason } from '../domain/job';
import { DEFAULT_MAX_ATTEMPTS, MAX_INVALID_OUTPUT_TRIES, RETRY_BASE_MS, RETRY_MAX_MS } from './constants';
import { type JobFailure, toJobError } from './errors';
import { MESSAGES } from './messages';

export interface RetryDelayOptions {
  baseMs: number;
  maxMs: number;
  /** Uniform in [0, 1); injected so tests can assert exact windows. */
  random: () => number;
}

export const DEFAULT_RETRY: RetryDelayOptions = { baseMs: RETRY_BASE_MS, maxMs: RETRY_MAX_MS, random: Math.random };

/**
 * Delay before retry number `attempt` (1 = after the first failed attempt): exponential with EQUAL
 * jitter. The ceiling is `min(maxMs, baseMs · 2^(attempt-1))` and the delay is uniform in
 * [ceiling/2, ceiling). Equal rather than full jitter because full jitter can wait ~0 ms, which
 * hammers an overloaded model (503) at once and makes "retrying in …" meaningless; with one runner
 * per origin the extra spreading full jitter buys is not needed.
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function retryDelay(attempt: number, options: RetryDelayOptions): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  const r = Math.min(Math.max(options.random(), 0), 1);
  return Math.floor(ceiling / 2 + (r * ceiling) / 2);
}

/** Backoff delay, but never earlier than the server asked for (RetryInfo / Retry-After). */
export function backoffDelay(attempt: number, retryAfterMs: number | undefined, options: RetryDelayOptions): number {
  return Math.max(retryDelay(attempt, options), retryAfterMs ?? 0);
}

/** What a failed run turns the job into; `fail.ts` writes it. Pure, so it is tested on its own. */
export type FailureDecision =
  | {
      status: 'pending';
      runAfter: number;
      waitingFor: WaitingReason | null;
      attempts: number;
      invalidOutputs: number;
      error: JobError;
    }
  | { status: 'failed'; attempts: number; invalidOutputs: number; error: JobError };

export function decideAfterFailure(
  job: Pick<JobRow, 'type' | 'attempts' | 'maxAttempts' | 'invalidOutputs'>,
  failure: JobFailure,
  now: number,
  options: RetryDelayOptions = DEFAULT_RETRY,
): FailureDecision {
  const maxAttempts = job.maxAttempts > 0 ? job.maxAttempts : DEFAULT_MAX_ATTEMPTS;
  const invalidOutputs = job.invalidOutputs ?? 0;
  const attempts = job.attempts;
  switch (failure.kind) {
    case 'permanent':
      return { status: 'failed', attempts, invalidOutputs, error: toJobError(failure) };
    case 'offline':
      // Not the job's fault: give the attempt back and wait for the network, however long it takes.
      return {
        status: 'pending',
        runAfter: now,
        waitingFor: 'network',
        attempts: Math.max(0, attempts - 1),
        invalidOutputs,
        error: toJobError(failure),
      };
    case 'invalid-output': {
      const tries = invalidOutputs + 1;
      if (tries >= MAX_INVALID_OUTPUT_TRIES || attempts >= maxAttempts) {
        const message = MESSAGES.invalidOutput(job.type, tries, failure.message);
        return { status: 'failed', attempts, invalidOutputs: tries, error: toJobError(failure, message) };
      }
      // The model answers differently each time: ask again at once (unless the server said wait).
      const runAfter = now + (failure.retryAfterMs ?? 0);
      return { status: 'pending', runAfter, waitingFor: null, attempts, invalidOutputs: tries, error: toJobError(failure) };
    }
    case 'transient': {
      if (attempts >= maxAttempts) {
        const message = MESSAGES.gaveUp(attempts, failure.message);
        return { status: 'failed', attempts, invalidOutputs, error: toJobError(failure, message) };
      }
      const runAfter = now + backoffDelay(attempts, failure.retryAfterMs, options);
      return { status: 'pending', runAfter, waitingFor: 'backoff', attempts, invalidOutputs, error: toJobError(failure) };
    }
  }
}
