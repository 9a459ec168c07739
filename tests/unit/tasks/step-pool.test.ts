import { describe, expect, it } from 'vitest';
import { AiError } from '../../../src/ai/errors';
import { rateLimitPause } from '../../../src/tasks/media-steps';
import { runStepPool } from '../../../src/tasks/step-pool';

/** The pool alone, with calls the test settles by hand: which run, how many at once, in what order. */

interface Call {
  step: number;
  signal: AbortSignal;
  resolve(): void;
  reject(error: unknown): void;
}

function harness(limit: number, steps: number[], signal = new AbortController().signal) {
  const calls: Call[] = [];
  const widths: number[] = [];
  let open = 0;
  let peak = 0;
  const openAtStart: number[] = [];
  const done = runStepPool({
    steps,
    limit,
    signal,
    rateLimitDelay: rateLimitPause,
    onWidth: (w) => widths.push(w),
    run: (step) =>
      new Promise<void>((resolve, reject) => {
        open += 1;
        peak = Math.max(peak, open);
        openAtStart.push(open);
        const end = () => {
          open -= 1;
        };
        calls.push({
          step,
          signal,
          resolve: () => {
            end();
            resolve();
          },
          reject: (error) => {
            end();
            reject(error);
          },
        });
      }),
  });
  // Unsettled until the test ends it; failures are asserted where expected.
  done.catch(() => {});
  const waitFor = (n: number) => expect.poll(() => calls.length).toBeGreaterThanOrEqual(n);
  return { calls, widths, done, waitFor, peak: () => peak, openAtStart };
}

const tooMany = (retryAfterMs: number) => new AiError('transient', 'rate-limited', 'Gemini is busy', { status: 429, retryAfterMs });

describe('step pool', () => {
  it('keeps `limit` calls in flight, and steps may finish in any order', async () => {
    const pool = harness(3, [0, 1, 2, 3, 4, 5, 6]);
    await pool.waitFor(3);
    expect(pool.calls.map((c) => c.step)).toEqual([0, 1, 2]);
    pool.calls[2]?.resolve();
    await pool.waitFor(4);
    pool.calls[1]?.resolve();
    pool.calls[0]?.resolve();
    for (let i = 3; i < 7; i++) {
      await pool.waitFor(i + 1);
      pool.calls[i]?.resolve();
    }
    await pool.done;
    expect(pool.calls.map((c) => c.step).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(pool.peak()).toBe(3);
  });

  it('a 429 halves the width, waits what the server asked, asks that step again first; successes grow it back to the limit, never past it', async () => {
    const pool = harness(4, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await pool.waitFor(4);
    const refusedAt = Date.now();
    pool.calls[0]?.reject(tooMany(40));
    await expect.poll(() => pool.widths).toEqual([2]);
    // Three still in flight, width 2: nothing starts until one finishes (and the pause is over).
    pool.calls[1]?.resolve();
    await pool.waitFor(5);
    expect(Date.now() - refusedAt).toBeGreaterThanOrEqual(40);
    expect(pool.calls[4]?.step).toBe(0);
    expect(pool.openAtStart[4]).toBe(3);
    // Settle the oldest open call until all are done; each success widens by one, up to 4.
    for (let next = 2; next < 11; next++) {
      await pool.waitFor(Math.min(11, next + 1));
      pool.calls[next]?.resolve();
    }
    await pool.done;
    expect(pool.calls.filter((c) => c.step === 0)).toHaveLength(2);
    expect(pool.calls).toHaveLength(11);
    expect(pool.widths).toEqual([2, 3, 4]);
    expect(pool.peak()).toBe(4);
  });

  it('a second 429 for the same step ends the run with it, for the engine to back off', async () => {
    const pool = harness(2, [0, 1]);
    await pool.waitFor(2);
    pool.calls[0]?.reject(tooMany(0));
    pool.calls[1]?.resolve();
    await pool.waitFor(3);
    pool.calls[2]?.reject(tooMany(0));
    await expect(pool.done).rejects.toMatchObject({ code: 'rate-limited' });
    expect(pool.calls.map((c) => c.step)).toEqual([0, 1, 0]);
  });

  it('a 429 asking for more than a minute is the engine’s to wait, not the pool’s', async () => {
    const pool = harness(1, [0, 1]);
    await pool.waitFor(1);
    pool.calls[0]?.reject(tooMany(5 * 60_000));
    await expect(pool.done).rejects.toMatchObject({ code: 'rate-limited', retryAfterMs: 5 * 60_000 });
    expect(pool.calls).toHaveLength(1);
  });

  it('any other failure stops new starts; the calls in flight still finish before it is thrown', async () => {
    const pool = harness(2, [0, 1, 2, 3]);
    await pool.waitFor(2);
    let settled = false;
    void pool.done.catch(() => {
      settled = true;
    });
    pool.calls[0]?.reject(new AiError('permanent', 'image-safety', 'refused'));
    await Promise.resolve();
    expect(settled).toBe(false);
    pool.calls[1]?.resolve();
    await expect(pool.done).rejects.toMatchObject({ code: 'image-safety' });
    expect(pool.calls.map((c) => c.step)).toEqual([0, 1]);
  });

  it('an abort ends the run at once and reaches every call in flight', async () => {
    const controller = new AbortController();
    const pool = harness(4, [0, 1, 2, 3, 4, 5], controller.signal);
    await pool.waitFor(4);
    controller.abort(new DOMException('Cancelled', 'AbortError'));
    for (const call of pool.calls) call.reject(call.signal.reason);
    await expect(pool.done).rejects.toMatchObject({ name: 'AbortError' });
    expect(pool.calls.every((c) => c.signal.aborted)).toBe(true);
    expect(pool.calls).toHaveLength(4);
  });
});
