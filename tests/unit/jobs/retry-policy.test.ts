import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_ATTEMPTS, MAX_INVALID_OUTPUT_TRIES } from '../../../src/jobs/constants';
import { JobFailure } from '../../../src/jobs/errors';
import { backoffDelay, decideAfterFailure, retryDelay } from '../../../src/jobs/retry-policy';

const opts = (r: number) => ({ baseMs: 1000, maxMs: 60_000, random: () => r });

describe('retryDelay (exponential, equal jitter)', () => {
  it('stays exactly within [ceiling/2, ceiling) for each attempt', () => {
    const ceilings = [1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000];
    ceilings.forEach((ceiling, index) => {
      const attempt = index + 1;
      expect(retryDelay(attempt, opts(0))).toBe(ceiling / 2);
      expect(retryDelay(attempt, opts(0.5))).toBe(ceiling * 0.75);
      expect(retryDelay(attempt, opts(0.999_999))).toBe(ceiling - 1);
    });
  });

  it('caps at maxMs for huge attempt numbers and treats attempt 0 like 1', () => {
    expect(retryDelay(1000, opts(0.5))).toBe(45_000);
    expect(retryDelay(0, opts(0))).toBe(500);
  });

  it('clamps a misbehaving random source into the window', () => {
    expect(retryDelay(1, opts(-3))).toBe(500);
    expect(retryDelay(1, opts(7))).toBe(1000);
  });

  it('never retries earlier than the server asked (RetryInfo / Retry-After)', () => {
    expect(backoffDelay(1, 26_000, opts(0.5))).toBe(26_000);
    expect(backoffDelay(1, 100, opts(0.5))).toBe(750);
    // Honoured even above the backoff ceiling: the server knows its quota window.
    expect(backoffDelay(1, 120_000, opts(0.5))).toBe(120_000);
  });
});

describe('decideAfterFailure', () => {
  const job = { type: 'story' as const, attempts: 1, maxAttempts: DEFAULT_MAX_ATTEMPTS, invalidOutputs: 0 };
  const now = 10_000;

  it('transient: pending in backoff with the exact runAfter, until attempts run out', () => {
    const failure = new JobFailure('transient', 'unavailable', 'The model is overloaded.');
    expect(decideAfterFailure({ ...job, attempts: 2 }, failure, now, opts(0))).toMatchObject({
      status: 'pending',
      waitingFor: 'backoff',
      runAfter: now + 1000,
      attempts: 2,
      error: { code: 'unavailable', message: 'The model is overloaded.', retryable: true },
    });
    const last = decideAfterFailure({ ...job, attempts: 5 }, failure, now, opts(0));
    expect(last).toMatchObject({ status: 'failed', error: { message: 'Gave up after 5 tries: The model is overloaded.' } });
  });

  it('transient with retryAfterMs: waits at least that long', () => {
    const failure = new JobFailure('transient', 'rate-limited', 'Too many requests.', { retryAfterMs: 26_000 });
    expect(decideAfterFailure(job, failure, now, opts(0.5))).toMatchObject({ status: 'pending', runAfter: now + 26_000 });
  });

  it('offline: waits for the network and gives the attempt back', () => {
    const failure = new JobFailure('offline', 'offline', 'You are offline.');
    expect(decideAfterFailure({ ...job, attempts: 3 }, failure, now)).toMatchObject({
      status: 'pending',
      waitingFor: 'network',
      runAfter: now,
      attempts: 2,
    });
  });

  it('permanent: fails at once, not retryable', () => {
    const failure = new JobFailure('permanent', 'api-key-invalid', 'The API key is not valid.');
    expect(decideAfterFailure(job, failure, now)).toMatchObject({
      status: 'failed',
      error: { code: 'api-key-invalid', message: 'The API key is not valid.', retryable: false },
    });
  });

  it('invalid output: immediate new try, failed after the bounded count with the reason', () => {
    const failure = new JobFailure('invalid-output', 'invalid-output', 'The answer was not valid JSON.');
    expect(decideAfterFailure(job, failure, now)).toMatchObject({ status: 'pending', runAfter: now, invalidOutputs: 1 });
    const final = decideAfterFailure({ ...job, attempts: 3, invalidOutputs: MAX_INVALID_OUTPUT_TRIES - 1 }, failure, now);
    expect(final).toMatchObject({
      status: 'failed',
      invalidOutputs: 3,
      error: { message: "The model's answer could not be read as a story after 3 tries: The answer was not valid JSON." },
    });
  });
});
