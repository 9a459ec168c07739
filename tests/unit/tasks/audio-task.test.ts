import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AiError } from '../../../src/ai/errors';
import type { SynthesizeOptions } from '../../../src/ai/tts';
import { deleteStory } from '../../../src/db/library-repo';
import { saveSettings } from '../../../src/db/settings-repo';
import { mostRequests } from '../../../src/domain/media-plan';
import { cancel } from '../../../src/jobs/cancel';
import { DEFAULT_MAX_ATTEMPTS, MAX_LEASE_LOSSES } from '../../../src/jobs/constants';
import { enqueue } from '../../../src/jobs/enqueue';
import { type AudioTaskDeps, createAudioTask } from '../../../src/tasks/audio-task';
import { storeMediaStep } from '../../../src/tasks/media-step';
import type { EstimateFn } from '../../../src/tasks/storage-check';
import { makeMedia } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';
import { jobRow, runOnce, seedStory, storedIndexes, storyWith, wavBlob } from './helpers';

const db = useTestDb();
const plenty: EstimateFn = async () => ({ usage: 0, quota: 10 * 1024 ** 3 });

/** A fake TTS that records what it was asked; `behave` may throw or act mid-call. */
function fakeTts(behave: (call: number, options: SynthesizeOptions) => void | Promise<void> = () => {}) {
  const calls: SynthesizeOptions[] = [];
  const synthesize = async (options: SynthesizeOptions) => {
    calls.push(options);
    await behave(calls.length, options);
    const blob = wavBlob(100);
    return { blob, durationMs: 100, bytes: blob.size };
  };
  return { calls, synthesize };
}

const task = (deps: AudioTaskDeps) => createAudioTask({ estimate: plenty, ...deps });

describe('audio task', () => {
  it('narrates each sentence once, storing it with the checkpoint, and marks the story', async () => {
    const story = await seedStory(storyWith(4));
    const job = await enqueue('audio', { storyId: story.id });
    const tts = fakeTts();
    const labels: string[] = [];
    const watch = Dexie.liveQuery(() => db().jobs.get(job.id)).subscribe((row) => {
      if (row?.progress) labels.push(row.progress.label);
    });
    await runOnce(task({ synthesize: tts.synthesize }));
    watch.unsubscribe();

    expect(tts.calls.map((c) => c.text)).toEqual(story.content.map((s) => s.jp));
    expect(tts.calls.every((c) => c.voice === 'Kore' && c.model === 'gemini-2.5-flash-preview-tts')).toBe(true);
    expect(await storedIndexes(story.id, 'audio')).toEqual([0, 1, 2, 3]);
    const row = await db().media.get([story.id, 'audio', 2]);
    expect(row).toMatchObject({ mime: 'audio/wav', bytes: 44 + 4800 });
    expect(await jobRow(job.id)).toMatchObject({
      status: 'completed',
      progress: { done: 4, total: 4, label: '4 / 4 sentences' },
      checkpoint: { voice: 'Kore', done: 4, total: 4 },
      result: { storyId: story.id, sentences: 4 },
    });
    expect(labels).toContain('2 / 4 sentences');
    const after = await db().stories.get(story.id);
    expect(after?.media).toEqual({ audioSegments: 4, images: 0 });
    expect(after?.updatedAt).toBe(story.updatedAt);
  });

  it('after a failed sentence, the next run asks only for the sentences not stored', async () => {
    // One sentence at a time, so which call fails says which sentences were stored before it.
    await saveSettings({ parallelRequests: 1 });
    const story = await seedStory(storyWith(5));
    const job = await enqueue('audio', { storyId: story.id });
    const tts = fakeTts((call) => {
      if (call === 3) throw new AiError('transient', 'overloaded', 'Gemini is overloaded; retrying…');
    });
    const handler = task({ synthesize: tts.synthesize });
    await runOnce(handler, { retry: { baseMs: 60_000, maxMs: 60_000, random: () => 0 } });
    expect(await jobRow(job.id)).toMatchObject({ status: 'pending', waitingFor: 'backoff', checkpoint: { done: 2, total: 5 } });
    expect(await storedIndexes(story.id, 'audio')).toEqual([0, 1]);
    await runOnce(handler, { now: () => Date.now() + 120_000 });
    expect(await jobRow(job.id)).toMatchObject({ status: 'completed', attempts: 2 });
    expect(tts.calls.map((c) => c.text)).toEqual(['文0です。', '文1です。', '文2です。', '文2です。', '文3です。', '文4です。']);
    expect(await db().media.count()).toBe(5);
  });

  it('a job whose runner died resumes from the stored sentences, in the voice it started with', async () => {
    const story = await seedStory(storyWith(4));
    const job = await enqueue('audio', { storyId: story.id });
    await db().media.bulkPut([makeMedia(story.id, 'audio', 0, 10), makeMedia(story.id, 'audio', 1, 10)]);
    const past = Date.now() - 1000;
    await db().jobs.put({ ...job, status: 'processing', attempts: 1, lease: { owner: 'dead-worker', expiresAt: past }, checkpoint: { voice: 'Puck', done: 2, total: 4 } });
    const tts = fakeTts();
    await runOnce(task({ synthesize: tts.synthesize }));
    expect(tts.calls.map((c) => [c.text, c.voice])).toEqual([['文2です。', 'Puck'], ['文3です。', 'Puck']]);
    expect(await jobRow(job.id)).toMatchObject({ status: 'completed', leaseLosses: 1 });
  });

  it('four in flight: never asks more often than the "up to" the Reader announces, however each answer fails', async () => {
    const limits = { maxAttempts: DEFAULT_MAX_ATTEMPTS, maxLeaseLosses: MAX_LEASE_LOSSES, parallel: 4 };
    const failures = [
      () => new AiError('transient', 'rate-limited', 'Gemini is busy', { status: 429, retryAfterMs: 0 }),
      () => new AiError('transient', 'overloaded', 'Gemini is overloaded'),
    ];
    for (const failure of failures) {
      const story = await seedStory(storyWith(6));
      const job = await enqueue('audio', { storyId: story.id });
      const tts = fakeTts(() => {
        throw failure();
      });
      for (let run = 0; run < 10 && (await jobRow(job.id)).status !== 'failed'; run++) await runOnce(task({ synthesize: tts.synthesize }));
      expect((await jobRow(job.id)).status).toBe('failed');
      expect(tts.calls.length).toBeGreaterThan(6);
      expect(tts.calls.length).toBeLessThanOrEqual(mostRequests(6, limits));
    }
  });

  it('a story already narrated completes without a single request', async () => {
    const story = await seedStory(storyWith(2));
    await db().media.bulkPut([makeMedia(story.id, 'audio', 0, 10), makeMedia(story.id, 'audio', 1, 10)]);
    const job = await enqueue('audio', { storyId: story.id });
    const tts = fakeTts();
    await runOnce(task({ synthesize: tts.synthesize }));
    expect(tts.calls).toHaveLength(0);
    expect(await jobRow(job.id)).toMatchObject({ status: 'completed', progress: { done: 2, total: 2 } });
    expect((await db().stories.get(story.id))?.media).toEqual({ audioSegments: 2, images: 0 });
  });

  it('uses the voice asked for, else the one in Settings', async () => {
    const story = await seedStory(storyWith(1));
    await saveSettings({ voice: 'Aoede' });
    const tts = fakeTts();
    await enqueue('audio', { storyId: story.id });
    await runOnce(task({ synthesize: tts.synthesize }));
    await db().media.clear();
    await enqueue('audio', { storyId: story.id, voice: 'Charon' });
    await runOnce(task({ synthesize: tts.synthesize }));
    expect(tts.calls.map((c) => c.voice)).toEqual(['Aoede', 'Charon']);
  });

  it('fails before any request when the audio will not fit on the device', async () => {
    const story = await seedStory(storyWith(20));
    const job = await enqueue('audio', { storyId: story.id });
    const tts = fakeTts();
    await runOnce(task({ synthesize: tts.synthesize, estimate: async () => ({ usage: 99 * 1024 ** 2, quota: 100 * 1024 ** 2 }) }));
    const failed = await jobRow(job.id);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'storage-insufficient', retryable: false } });
    expect(failed.error?.message).toMatch(/^Not enough storage space for narrating 20 sentences: it needs about \d+(\.\d)? MB/);
    expect(tts.calls).toHaveLength(0);
  });

  it('goes ahead when the browser cannot estimate its storage', async () => {
    const story = await seedStory(storyWith(2));
    const job = await enqueue('audio', { storyId: story.id });
    await runOnce(task({ synthesize: fakeTts().synthesize, estimate: async () => null }));
    expect((await jobRow(job.id)).status).toBe('completed');
  });

  it.each([
    ['a QuotaExceededError', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
    ['a Dexie AbortError wrapping it', () => new Dexie.AbortError('Transaction aborted', new DOMException('quota', 'QuotaExceededError'))],
  ])('a full disk mid-job (%s) fails it permanently and keeps the stored sentences', async (_name, quotaError) => {
    // One sentence at a time, so which call fails says which sentences were stored before it.
    await saveSettings({ parallelRequests: 1 });
    const story = await seedStory(storyWith(4));
    const job = await enqueue('audio', { storyId: story.id });
    let stores = 0;
    const store: typeof storeMediaStep = async (...args) => {
      if (++stores === 3) throw quotaError();
      return storeMediaStep(...args);
    };
    const tts = fakeTts();
    await runOnce(task({ synthesize: tts.synthesize, store }));
    const failed = await jobRow(job.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, error: { code: 'storage-full', retryable: false } });
    expect(failed.error?.message).toMatch(/^Your device is out of storage space\. 2 of 4 sentences were saved and are kept\./);
    expect(await storedIndexes(story.id, 'audio')).toEqual([0, 1]);
    expect(tts.calls).toHaveLength(3);
    expect((await db().stories.get(story.id))?.media).toEqual({ audioSegments: 2, images: 0 });
  });

  it('fails with a clear message when the story is no longer there', async () => {
    const job = await enqueue('audio', { storyId: crypto.randomUUID() });
    const tts = fakeTts();
    await runOnce(task({ synthesize: tts.synthesize }));
    const failed = await jobRow(job.id);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'story-missing' } });
    expect(failed.error?.message).toMatch(/no longer in your library/);
    expect(tts.calls).toHaveLength(0);
  });

  it('a story deleted mid-job stops it without leaving orphan audio', async () => {
    const story = await seedStory(storyWith(4));
    const job = await enqueue('audio', { storyId: story.id });
    const tts = fakeTts(async (call) => {
      if (call === 2) await deleteStory(story.id);
    });
    await runOnce(task({ synthesize: tts.synthesize }));
    expect(await jobRow(job.id)).toMatchObject({ status: 'failed', error: { code: 'story-missing' } });
    expect(await db().media.count()).toBe(0);
  });

  it('cancel mid-sentence: the sentence in flight is never stored', async () => {
    // One sentence at a time, so which call fails says which sentences were stored before it.
    await saveSettings({ parallelRequests: 1 });
    const story = await seedStory(storyWith(4));
    const job = await enqueue('audio', { storyId: story.id });
    const tts = fakeTts(async (call) => {
      if (call === 2) await cancel(job.id);
    });
    await runOnce(task({ synthesize: tts.synthesize }));
    expect((await jobRow(job.id)).status).toBe('cancelled');
    expect(await storedIndexes(story.id, 'audio')).toEqual([0]);
  });

  it('without an API key fails pointing to Settings, before any request', async () => {
    const story = await seedStory(storyWith(2));
    await db().secrets.clear();
    const job = await enqueue('audio', { storyId: story.id });
    const tts = fakeTts();
    await runOnce(task({ synthesize: tts.synthesize }));
    expect(await jobRow(job.id)).toMatchObject({ status: 'failed', error: { code: 'no-api-key' } });
    expect(tts.calls).toHaveLength(0);
  });
});
