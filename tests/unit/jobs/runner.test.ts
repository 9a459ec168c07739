import { describe, expect, it } from 'vitest';
import { toSummary } from '../../../src/domain/summary';
import { cancel } from '../../../src/jobs/cancel';
import { enqueue } from '../../../src/jobs/enqueue';
import { enqueueGroup } from '../../../src/jobs/enqueue-group';
import { JobFailure } from '../../../src/jobs/errors';
import { lockHolder } from '../../../src/jobs/lock';
import type { AnyTaskHandler } from '../../../src/jobs/registry';
import { type RunnerEvent, type RunQueueOptions, runQueue } from '../../../src/jobs/runner';
import { makeStory } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';
import { commitMarker, FakeClock, gate, getJob, handler, marker, noLock, storyParams } from './helpers';
import { waitUntil } from '../../support/wait-until';

const db = useTestDb();

function run(handlers: readonly AnyTaskHandler[], extra: Partial<RunQueueOptions> = {}) {
  return runQueue({ owner: 'test', handlers, isOnline: () => true, lock: noLock, ...extra });
}

describe('runQueue', () => {
  it('runs story, its words, narration and illustration in order, each result committed with its job', async () => {
    const group = await enqueueGroup({ story: storyParams(), narrate: true, illustrate: true });
    const order: string[] = [];
    const holders: unknown[] = [];
    const story = handler('story', async (ctx) => {
      order.push('story');
      holders.push(await lockHolder());
      const row = makeStory(1, { id: ctx.job.id, topic: ctx.job.params.topic });
      return {
        result: { storyId: row.id },
        tables: ['stories', 'storySummaries'],
        commit: async (tx) => {
          await tx.stories.put(row);
          await tx.storySummaries.put(toSummary(row));
        },
      };
    });
    const needsStory = (type: 'audio' | 'image' | 'annotate') =>
      handler(type, async (ctx) => {
        order.push(type);
        expect(await db().stories.get(ctx.job.params.storyId)).toBeDefined();
        return commitMarker(ctx.job.id);
      });
    const result = await run([story, needsStory('audio'), needsStory('image'), needsStory('annotate')], { lock: undefined });
    expect(result).toEqual({ ran: 4, remaining: 0, stoppedBy: 'empty' });
    expect(order[0]).toBe('story');
    expect(holders[0]).toMatchObject({ owner: expect.stringMatching(/^test:/) });
    expect(await lockHolder()).toBeNull();
    expect(await getJob(group.story.id)).toMatchObject({ status: 'completed', result: { storyId: group.story.id } });
    expect(await db().stories.get(group.story.id)).toMatchObject({ topic: 'a rainy day' });
  });

  it('persists checkpoints at once and progress throttled; a resumed job continues from its checkpoint', async () => {
    const clock = new FakeClock();
    const job = await enqueue('audio', { storyId: crypto.randomUUID() }, { now: clock.t });
    const seen: unknown[] = [];
    const audio = handler('audio', async (ctx) => {
      seen.push(ctx.job.checkpoint);
      const start = typeof ctx.job.checkpoint === 'number' ? ctx.job.checkpoint : 0;
      for (let i = start; i < 4; i++) {
        ctx.progress(i + 1, 4, `Sentence ${i + 1}`);
        await ctx.checkpoint(i + 1);
        expect((await getJob(job.id)).checkpoint).toBe(i + 1);
        if (i === 1 && start === 0) throw new JobFailure('transient', 'unavailable', 'Overloaded.');
      }
      return {};
    });
    const retryNow = { baseMs: 0, maxMs: 0, random: () => 0 };
    await run([audio], { now: clock.now, retry: retryNow, progressThrottleMs: 1000 });
    expect(seen).toEqual([null, 2]);
    expect(await getJob(job.id)).toMatchObject({ status: 'completed', attempts: 2, progress: { done: 4, total: 4, label: 'Sentence 4' } });
  });

  it('cancel during a running handler aborts its signal at once, and its late result is never written', async () => {
    const job = await enqueue('story', storyParams());
    const release = gate();
    const returned = gate();
    let signal: AbortSignal | undefined;
    let commits = 0;
    const events: RunnerEvent[] = [];
    const story = handler('story', async (ctx) => {
      signal = ctx.signal;
      await release.promise; // ignores its signal on purpose
      returned.open();
      return { ...commitMarker(ctx.job.id), commit: async () => void commits++ };
    });
    const running = run([story], { onEvent: (e) => events.push(e), heartbeatMs: 60_000 });
    await waitUntil(() => signal !== undefined);
    expect(await cancel(job.id)).toBe(true);
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toMatchObject({ name: 'AbortError' });
    expect(await running).toEqual({ ran: 1, remaining: 0, stoppedBy: 'empty' });
    release.open();
    await returned.promise;
    // A read of the database queues behind any write the late result could still have started.
    expect(await marker(job.id)).toBeUndefined();
    expect(commits).toBe(0);
    expect(await getJob(job.id)).toMatchObject({ status: 'cancelled', lease: null });
    expect(events.map((e) => e.kind)).toEqual(['claimed', 'lost']);
  });

  it('the heartbeat notices a cancel made in another context and aborts the handler', async () => {
    const job = await enqueue('story', storyParams());
    const story = handler('story', async (ctx) => {
      // Another context cancelled it: only the row changes, no in-process signal.
      await db().jobs.update(ctx.job.id, { status: 'cancelled', lease: null });
      await new Promise((_resolve, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)));
      return commitMarker(ctx.job.id);
    });
    expect(await run([story], { heartbeatMs: 5 })).toMatchObject({ ran: 1, stoppedBy: 'empty' });
    expect(await getJob(job.id)).toMatchObject({ status: 'cancelled' });
    expect(await marker(job.id)).toBeUndefined();
  });

  it('keeps the lease alive while a long handler runs', async () => {
    const clock = new FakeClock();
    const job = await enqueue('story', storyParams(), { now: clock.t });
    const story = handler('story', async (ctx) => {
      clock.advance(25_000);
      await waitUntil(async () => ((await getJob(ctx.job.id)).lease?.expiresAt ?? 0) === clock.t + 30_000);
      return {};
    });
    await run([story], { now: clock.now, heartbeatMs: 5 });
    expect(await getJob(job.id)).toMatchObject({ status: 'completed' });
  });

  it('one runner at a time: a second one returns lock-busy at once', async () => {
    await enqueue('story', storyParams());
    const release = gate();
    let started = false;
    const slow = handler('story', async (ctx) => {
      started = true;
      await release.promise;
      return commitMarker(ctx.job.id);
    });
    const first = run([slow], { lock: undefined });
    await waitUntil(() => started);
    expect(await run([slow], { lock: undefined })).toEqual({ ran: 0, remaining: 1, stoppedBy: 'lock-busy' });
    release.open();
    expect(await first).toMatchObject({ ran: 1, stoppedBy: 'empty' });
  });

  it('stops claiming at the deadline', async () => {
    const clock = new FakeClock();
    await enqueue('story', storyParams('a'), { now: clock.t });
    await enqueue('story', storyParams('b'), { now: clock.t + 1 });
    const story = handler('story', async (ctx) => {
      clock.advance(170_000);
      return commitMarker(ctx.job.id);
    });
    expect(await run([story], { now: clock.now, deadline: clock.t + 160_000 })).toEqual({ ran: 1, remaining: 1, stoppedBy: 'deadline' });
  });

  it('offline: claims no network job, marks them waiting for the network, still runs local work', async () => {
    const story = await enqueue('story', storyParams());
    const image = await enqueue('image', { storyId: crypto.randomUUID() });
    let ran = 0;
    const local = handler(
      'image',
      async (ctx) => {
        ran++;
        return commitMarker(ctx.job.id);
      },
      { needsNetwork: false },
    );
    const result = await run([handler('story'), local], { isOnline: () => false });
    expect(result).toEqual({ ran: 1, remaining: 1, stoppedBy: 'offline' });
    expect(ran).toBe(1);
    expect(await getJob(image.id)).toMatchObject({ status: 'completed' });
    expect(await getJob(story.id)).toMatchObject({ status: 'pending', waitingFor: 'network', attempts: 0 });
  });

  it('a job that finds itself offline spends no attempt and stops the run, even if isOnline() says online', async () => {
    const job = await enqueue('story', storyParams());
    let calls = 0;
    const story = handler('story', async () => {
      calls++;
      throw new JobFailure('offline', 'offline', 'You are offline.');
    });
    expect(await run([story])).toEqual({ ran: 1, remaining: 1, stoppedBy: 'offline' });
    expect(calls).toBe(1);
    expect(await getJob(job.id)).toMatchObject({ status: 'pending', waitingFor: 'network', attempts: 0 });
  });

  it('a network error while the device went offline counts as offline, not as a spent attempt', async () => {
    const job = await enqueue('story', storyParams());
    let online = true;
    const story = handler('story', async () => {
      online = false;
      throw new TypeError('Failed to fetch');
    });
    expect(await run([story], { isOnline: () => online })).toMatchObject({ stoppedBy: 'offline' });
    expect(await getJob(job.id)).toMatchObject({ status: 'pending', waitingFor: 'network', attempts: 0 });
  });

  it('handler and listener faults never kill the loop', async () => {
    const a = await enqueue('story', storyParams('a'));
    const b = await enqueue('story', storyParams('b'), { now: Date.now() + 1 });
    const story: AnyTaskHandler = {
      type: 'story',
      run(ctx) {
        if (ctx.job.id === a.id) throw 'not even an Error'; // synchronous, non-Error throw
        return Promise.resolve(commitMarker(ctx.job.id));
      },
    };
    const result = await run([story], {
      onEvent: () => {
        throw new Error('listener bug');
      },
    });
    expect(result.ran).toBe(2);
    expect(await getJob(a.id)).toMatchObject({ status: 'pending', waitingFor: 'backoff', error: { code: 'unexpected' } });
    expect(await getJob(b.id)).toMatchObject({ status: 'completed' });
  });

  it('abandons a handler that hangs past the job timeout (transient), aborting its signal', async () => {
    const job = await enqueue('story', storyParams());
    let signal: AbortSignal | undefined;
    const hung = handler('story', (ctx) => {
      signal = ctx.signal;
      return new Promise(() => {});
    });
    await run([hung], { jobTimeoutMs: 20 });
    expect(signal?.aborted).toBe(true);
    expect(await getJob(job.id)).toMatchObject({ status: 'pending', waitingFor: 'backoff', error: { code: 'timeout' } });
  });

  it('a handler abandoned after a timeout cannot write into the next attempt of its job', async () => {
    const job = await enqueue('story', storyParams());
    const late = gate();
    let calls = 0;
    let lateWrite: Promise<unknown> | undefined;
    const story = handler('story', async (ctx) => {
      calls++;
      if (calls === 1) {
        await late.promise; // hangs past the timeout, then wakes up during the next attempt
        lateWrite = ctx.checkpoint('stale').catch((error: unknown) => error);
        return commitMarker(ctx.job.id, 'stale');
      }
      late.open();
      await waitUntil(() => lateWrite !== undefined);
      await lateWrite;
      await ctx.checkpoint('fresh');
      return commitMarker(ctx.job.id, 'fresh');
    });
    // Long enough that the second attempt never times out on a loaded machine; the first always does.
    await run([story], { jobTimeoutMs: 500, retry: { baseMs: 0, maxMs: 0 } });
    expect(calls).toBe(2);
    expect(await lateWrite).toMatchObject({ code: 'timeout' }); // rejected: the signal it ignored was aborted
    expect(await getJob(job.id)).toMatchObject({ status: 'completed', checkpoint: 'fresh', attempts: 2 });
    expect(await marker(job.id)).toBe('fresh');
  });

  it('once newer code is around, finishes the job in hand and claims no other', async () => {
    const first = await enqueue('story', storyParams());
    const second = await enqueue('story', storyParams());
    let superseded = false;
    const story = handler('story', async (ctx) => {
      // The update arrives while the first (paid) call is in flight.
      superseded = true;
      return commitMarker(ctx.job.id);
    });
    const result = await run([story], { superseded: () => superseded });
    expect(result).toEqual({ ran: 1, remaining: 1, stoppedBy: 'superseded' });
    expect((await getJob(first.id))?.status).toBe('completed');
    expect(await getJob(second.id)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('a request that got no answer just before the device reports offline waits for the network, spending no attempt', async () => {
    const job = await enqueue('story', storyParams());
    let checks = 0;
    // navigator.onLine still says online when the fetch fails, and flips a moment later.
    const isOnline = () => {
      checks += 1;
      return checks <= 2;
    };
    const story = handler('story', async () => {
      throw new JobFailure('transient', 'network', 'Could not reach Gemini.');
    });
    await run([story], { isOnline });
    expect(await getJob(job.id)).toMatchObject({ status: 'pending', waitingFor: 'network', attempts: 0 });
  });

  it('a request that got no answer while the device stays online is a transient failure', async () => {
    const job = await enqueue('story', storyParams());
    const story = handler('story', async () => {
      throw new JobFailure('transient', 'network', 'Could not reach Gemini.');
    });
    await run([story], { isOnline: () => true });
    expect(await getJob(job.id)).toMatchObject({ status: 'pending', waitingFor: 'backoff', attempts: 1 });
  });

  it('refuses two handlers for one type', async () => {
    await expect(run([handler('story'), handler('story')])).rejects.toThrow('Two handlers');
  });
});
