import { describe, expect, it } from 'vitest';
import { inProcessLocks } from '../../../src/jobs/lock';

/**
 * The in-process stand-in for navigator.locks (Node, tests): a waiter that gives up (its signal
 * aborts) must not open the lock to the next request while the holder still has it.
 */
describe('inProcessLocks', () => {
  it('a waiter that times out leaves the lock with its holder; the next request still waits', async () => {
    const locks = inProcessLocks();
    const order: string[] = [];
    let release = () => {};
    const holder = locks.run('x', {}, () => new Promise<void>((done) => {
      order.push('holder');
      release = done;
    }));
    const gaveUp = new AbortController();
    const quitter = locks.run('x', { signal: gaveUp.signal }, async () => void order.push('quitter'));
    gaveUp.abort(new Error('timed out'));
    await expect(quitter).rejects.toThrow('timed out');
    const next = locks.run('x', {}, async () => void order.push('next'));
    expect(await locks.held()).toEqual(['x']);
    await Promise.resolve();
    expect(order).toEqual(['holder']);
    release();
    await Promise.all([holder, next]);
    expect(order).toEqual(['holder', 'next']);
    await expect.poll(() => locks.held()).toEqual([]);
  });
});
