import { getDb } from '../db/database';
import { RUNNER_LOCK_KEY } from './constants';

export type LockResult<T> = { acquired: true; value: T } | { acquired: false };

/**
 * "Run `fn` holding lock `name` if nobody holds it, else don't run it." The runner needs nothing
 * more: a second runner never waits, it leaves the queue to the one already draining it.
 * Injected so Node tests (no `navigator.locks`) and the browser use the same runner code.
 */
export interface LockProvider {
  tryWithLock<T>(name: string, fn: () => Promise<T>): Promise<LockResult<T>>;
}

/**
 * Web Locks: shared by every tab and the service worker of the origin, and released by the browser
 * when its holder dies, so a killed worker never leaves the queue locked.
 */
export function webLockProvider(locks: LockManager): LockProvider {
  return {
    async tryWithLock<T>(name: string, fn: () => Promise<T>): Promise<LockResult<T>> {
      // ifAvailable: the callback gets null instead of waiting when another context holds the lock.
      return await locks.request(name, { ifAvailable: true }, async (lock): Promise<LockResult<T>> => {
        if (lock === null) return { acquired: false };
        return { acquired: true, value: await fn() };
      });
    },
  };
}

/** A mutex for one JS context, where Web Locks are missing (Node tests, very old browsers). */
export function inProcessLockProvider(): LockProvider {
  const held = new Set<string>();
  return {
    async tryWithLock<T>(name: string, fn: () => Promise<T>): Promise<LockResult<T>> {
      if (held.has(name)) return { acquired: false };
      held.add(name);
      try {
        return { acquired: true, value: await fn() };
      } finally {
        held.delete(name);
      }
    },
  };
}

/** One per context, so every runner started here without a Web Lock shares the same mutex. */
const contextLock = inProcessLockProvider();

export function defaultLockProvider(): LockProvider {
  if (typeof navigator !== 'undefined' && 'locks' in navigator && navigator.locks) return webLockProvider(navigator.locks);
  return contextLock;
}

export interface LockHolder {
  owner: string;
  since: number;
}

function isLockHolder(value: unknown): value is LockHolder {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<LockHolder>;
  return typeof v.owner === 'string' && typeof v.since === 'number';
}

/**
 * Who holds the runner lock, for Diagnostics. Written by the holder when it takes the lock and
 * removed when it lets go; a holder that was killed leaves its record behind until the next runner
 * overwrites it, so Diagnostics should confirm with `navigator.locks.query()` where it exists.
 */
export async function lockHolder(): Promise<LockHolder | null> {
  const row = await getDb().syncState.get(RUNNER_LOCK_KEY);
  return isLockHolder(row?.value) ? row.value : null;
}

export async function recordLockHolder(holder: LockHolder): Promise<void> {
  await getDb().syncState.put({ key: RUNNER_LOCK_KEY, value: holder });
}

/** Removes the record only if it is still ours (a newer holder's record stays). */
export async function clearLockHolder(owner: string): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.syncState, async () => {
    const current = await lockHolder();
    if (current?.owner === owner) await db.syncState.delete(RUNNER_LOCK_KEY);
  });
}
