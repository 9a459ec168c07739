import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_ATTEMPTS, MAX_INVALID_OUTPUT_TRIES } from '../../../src/jobs/constants';
import { JobFailure } from '../../../src/jobs/errors';
import { decideAfterFailure } from '../../../src/jobs/failure-policy';

const opts = (r: number) => ({ baseMs: 1000, maxMs: 60_000, random: () => r });

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
    expect(last).toMatchObject({ status: 'failed', error: { message: 'Stopped after 5 tries: The model is overloaded. Retry when you like.' } });
  });

  it('transient with retryAfterMs: waits at least that long', () => {
    const failure = new JobFailure('transient', 'rate-limited', 'Too many requests.', { retryAfterMs: 26_000 });
    expect(decideAfterFailure(job, failure, now, opts(0.5))).toMatchObject({ status: 'pending', runAfter: now + 26_000 });
  });

  it('a server asking for more than an hour fails the attempt, retryable, saying how long it asked', () => {
    const hours = 20 * 3_600_000;
    const limited = new JobFailure('transient', 'rate-limited', 'Quota used up.', { retryAfterMs: hours, details: { status: 429 } });
    const decision = decideAfterFailure(job, limited, now, opts(0));
    expect(decision).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: { code: 'rate-limited', retryable: true, details: { status: 429, retryAfterMs: hours } },
    });
    expect(decision.error.message).toBe(
      'The server asked to wait about 20 h before trying again (a daily quota, most likely), so this stopped instead of waiting in the queue that long. Press Retry later.',
    );
    const unreadable = new JobFailure('invalid-output', 'invalid-output', 'Not JSON.', { retryAfterMs: hours });
    expect(decideAfterFailure(job, unreadable, now)).toMatchObject({ status: 'failed', invalidOutputs: 1, error: { retryable: true } });
    // Up to the hour the hint is simply honoured.
    const soon = new JobFailure('transient', 'rate-limited', 'Slow down.', { retryAfterMs: 3_600_000 });
    expect(decideAfterFailure(job, soon, now, opts(0))).toMatchObject({ status: 'pending', runAfter: now + 3_600_000 });
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
