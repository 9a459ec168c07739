import { describe, expect, it } from 'vitest';
import { LEASE_MS } from '../../../src/jobs/constants';
import { enqueue } from '../../../src/jobs/enqueue';
import type { TaskOutcome } from '../../../src/jobs/registry';
import { type RunnerEvent, runQueue } from '../../../src/jobs/runner';
import { useTestDb } from '../../support/test-db';
import { FakeClock, gate, getJob, handler, noLock, storyParams } from './helpers';
import { waitUntil } from '../../support/wait-until';

const db = useTestDb();

function counted(commits: Map<string, number>, jobId: string): TaskOutcome {
  return {
    result: { jobId },
    tables: ['syncState'],
    commit: async (tx) => {
      commits.set(jobId, (commits.get(jobId) ?? 0) + 1);
      await tx.syncState.put({ key: `result:${jobId}`, value: jobId });
    },
  };
}

describe('exactly once', () => {
  it('two runners sharing the database without a lock complete every job exactly once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await enqueue('story', storyParams(`t${i}`), { priority: i % 3 })).id);
    const commits = new Map<string, number>();
    const story = handler('story', async (ctx) => {
      // A random 0–2 ms of work per job, so the two runners interleave differently: the delay is what is tested.
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 3)));
      return counted(commits, ctx.job.id);
    });
    const options = { handlers: [story], isOnline: () => true, lock: noLock };
    const [a, b] = await Promise.all([runQueue({ ...options, owner: 'a' }), runQueue({ ...options, owner: 'b' })]);
    expect(a.ran + b.ran).toBe(30);
    for (const id of ids) {
      expect(commits.get(id)).toBe(1);
      expect(await getJob(id)).toMatchObject({ status: 'completed' });
    }
  });

  it('a runner whose lease expired cannot commit after another runner took the job over', async () => {
    const clock = new FakeClock();
    const job = await enqueue('story', storyParams(), { now: clock.t });
    const commits = new Map<string, number>();
    const slowRelease = gate();
    let slowStarted = false;
    const slow = handler('story', async (ctx) => {
      slowStarted = true;
      await slowRelease.promise; // e.g. a frozen tab: no heartbeat gets through
      return counted(commits, ctx.job.id);
    });
    const events: RunnerEvent[] = [];
    const base = { isOnline: () => true, lock: noLock, now: clock.now };
    const first = runQueue({ ...base, owner: 'frozen', handlers: [slow], heartbeatMs: 3_600_000, onEvent: (e) => events.push(e) });
    await waitUntil(() => slowStarted);
    clock.advance(LEASE_MS);
    const fast = handler('story', async (ctx) => counted(commits, ctx.job.id));
    expect(await runQueue({ ...base, owner: 'fresh', handlers: [fast] })).toMatchObject({ ran: 1, stoppedBy: 'empty' });
    slowRelease.open();
    await first;
    expect(commits.get(job.id)).toBe(1);
    expect(events.at(-1)).toEqual({ kind: 'lost', jobId: job.id });
    expect(await getJob(job.id)).toMatchObject({ status: 'completed', attempts: 1, leaseLosses: 1 });
    expect(await db().syncState.get(`result:${job.id}`)).toBeDefined();
  });
});
