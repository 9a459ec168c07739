import { type LockFunc, NavigatorLockAcquireTimeoutError } from '@supabase/supabase-js';

/**
 * Exclusive locks shared by every tab and the service worker (navigator.locks), so that one context
 * at a time refreshes the session (refresh tokens are single use) and one at a time syncs. Where
 * navigator.locks is missing (Node tests, very old browsers) an in-process lock stands in.
 */
export interface Locks {
  /** Runs `fn` holding `name`; with `ifAvailable`, runs `fn(false)` at once when someone holds it. */
  run<T>(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, fn: (held: boolean) => Promise<T>): Promise<T>;
}

export function navigatorLocks(locks: LockManager): Locks {
  return {
    run<T>(name: string, { ifAvailable = false, signal }: { ifAvailable?: boolean; signal?: AbortSignal }, fn: (held: boolean) => Promise<T>): Promise<T> {
      const options: LockOptions = ifAvailable ? { ifAvailable: true } : signal ? { signal } : {};
      return locks.request(name, options, (lock) => fn(lock !== null)) as Promise<T>;
    },
  };
}

/** A per-process queue per lock name, with the same contract. */
export function inProcessLocks(): Locks {
  const tails = new Map<string, Promise<void>>();
  return {
    async run(name, { ifAvailable = false, signal }, fn) {
      const previous = tails.get(name);
      if (previous && ifAvailable) return fn(false);
      let release = () => {};
      const mine = new Promise<void>((resolve) => {
        release = resolve;
      });
      const tail = (previous ?? Promise.resolve()).then(() => mine);
      tails.set(name, tail);
      try {
        if (previous) {
          await Promise.race([previous, aborted(signal)]);
        }
        return await fn(true);
      } finally {
        release();
        if (tails.get(name) === tail) tails.delete(name);
      }
    },
  };
}

function aborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (!signal) return;
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

let contextLocks: Locks | undefined;

/** This context's locks: navigator.locks in browsers and workers, else one in-process set. */
export function defaultLocks(): Locks {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  contextLocks ??= locks ? navigatorLocks(locks) : inProcessLocks();
  return contextLocks;
}

/**
 * supabase-js's `auth.lock`: `acquireTimeout` 0 means "only if free" (its refresh timer uses that
 * and expects a LockAcquireTimeoutError otherwise), a positive value is a timeout, negative waits.
 */
export function authLock(locks: Locks = defaultLocks()): LockFunc {
  return async (name, acquireTimeout, fn) => {
    const timeout = acquireTimeout > 0 ? AbortSignal.timeout(acquireTimeout) : undefined;
    let acquired = false;
    try {
      return await locks.run(name, { ifAvailable: acquireTimeout === 0, signal: timeout }, async (held) => {
        if (!held) throw new NavigatorLockAcquireTimeoutError(`The sign-in lock "${name}" is busy`);
        acquired = true;
        return fn();
      });
    } catch (error) {
      if (!acquired && timeout?.aborted) throw new NavigatorLockAcquireTimeoutError(`Waited ${acquireTimeout} ms for the sign-in lock "${name}"`);
      throw error;
    }
  };
}
