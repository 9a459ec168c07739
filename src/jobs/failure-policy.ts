import type { JobError, JobRow, WaitingReason } from '../domain/job';
import { type BackoffOptions, honourServerHint, retryTiming } from '../domain/retry-timing';
import { DEFAULT_MAX_ATTEMPTS, MAX_INVALID_OUTPUT_TRIES, RETRY_BASE_MS, RETRY_MAX_MS } from './constants';
import { type JobFailure, toJobError } from './errors';
import { MESSAGES } from './messages';

/**
 * What a failed run turns its job into, by the failure's kind (errors.ts): failed, or pending again
 * (after a backoff, when the network is back, or at once for another try at a readable answer).
 */

/** The engine's backoff: first retry after 2.5–5 s, doubling up to 5 minutes (retry-timing.ts). */
export const DEFAULT_RETRY: BackoffOptions = { baseMs: RETRY_BASE_MS, maxMs: RETRY_MAX_MS, random: Math.random };

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

/**
 * The server asked for a pause of hours or days (a daily quota): parking the job that long would
 * look like a hang, so it fails now, saying why; it stays retryable, so Retry works later.
 */
function waitTooLong(failure: JobFailure, askedMs: number, attempts: number, invalidOutputs: number): FailureDecision {
  const error = toJobError(failure, MESSAGES.serverWaitTooLong(askedMs));
  error.details = { ...error.details, retryAfterMs: askedMs };
  return { status: 'failed', attempts, invalidOutputs, error };
}

export function decideAfterFailure(
  job: Pick<JobRow, 'type' | 'attempts' | 'maxAttempts' | 'invalidOutputs'>,
  failure: JobFailure,
  now: number,
  options: BackoffOptions = DEFAULT_RETRY,
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
      const timing = honourServerHint(0, failure.retryAfterMs);
      if (timing.kind === 'too-long') return waitTooLong(failure, timing.askedMs, attempts, tries);
      const runAfter = now + timing.delayMs;
      return { status: 'pending', runAfter, waitingFor: null, attempts, invalidOutputs: tries, error: toJobError(failure) };
    }
    case 'transient': {
      if (attempts >= maxAttempts) {
        const message = MESSAGES.gaveUp(attempts, failure.message);
        return { status: 'failed', attempts, invalidOutputs, error: toJobError(failure, message) };
      }
      const timing = retryTiming(attempts, failure.retryAfterMs, options);
      if (timing.kind === 'too-long') return waitTooLong(failure, timing.askedMs, attempts, invalidOutputs);
      const runAfter = now + timing.delayMs;
      return { status: 'pending', runAfter, waitingFor: 'backoff', attempts, invalidOutputs, error: toJobError(failure) };
    }
  }
}
