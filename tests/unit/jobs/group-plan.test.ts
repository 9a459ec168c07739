import { describe, expect, it } from 'vitest';
import { claim } from '../../../src/jobs/claim';
import { buildGroupRows, parseGroupPlan, planGroup, writeGroup } from '../../../src/jobs/enqueue-group';
import { JobFailure } from '../../../src/jobs/errors';
import { useTestDb } from '../../support/test-db';
import { storyParams, T0 } from './helpers';

/**
 * The page hands the worker a plan in the click's task and writes it too: two contexts, one plan,
 * one group of jobs, whatever the order and even after the worker has started running it.
 */
const db = useTestDb();

describe('a group plan written by two contexts', () => {
  it('makes one group whichever side writes first, with the same ids and clock', async () => {
    const plan = planGroup({ story: storyParams(), narrate: true, illustrate: true }, { now: T0 });
    const received = parseGroupPlan(structuredClone(plan));
    expect(received).toEqual(plan);
    const byWorker = await writeGroup(received!);
    const byPage = await writeGroup(plan);
    expect(byPage).toEqual(byWorker);
    expect(byWorker.story).toMatchObject({ id: plan.ids.story, createdAt: T0, groupId: plan.ids.group, writtenBy: plan.version });
    expect(byWorker.audio).toMatchObject({ id: plan.ids.audio, dependsOn: [plan.ids.story], waitingFor: 'dependency' });
    expect(byWorker.annotate).toMatchObject({ id: plan.ids.annotate, dependsOn: [plan.ids.story], waitingFor: 'dependency' });
    expect(await db().jobs.count()).toBe(4);
  });

  it('a late second write changes nothing, not even a job already running', async () => {
    const plan = planGroup({ story: storyParams() }, { now: T0 });
    await writeGroup(plan);
    const running = await claim('sw:run/1', T0 + 1);
    await writeGroup(plan);
    expect(await db().jobs.get(plan.ids.story)).toEqual(running);
    // The story and its word list.
    expect(await db().jobs.count()).toBe(2);
  });

  it('a plan from an older page, minted without an annotate id, still parses and writes no annotate job', async () => {
    const { annotate: _, ...olderIds } = planGroup({ story: storyParams() }, { now: T0 }).ids;
    const older = parseGroupPlan({ ...planGroup({ story: storyParams() }, { now: T0 }), ids: olderIds });
    expect(older).not.toBeNull();
    const group = await writeGroup(older!);
    expect(group.annotate).toBeNull();
    expect((await db().jobs.toArray()).map((j) => j.type)).toEqual(['story']);
  });

  it('validates before anything is sent: invalid params throw from buildGroupRows', () => {
    const plan = planGroup({ story: { ...storyParams(), topic: ' ' } });
    expect(() => buildGroupRows(plan)).toThrow(JobFailure);
  });

  it('refuses a message that is not a plan', () => {
    expect(parseGroupPlan(undefined)).toBeNull();
    expect(parseGroupPlan({ ...planGroup({ story: storyParams() }), ids: { story: 'x' } })).toBeNull();
  });
});
