import { describe, expect, it } from 'vitest';
import { claim } from '../../../src/jobs/claim';
import { LEASE_MS } from '../../../src/jobs/constants';
import { enqueue } from '../../../src/jobs/enqueue';
import { inProcessLocks, type LockProvider, lockProvider, runLockName, runOf } from '../../../src/jobs/lock';
import { runQueue } from '../../../src/jobs/runner';
import { useTestDb } from '../../support/test-db';
import { FakeClock, gate, getJob, handler, noLock, storyParams, T0 } from './helpers';

/**
 * A runner that dies (tab closed, worker stopped) lets go of its run lock at once, so its job is
 * taken over on the next look instead of when the 30 s lease runs out. Where nobody can say which
 * locks are held, the lease stays the guard.
 */
useTestDb();

const snapshot = (held: string[], at: number) => ({ held: new Set(held), at });

describe('taking over the job of a dead runner', () => {
  it('recovers a processing job at once when its run lock is free', async () => {
    const job = await enqueue('story', storyParams(), { now: T0 });
    await claim('sw:dead0000/1', T0);
    const resumed = await claim('alive/1', T0 + 1_000, { runLocks: snapshot([], T0 + 1_000) });
    expect(resumed).toMatchObject({ id: job.id, lease: { owner: 'alive/1' }, attempts: 1, leaseLosses: 1 });
  });

  it('leaves it while its runner holds its run lock, until the lease runs out', async () => {
    await enqueue('story', storyParams(), { now: T0 });
    await claim('sw:live0000/1', T0);
    const held = [runLockName('sw:live0000')];
    expect(await claim('other/1', T0 + 1_000, { runLocks: snapshot(held, T0 + 1_000) })).toBeNull();
    expect(await claim('other/1', T0 + LEASE_MS, { runLocks: snapshot(held, T0 + LEASE_MS) })).toMatchObject({ leaseLosses: 1 });
  });

  it('judges only leases older than the snapshot: a runner that claimed after it was not seen', async () => {
    await enqueue('story', storyParams(), { now: T0 });
    await claim('sw:late0000/1', T0 + 500);
    expect(await claim('other/1', T0 + 600, { runLocks: snapshot([], T0 + 500) })).toBeNull();
  });

  it('without a lock snapshot only the lease counts', async () => {
    await enqueue('story', storyParams(), { now: T0 });
    await claim('sw:dead0000/1', T0);
    expect(await claim('other/1', T0 + 1_000, { runLocks: null })).toBeNull();
  });

  it('names the run of a lease owner', () => {
    expect(runOf('sw:1a2b3c4d/3')).toBe('sw:1a2b3c4d');
    expect(runOf('plain')).toBe('plain');
  });
});

describe('the run loop and run locks', () => {
  it('holds its own run lock while it runs, and resumes a dead runner’s job on its first claim', async () => {
    const clock = new FakeClock();
    const job = await enqueue('story', storyParams(), { now: clock.t });
    await claim('sw:dead0000/1', clock.t);
    clock.advance(1_000);
    const locks = inProcessLocks();
    let heldWhileRunning: string[] = [];
    const story = handler('story', async (ctx) => {
      heldWhileRunning = await locks.held();
      expect(ctx.job.lease?.owner).toMatch(/^test:/);
      return {};
    });
    const result = await runQueue({ owner: 'test', handlers: [story], isOnline: () => true, lock: lockProvider(locks), now: clock.now });
    expect(result).toMatchObject({ ran: 1, stoppedBy: 'empty' });
    expect(await getJob(job.id)).toMatchObject({ status: 'completed', leaseLosses: 1 });
    expect(heldWhileRunning.some((name) => name.startsWith(runLockName('test:')))).toBe(true);
    expect(await locks.held()).toEqual([]);
  });

  it('never takes the job of a runner that is alive', async () => {
    const job = await enqueue('story', storyParams(), { now: T0 });
    const locks = inProcessLocks();
    const release = gate();
    const started = gate();
    const slow = handler('story', async () => {
      started.open();
      await release.promise;
      return {};
    });
    const first = runQueue({ owner: 'a', handlers: [slow], isOnline: () => true, lock: lockProvider(locks) });
    await started.promise;
    // A second runner that ignores the runner lock but sees the same run locks.
    const seesLocks: LockProvider = { ...noLock, held: () => locks.held() };
    const other = handler('story', async () => ({}));
    expect(await runQueue({ owner: 'b', handlers: [other], isOnline: () => true, lock: seesLocks })).toMatchObject({ ran: 0 });
    release.open();
    expect(await first).toMatchObject({ ran: 1 });
    expect(await getJob(job.id)).toMatchObject({ status: 'completed', lease: null, leaseLosses: 0 });
  });
});
