import { PUSH_RETRIES, RETRY_BASE_MS, RETRY_MAX_MS } from './constants';
import { failureKind, SyncHttpError } from './rest';

/** Timing of retries; tests shorten it (and count the waits) through these. */
export interface RetryOptions {
  retries?: number;
  baseMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function isTransient(error: unknown): error is SyncHttpError {
  return error instanceof SyncHttpError && failureKind(error) === 'transient';
}

/**
 * Exponential backoff with jitter (half to all of base·2ⁿ, at most RETRY_MAX_MS), or the server's
 * Retry-After when it sent one. The n-th retry of a failure.
 */
export function backoffMs(attempt: number, baseMs = RETRY_BASE_MS, random = Math.random()): number {
  const ceiling = Math.min(RETRY_MAX_MS, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/** Runs `fn`, retrying transient failures (network, 408, 429, 5xx); anything else is thrown at once. */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const retries = options.retries ?? PUSH_RETRIES;
  const wait = options.sleep ?? sleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isTransient(error) || attempt >= retries) throw error;
      await wait(Math.min(RETRY_MAX_MS, error.retryAfterMs ?? backoffMs(attempt, options.baseMs)));
    }
  }
}
