import { describe, expect, it } from 'vitest';
import { MAX_SERVER_WAIT_MS } from '../../../src/domain/retry-timing';
import { RETRY_MAX_MS } from '../../../src/sync/constants';
import { ServerWaitTooLongError, SyncHttpError } from '../../../src/sync/rest';
import { withRetry } from '../../../src/sync/transient-retry';

/** `fn` for withRetry: throws the given errors in turn, then answers 'ok'. */
function failing(...errors: unknown[]) {
  let calls = 0;
  const fn = async () => {
    const error = errors[calls++];
    if (error !== undefined) throw error;
    return 'ok';
  };
  return { fn, calls: () => calls };
}

const busy = (retryAfterMs: number | null = null) => new SyncHttpError('busy', 503, null, retryAfterMs);

describe('withRetry (sync)', () => {
  it('waits the shared equal-jitter backoff: exactly [ceiling/2, ceiling) per retry, doubling', async () => {
    for (const [r, expected] of [
      [0, [50, 100, 200]],
      [0.5, [75, 150, 300]],
      [0.999_999, [99, 199, 399]],
    ] as const) {
      const waits: number[] = [];
      const { fn } = failing(busy(), busy(), busy());
      await expect(withRetry(fn, { baseMs: 100, retries: 3, random: () => r, sleep: async (ms) => void waits.push(ms) })).resolves.toBe('ok');
      expect(waits).toEqual(expected);
    }
  });

  it('never retries earlier than Retry-After, and gives up when retries run out', async () => {
    const waits: number[] = [];
    const { fn, calls } = failing(busy(2000), busy(), busy());
    await expect(withRetry(fn, { baseMs: 100, retries: 2, random: () => 0, sleep: async (ms) => void waits.push(ms) })).rejects.toMatchObject({
      status: 503,
    });
    expect(waits).toEqual([2000, 100]);
    expect(calls()).toBe(3);
  });

  it('a refusal that retrying cannot fix is thrown at once', async () => {
    const waits: number[] = [];
    const { fn, calls } = failing(new SyncHttpError('no', 409, '23505', null));
    await expect(withRetry(fn, { sleep: async (ms) => void waits.push(ms) })).rejects.toMatchObject({ status: 409 });
    expect(calls()).toBe(1);
    expect(waits).toEqual([]);
  });

  it('a hint longer than the sync waits in-line ends this sync with the error, without waiting', async () => {
    const waits: number[] = [];
    const { fn, calls } = failing(busy(RETRY_MAX_MS + 1));
    await expect(withRetry(fn, { sleep: async (ms) => void waits.push(ms) })).rejects.toMatchObject({ status: 503 });
    expect(calls()).toBe(1);
    expect(waits).toEqual([]);
  });

  it('a server asking for more than an hour fails the sync with a message saying so', async () => {
    const hint = 3 * 3_600_000;
    const { fn } = failing(new SyncHttpError('quota', 429, null, hint));
    const error = await withRetry(fn, { sleep: async () => undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerWaitTooLongError);
    expect((error as ServerWaitTooLongError).askedMs).toBe(hint);
    expect((error as Error).message).toBe(
      'Your Supabase project asked to wait about 3 h before syncing again (HTTP 429). Your changes are kept and sent by a later sync.',
    );
    expect(hint).toBeGreaterThan(MAX_SERVER_WAIT_MS);
  });
});
