import { describe, expect, it, vi } from 'vitest';
import { watchLive } from '../../../src/app/live-watch';
import { readFaults } from '../../../src/db/fault-log';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();

describe('watchLive', () => {
  it('subscribes again after a failed read, records the fault, and goes on seeing changes', async () => {
    let failuresLeft = 1;
    const seen: number[] = [];
    const stop = watchLive(
      async () => {
        const count = await db().outbox.count();
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('The read failed once');
        }
        return count;
      },
      (count) => seen.push(count),
      { where: 'test watcher', firstRetryMs: 5, maxRetryMs: 5 },
    );
    try {
      await vi.waitFor(() => expect(seen).toEqual([0]));
      await db().outbox.put({ id: 'stories:1', table: 'stories', rowKey: '1', deleted: false, queuedAt: 1, attempts: 0, rejected: null });
      await vi.waitFor(() => expect(seen.at(-1)).toBe(1));
      const faults = await readFaults();
      expect(faults).toEqual([expect.objectContaining({ context: 'page', where: 'test watcher', message: expect.stringContaining('The read failed once') })]);
    } finally {
      stop();
    }
  });
});
