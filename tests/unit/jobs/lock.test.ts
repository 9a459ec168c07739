import { describe, expect, it } from 'vitest';
import { LOCK_NAME } from '../../../src/jobs/constants';
import { clearLockHolder, inProcessLockProvider, lockHolder, recordLockHolder, webLockProvider } from '../../../src/jobs/lock';
import { useTestDb } from '../../support/test-db';
import { gate, T0 } from './helpers';

useTestDb();

/** Just enough of the Web Locks API: exclusive locks, `ifAvailable` grants null when held. */
function fakeLockManager(): LockManager {
  const held = new Set<string>();
  const request = async (name: string, options: LockOptions, callback: LockGrantedCallback<unknown>) => {
    if (held.has(name)) {
      if (options.ifAvailable) return callback(null);
      throw new Error('the fake only supports ifAvailable');
    }
    held.add(name);
    try {
      return await callback({ name, mode: 'exclusive' } as Lock);
    } finally {
      held.delete(name);
    }
  };
  return { request, query: async () => ({}) } as unknown as LockManager;
}

describe.each([
  ['web locks', () => webLockProvider(fakeLockManager())],
  ['in-process mutex', () => inProcessLockProvider()],
])('%s', (_name, make) => {
  it('runs the first caller and turns a second one away without waiting', async () => {
    const lock = make();
    const release = gate();
    const first = lock.tryWithLock(LOCK_NAME, async () => {
      await release.promise;
      return 'first';
    });
    expect(await lock.tryWithLock(LOCK_NAME, async () => 'second')).toEqual({ acquired: false });
    release.open();
    expect(await first).toEqual({ acquired: true, value: 'first' });
    expect(await lock.tryWithLock(LOCK_NAME, async () => 'third')).toEqual({ acquired: true, value: 'third' });
  });

  it('releases the lock when the holder throws', async () => {
    const lock = make();
    await expect(lock.tryWithLock(LOCK_NAME, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await lock.tryWithLock(LOCK_NAME, async () => 1)).toEqual({ acquired: true, value: 1 });
  });
});

describe('lock holder record (Diagnostics)', () => {
  it('is cleared only by its own holder', async () => {
    expect(await lockHolder()).toBeNull();
    await recordLockHolder({ owner: 'sw:1', since: T0 });
    await clearLockHolder('page:2');
    expect(await lockHolder()).toEqual({ owner: 'sw:1', since: T0 });
    await clearLockHolder('sw:1');
    expect(await lockHolder()).toBeNull();
  });
});
