import { describe, expect, it } from 'vitest';
import { JobFailure } from '../../../src/jobs/errors';
import { enqueue } from '../../../src/jobs/enqueue';
import { enqueueGroup } from '../../../src/jobs/enqueue-group';
import { useTestDb } from '../../support/test-db';
import { getJob, storyParams, T0 } from './helpers';

const db = useTestDb();

describe('enqueue', () => {
  it('stores a pending job with parsed params (defaults filled in) and fresh counters', async () => {
    const job = await enqueue('story', storyParams(), { now: T0, priority: 2 });
    expect(job).toMatchObject({
      type: 'story',
      status: 'pending',
      params: { topic: 'a rainy day', level: 'N5', length: 'short', instructions: '' },
      priority: 2,
      createdAt: T0,
      runAfter: T0,
      attempts: 0,
      maxAttempts: 5,
      lease: null,
      error: null,
      dependsOn: [],
      waitingFor: null,
    });
    expect(await getJob(job.id)).toEqual(job);
  });

  it('rejects invalid params with every issue, writing nothing', async () => {
    const error = await enqueue('story', { topic: ' ', level: 'N5', length: 'short' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailure);
    expect(error).toMatchObject({ kind: 'permanent', code: 'invalid-params', message: 'topic: Enter a topic' });
    expect((error as JobFailure).details).toEqual({ issues: [{ path: 'topic', message: 'Enter a topic' }] });
    expect(await db().jobs.count()).toBe(0);
  });

  it('type-checks params against the job type', async () => {
    // @ts-expect-error: an audio job needs a storyId, not a topic.
    await expect(enqueue('audio', storyParams())).rejects.toBeInstanceOf(JobFailure);
  });

  it('is idempotent on an explicit id and refuses missing dependencies', async () => {
    const id = crypto.randomUUID();
    const first = await enqueue('story', storyParams('one'), { id, now: T0 });
    const again = await enqueue('story', storyParams('two'), { id, now: T0 + 5 });
    expect(again).toEqual(first);
    expect(await db().jobs.count()).toBe(1);
    await expect(enqueue('audio', { storyId: id }, { dependsOn: [crypto.randomUUID()] })).rejects.toMatchObject({
      code: 'dependency-missing',
    });
  });
});

describe('enqueueGroup', () => {
  it("queues story + its words + narration + illustration, which reference and wait for the story job", async () => {
    const group = await enqueueGroup(
      { story: storyParams(), narrate: { voice: 'Kore' }, illustrate: true },
      { now: T0, priority: 1 },
    );
    expect(group.story.waitingFor).toBeNull();
    expect(group.audio).toMatchObject({
      params: { storyId: group.story.id, voice: 'Kore' },
      dependsOn: [group.story.id],
      waitingFor: 'dependency',
      groupId: group.groupId,
    });
    expect(group.image).toMatchObject({ params: { storyId: group.story.id, scope: 'cover' }, dependsOn: [group.story.id] });
    expect(group.annotate).toMatchObject({ params: { storyId: group.story.id }, dependsOn: [group.story.id], groupId: group.groupId });
    expect(await db().jobs.where('groupId').equals(group.groupId).count()).toBe(4);
  });

  it('writes nothing when any member is invalid', async () => {
    await expect(enqueueGroup({ story: storyParams(), narrate: { voice: '' } })).rejects.toBeInstanceOf(JobFailure);
    expect(await db().jobs.count()).toBe(0);
  });

  it('queues only the story and its words when nothing else is asked for', async () => {
    const group = await enqueueGroup({ story: storyParams() });
    expect(group.audio).toBeNull();
    expect(group.image).toBeNull();
    expect(group.annotate).toMatchObject({ type: 'annotate', dependsOn: [group.story.id], waitingFor: 'dependency' });
    expect(await db().jobs.count()).toBe(2);
  });
});
