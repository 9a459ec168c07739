import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JobRow } from '../../../src/domain/job';
import { cancel } from '../../../src/jobs/cancel';
import { claim } from '../../../src/jobs/claim';
import { complete } from '../../../src/jobs/complete';
import { LEASE_MS, RETRY_MAX_MS } from '../../../src/jobs/constants';
import { dismiss } from '../../../src/jobs/dismiss';
import { enqueue } from '../../../src/jobs/enqueue';
import { type FailureKind, JobFailure } from '../../../src/jobs/errors';
import { fail } from '../../../src/jobs/fail';
import type { TaskOutcome } from '../../../src/jobs/registry';
import { retry } from '../../../src/jobs/retry-job';
import { FINISHED_STATUSES } from '../../../src/jobs/state';
import { withTestDb } from '../../support/test-db';
import { FakeClock, storyParams } from './helpers';

/**
 * Random interleavings of the queue's storage operations by several runners, with crashes (a
 * runner vanishes holding jobs) and a clock that jumps past leases and backoffs. Whatever happens:
 * no job is lost, none is committed twice, and after draining every job is finished.
 */

type Op =
  | { op: 'enqueue'; dep: number | null; priority: number }
  | { op: 'claim'; runner: number }
  | { op: 'complete'; handle: number }
  | { op: 'fail'; handle: number; kind: FailureKind }
  | { op: 'cancel'; job: number }
  | { op: 'retry'; job: number }
  | { op: 'dismiss'; job: number }
  | { op: 'crash'; runner: number }
  | { op: 'advance'; ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('enqueue' as const), dep: fc.option(fc.nat(20), { nil: null }), priority: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('claim' as const), runner: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('complete' as const), handle: fc.nat(10) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('fail' as const),
      handle: fc.nat(10),
      kind: fc.constantFrom<FailureKind>('transient', 'permanent', 'invalid-output', 'offline'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), job: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('retry' as const), job: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dismiss' as const), job: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('crash' as const), runner: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 2 * LEASE_MS }) }) },
);

interface Handle {
  runner: number;
  owner: string;
  jobId: string;
}

function scenario(ops: readonly Op[]): Promise<void> {
  return withTestDb(async (db) => {
    const clock = new FakeClock();
    const jobs: string[] = [];
    const dismissed = new Set<string>();
    const commits = new Map<string, number>();
    let handles: Handle[] = [];
    let claims = 0;
    const retryOptions = { baseMs: 1000, maxMs: 60_000, random: () => 0.5 };
    const outcome = (jobId: string): TaskOutcome => ({
      tables: ['syncState'],
      commit: async (tx) => {
        commits.set(jobId, (commits.get(jobId) ?? 0) + 1);
        await tx.syncState.put({ key: `result:${jobId}`, value: jobId });
      },
    });
    const pick = <T>(list: readonly T[], index: number): T | undefined => (list.length === 0 ? undefined : list[index % list.length]);
    const take = (index: number): Handle | undefined => {
      const handle = pick(handles, index);
      handles = handles.filter((h) => h !== handle);
      return handle;
    };

    for (const step of ops) {
      switch (step.op) {
        case 'enqueue': {
          const dep = step.dep === null ? undefined : pick(jobs.filter((id) => !dismissed.has(id)), step.dep);
          const job = await enqueue('story', storyParams(), { now: clock.t, priority: step.priority, dependsOn: dep ? [dep] : [] });
          jobs.push(job.id);
          break;
        }
        case 'claim': {
          // Each claim gets its own owner, as each runQueue run does.
          const owner = `runner${step.runner}-${claims++}`;
          const job = await claim(owner, clock.t);
          if (job) handles.push({ runner: step.runner, owner, jobId: job.id });
          break;
        }
        case 'complete': {
          const handle = take(step.handle);
          if (handle) await complete(handle.jobId, handle.owner, outcome(handle.jobId), clock.t);
          break;
        }
        case 'fail': {
          const handle = take(step.handle);
          if (handle) await fail(handle.jobId, handle.owner, new JobFailure(step.kind, step.kind, 'It went wrong.'), clock.t, retryOptions);
          break;
        }
        case 'cancel':
        case 'retry':
        case 'dismiss': {
          const id = pick(jobs, step.job);
          if (id === undefined) break;
          if (step.op === 'cancel') await cancel(id, clock.t);
          else if (step.op === 'retry') await retry(id, clock.t);
          else if (await dismiss(id)) dismissed.add(id);
          break;
        }
        case 'crash':
          handles = handles.filter((h) => h.runner !== step.runner);
          break;
        case 'advance':
          clock.advance(step.ms);
          break;
      }
    }

    // Drain: a healthy runner finishes everything that is left (stale handles stay possible late writers).
    for (let i = 0; i < 500; i++) {
      const job = await claim(`drain-${i}`, clock.t);
      if (job) {
        await complete(job.id, `drain-${i}`, outcome(job.id), clock.t);
        continue;
      }
      if ((await db.jobs.where('status').anyOf('pending', 'processing').count()) === 0) break;
      clock.advance(RETRY_MAX_MS + LEASE_MS);
    }
    // Stale handles from before the drain try to write late: they must change nothing.
    for (const handle of handles) {
      await complete(handle.jobId, handle.owner, outcome(handle.jobId), clock.t);
      await fail(handle.jobId, handle.owner, new JobFailure('permanent', 'late', 'late'), clock.t);
    }

    const rows = new Map((await db.jobs.toArray()).map((row): [string, JobRow] => [row.id, row]));
    for (const id of jobs) {
      const row = rows.get(id);
      if (dismissed.has(id)) {
        expect(row).toBeUndefined();
        continue;
      }
      expect(row, `job ${id} lost`).toBeDefined();
      if (!row) continue;
      expect(FINISHED_STATUSES).toContain(row.status);
      expect(row.lease).toBeNull();
      expect(commits.get(id) ?? 0).toBe(row.status === 'completed' ? 1 : 0);
      expect(row.attempts).toBeLessThanOrEqual(row.maxAttempts);
      if (row.status === 'completed') {
        for (const dep of row.dependsOn) expect(rows.get(dep)?.status ?? 'completed').toBe('completed');
      }
    }
    expect(rows.size).toBe(jobs.length - dismissed.size);
    for (const count of commits.values()) expect(count).toBeLessThanOrEqual(1);
  }, 'prop');
}

describe('queue property', () => {
  it('random interleavings with crashes lose no job and complete none twice', async () => {
    // size 'max': long sequences, so crashes land between claims and completions often enough.
    const ops = fc.array(opArb, { minLength: 1, maxLength: 40, size: 'max' });
    await fc.assert(fc.asyncProperty(ops, scenario), { numRuns: 100 });
  }, 60_000);
});
