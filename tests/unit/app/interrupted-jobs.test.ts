import { describe, expect, it } from 'vitest';
import { interruptedJobs } from '../../../src/app/queue-client';
import type { JobRow } from '../../../src/domain/job';
import { LEASE_MS } from '../../../src/jobs/constants';
import { buildJobRow } from '../../../src/jobs/enqueue';
import { inProcessLockProvider, type LockProvider, runLockName } from '../../../src/jobs/lock';

const T = 1_700_000_000_000;
const processing = (owner: string, expiresAt: number): JobRow => ({
  ...buildJobRow('story', { topic: 'a lost cat', level: 'N5', length: 'short' }, { now: T - 5_000 }),
  status: 'processing',
  lease: { owner, expiresAt },
});

/** Holds `runId`'s run lock until the returned release is called, as a living runner does. */
async function holdRun(provider: LockProvider, runId: string): Promise<() => void> {
  let release = () => {};
  let held = () => {};
  const taken = new Promise<void>((resolve) => {
    held = resolve;
  });
  void provider.tryWithLock(runLockName(runId), () => {
    held();
    return new Promise<void>((resolve) => {
      release = resolve;
    });
  });
  await taken;
  return release;
}

describe('which running jobs lost their runner', () => {
  it('a job whose run lock is free was interrupted at once, before its lease runs out', async () => {
    const provider = inProcessLockProvider();
    const release = await holdRun(provider, 'sw:alive');
    const alive = processing('sw:alive/1', T + LEASE_MS - 1_000);
    const dead = processing('sw:dead/1', T + LEASE_MS - 1_000);
    expect(await interruptedJobs([alive, dead], T, provider)).toEqual(new Set([dead.id]));
    release();
  });

  it('a lease taken after the look at the locks is not judged by it', async () => {
    const justClaimed = processing('sw:new/1', T + LEASE_MS);
    expect(await interruptedJobs([justClaimed], T, inProcessLockProvider())).toEqual(new Set());
  });

  it('where nobody can see the locks, only an expired lease counts', async () => {
    const blind: LockProvider = { tryWithLock: inProcessLockProvider().tryWithLock };
    const expired = processing('sw:a/1', T - 1);
    const live = processing('sw:b/1', T + 10_000);
    const pending = { ...processing('sw:c/1', T - 1), status: 'pending' as const };
    expect(await interruptedJobs([expired, live, pending], T, blind)).toEqual(new Set([expired.id]));
  });
});
