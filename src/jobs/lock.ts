import { getDb } from '../db/database';
import { RUN_LOCK_PREFIX, RUNNER_LOCK_KEY } from './constants';

/**
 * The one wrapper around Web Locks (navigator.locks): exclusive locks shared by every tab and the
 * service worker of the origin, released by the browser when their holder dies, so a killed worker
 * never leaves anything locked. The job runner takes its lock only if free; the sync waits for its
 * own and for supabase-js's session lock (authLock in src/sync/client.ts). Where navigator.locks is missing
 * (Node tests, very old browsers) an in-process lock with the same contract stands in.
 */

export interface LockRunOptions {
  /** Do not wait: run `fn(false)` at once when someone else holds the lock. */
  ifAvailable?: boolean;
  /** Stop waiting (rejecting with the signal's reason) when it aborts; ignored with ifAvailable. */
  signal?: AbortSignal;
}

export interface Locks {
  /** Runs `fn(true)` holding `name`, or `fn(false)` when `ifAvailable` and the lock is taken. */
  run<T>(name: string, options: LockRunOptions, fn: (held: boolean) => Promise<T>): Promise<T>;
  /** Names of the locks held right now by any context of the origin (`navigator.locks.query()`). */
  held(): Promise<string[]>;
}

export function webLocks(manager: LockManager): Locks {
  return {
    run<T>(name: string, { ifAvailable = false, signal }: LockRunOptions, fn: (held: boolean) => Promise<T>): Promise<T> {
      // The API refuses ifAvailable together with a signal; ifAvailable never waits, so it needs none.
      const options: LockOptions = ifAvailable ? { ifAvailable: true } : signal ? { signal } : {};
      // ifAvailable: the callback gets null instead of waiting when another context holds the lock.
      return manager.request(name, options, (lock) => fn(lock !== null)) as Promise<T>;
    },
    async held() {
      const state = await manager.query();
      return (state.held ?? []).flatMap((lock) => (lock.name === undefined ? [] : [lock.name]));
    },
  };
}

/** A queue per lock name, for one JS context. */
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
      const forget = () => {
        if (tails.get(name) === tail) tails.delete(name);
      };
      let ran = false;
      try {
        if (previous) await Promise.race([previous, aborted(signal)]);
        ran = true;
        return await fn(true);
      } finally {
        release();
        // A waiter that gave up keeps its place until those before it are done: forgetting it now
        // would let the next request run beside the holder.
        if (ran) forget();
        else void tail.then(forget);
      }
    },
    // A name is in the map from its first request until its last holder lets go (waiters included,
    // which only makes a runner look alive a little longer: the safe direction).
    held: async () => [...tails.keys()],
  };
}

/** Rejects when `signal` aborts; never settles without one (a wait with no way out). */
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
  const manager = typeof navigator === 'undefined' ? undefined : navigator.locks;
  contextLocks ??= manager ? webLocks(manager) : inProcessLocks();
  return contextLocks;
}

export type LockResult<T> = { acquired: true; value: T } | { acquired: false };

/**
 * The runner's view: "run `fn` holding lock `name` if nobody holds it, else don't run it". A second
 * runner never waits, it leaves the queue to the one already draining it. Injected so Node tests
 * and the browser use the same runner code.
 */
export interface LockProvider {
  tryWithLock<T>(name: string, fn: () => Promise<T>): Promise<LockResult<T>>;
  /**
   * Names of the locks held now, to tell a dead runner from a live one. Absent (or null) where
   * nobody can know: then only an expired lease lets a job be taken over.
   */
  held?(): Promise<string[] | null>;
}

export function lockProvider(locks: Locks): LockProvider {
  return {
    tryWithLock: <T>(name: string, fn: () => Promise<T>) =>
      locks.run(name, { ifAvailable: true }, async (held): Promise<LockResult<T>> => (held ? { acquired: true, value: await fn() } : { acquired: false })),
    held: () => locks.held(),
  };
}

/** The run a lease owner belongs to: `sw:1a2b3c4d/3` → `sw:1a2b3c4d` (owners are `<run>/<claim>`). */
export function runOf(leaseOwner: string): string {
  const slash = leaseOwner.lastIndexOf('/');
  return slash < 0 ? leaseOwner : leaseOwner.slice(0, slash);
}

/** The lock a run holds while it is alive (see RUN_LOCK_PREFIX). */
export function runLockName(runId: string): string {
  return `${RUN_LOCK_PREFIX}${runId}`;
}

/** What the locks said at `at`: the run locks then held. Null = unknown (no Web Locks here). */
export interface RunLockSnapshot {
  held: ReadonlySet<string>;
  at: number;
}

/** Takes a snapshot, or null where the provider cannot say or the query fails. */
export async function snapshotRunLocks(provider: LockProvider, at: number): Promise<RunLockSnapshot | null> {
  try {
    const names = (await provider.held?.()) ?? null;
    return names === null ? null : { held: new Set(names), at };
  } catch {
    return null; // Without an answer, the lease alone decides: slower, never wrong.
  }
}

export const webLockProvider = (manager: LockManager): LockProvider => lockProvider(webLocks(manager));
export const inProcessLockProvider = (): LockProvider => lockProvider(inProcessLocks());
/**
 * Web Locks where the platform has them. Without them each tab has its own in-process set, which
 * cannot see another tab's runner: that provider must not claim to know who is alive (held() is
 * left out), or every other tab's job would look abandoned and be paid for twice.
 */
export const defaultLockProvider = (): LockProvider => {
  const provider = lockProvider(defaultLocks());
  if (typeof navigator !== 'undefined' && navigator.locks) return provider;
  return { tryWithLock: provider.tryWithLock };
};

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
