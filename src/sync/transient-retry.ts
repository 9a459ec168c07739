import { type BackoffOptions, retryTiming } from '../domain/retry-timing';
import { PUSH_RETRIES, RETRY_BASE_MS, RETRY_MAX_MS } from './constants';
import { failureKind, ServerWaitTooLongError, SyncHttpError } from './rest';

/**
 * Retrying one request within one sync, when it failed for a reason that may pass by itself (the
 * network, 408, 429, 5xx). Timing is the job engine's too (domain/retry-timing.ts): the same
 * jittered backoff, and never earlier than the server's Retry-After.
 */

/** Timing of retries; tests shorten it (and count the waits) through these. */
export interface RetryOptions {
  retries?: number;
  baseMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Uniform in [0, 1); injected so tests can assert exact windows. */
  random?: () => number;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function isTransient(error: unknown): error is SyncHttpError {
  return error instanceof SyncHttpError && failureKind(error) === 'transient';
}

/** The sync's base and ceiling on the shared formula: quick retries, it runs while someone waits. */
function backoffOptions(baseMs = RETRY_BASE_MS, random: () => number = Math.random): BackoffOptions {
  return { baseMs, maxMs: RETRY_MAX_MS, random };
}

/**
 * Runs `fn`, retrying transient failures; anything else is thrown at once, and so is a transient
 * failure `giveUp` claims (the push halves a batch instead) or one while the browser is offline
 * (nothing gets through; the sync runs again when the connection is back). A server asking for
 * more than an hour fails the sync with ServerWaitTooLongError. One asking for longer than the
 * sync waits in-line (RETRY_MAX_MS) ends this sync with its error instead: holding the sync lock
 * (and a service worker awake) for minutes helps nobody, and the next sync comes later anyway.
 */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions = {}, giveUp?: (error: SyncHttpError) => boolean): Promise<T> {
  const retries = options.retries ?? PUSH_RETRIES;
  const wait = options.sleep ?? sleep;
  const timingOptions = backoffOptions(options.baseMs, options.random);
  for (let retry = 1; ; retry++) {
    try {
      return await fn();
    } catch (error) {
      if (!isTransient(error) || error.network === 'offline' || giveUp?.(error) || retry > retries) throw error;
      const timing = retryTiming(retry, error.retryAfterMs, timingOptions);
      if (timing.kind === 'too-long') throw new ServerWaitTooLongError(timing.askedMs, error);
      if (timing.delayMs > RETRY_MAX_MS) throw error;
      await wait(timing.delayMs);
    }
  }
}
