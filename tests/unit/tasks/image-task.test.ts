import { describe, expect, it } from 'vitest';
import { AiError } from '../../../src/ai/errors';
import type { ImageOptions } from '../../../src/ai/image';
import { AI_MESSAGES } from '../../../src/ai/messages';
import { saveSettings } from '../../../src/db/settings-repo';
import { mostRequests } from '../../../src/domain/media-plan';
import { DEFAULT_MAX_ATTEMPTS, MAX_LEASE_LOSSES } from '../../../src/jobs/constants';
import { enqueue } from '../../../src/jobs/enqueue';
import { createImageTask, type ImageTaskDeps } from '../../../src/tasks/image-task';
import type { EstimateFn } from '../../../src/tasks/storage-check';
import { makeMedia } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';
import { jobRow, runOnce, seedStory, storedIndexes, storyWith } from './helpers';

const db = useTestDb();
const plenty: EstimateFn = async () => ({ usage: 0, quota: 10 * 1024 ** 3 });
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

function fakeImages(behave: (call: number) => void = () => {}, picture: () => Blob = () => new Blob([PNG], { type: 'image/png' })) {
  const calls: ImageOptions[] = [];
  const generate = async (options: ImageOptions) => {
    calls.push(options);
    behave(calls.length);
    const blob = picture();
    return { blob, bytes: blob.size };
  };
  return { calls, generate };
}

const task = (deps: ImageTaskDeps) => createImageTask({ estimate: plenty, ...deps });

describe('image task', () => {
  it('draws a cover by default from the title, excerpt and first imagePrompt', async () => {
    const story = await seedStory(storyWith(3, { titleEN: 'A Rainy Morning', excerpt: '雨が降っています。' }));
    const job = await enqueue('image', { storyId: story.id });
    const images = fakeImages();
    await runOnce(task({ generate: images.generate }));
    expect(images.calls).toHaveLength(1);
    expect(images.calls[0]).toMatchObject({ model: 'gemini-2.5-flash-image' });
    expect(images.calls[0]?.prompt).toMatch(/A Rainy Morning.*雨が降っています。.*scene number 0/);
    expect(await db().media.get([story.id, 'image', -1])).toMatchObject({ mime: 'image/png', bytes: PNG.length });
    expect(await jobRow(job.id)).toMatchObject({ status: 'completed', progress: { done: 1, total: 1, label: '1 / 1 picture' } });
    expect((await db().stories.get(story.id))?.media).toEqual({ audioSegments: 0, images: 1 });
  });

  it('paragraphs: the cover and one picture per segment with an imagePrompt, skipping stored ones', async () => {
    const story = await seedStory(storyWith(5)); // imagePrompts on segments 0, 2, 4
    await db().media.put(makeMedia(story.id, 'image', -1, 10));
    const job = await enqueue('image', { storyId: story.id, scope: 'paragraphs' });
    const images = fakeImages();
    await runOnce(task({ generate: images.generate }));
    expect(images.calls.map((c) => c.prompt)).toEqual(['scene number 0', 'scene number 2', 'scene number 4']);
    expect(await storedIndexes(story.id, 'image')).toEqual([-1, 0, 2, 4]);
    expect(await jobRow(job.id)).toMatchObject({ status: 'completed', progress: { done: 4, total: 4, label: '4 / 4 pictures' } });
  });

  it('IMAGE_SAFETY ends the job with the adapter message and keeps the pictures already drawn', async () => {
    // One picture at a time, so the refused second one is the last asked.
    await saveSettings({ parallelRequests: 1 });
    const story = await seedStory(storyWith(3));
    const job = await enqueue('image', { storyId: story.id, scope: 'paragraphs' });
    const images = fakeImages((call) => {
      if (call === 2) throw new AiError('permanent', 'image-safety', AI_MESSAGES.imageRefused('safety'));
    });
    await runOnce(task({ generate: images.generate }));
    expect(await jobRow(job.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: { code: 'image-safety', message: 'Gemini would not draw this picture (safety)', retryable: false },
    });
    expect(images.calls).toHaveLength(2);
    expect(await storedIndexes(story.id, 'image')).toEqual([-1]);
  });

  it('never asks more often than the "up to" the Reader announces, however each answer fails', async () => {
    const limits = { maxAttempts: DEFAULT_MAX_ATTEMPTS, maxLeaseLosses: MAX_LEASE_LOSSES };
    const failures = [
      () => new AiError('transient', 'rate-limited', AI_MESSAGES.rateLimited(0), { retryAfterMs: 0 }),
      () => new AiError('invalid-output', 'no-image', 'no picture in the answer'),
    ];
    for (const failure of failures) {
      const story = await seedStory(storyWith(3));
      const job = await enqueue('image', { storyId: story.id, scope: 'cover' });
      const images = fakeImages(() => {
        throw failure();
      });
      for (let run = 0; run < 10 && (await jobRow(job.id)).status !== 'failed'; run++) await runOnce(task({ generate: images.generate }));
      expect((await jobRow(job.id)).status).toBe('failed');
      expect(images.calls.length).toBeGreaterThan(1);
      expect(images.calls.length).toBeLessThanOrEqual(mostRequests(1, limits));
    }
  });

  it('fails before drawing when the pictures will not fit', async () => {
    const story = await seedStory(storyWith(2));
    const job = await enqueue('image', { storyId: story.id });
    const images = fakeImages();
    await runOnce(task({ generate: images.generate, estimate: async () => ({ usage: 0, quota: 4 * 1024 ** 2 }) }));
    expect(await jobRow(job.id)).toMatchObject({ status: 'failed', error: { code: 'storage-insufficient' } });
    expect(images.calls).toHaveLength(0);
  });

  it('stores what the bytes are, whatever the blob handed to it claims', async () => {
    const story = await seedStory(storyWith(1));
    const job = await enqueue('image', { storyId: story.id });
    const images = fakeImages(undefined, () => new Blob([PNG], { type: 'image/svg+xml' }));
    await runOnce(task({ generate: images.generate }));
    expect(await jobRow(job.id)).toMatchObject({ status: 'completed' });
    const row = await db().media.get([story.id, 'image', -1]);
    expect(row).toMatchObject({ mime: 'image/png' });
    expect(row?.blob.type).toBe('image/png');
  });

  it('refuses an SVG labelled image/png: the step fails with the reason and nothing is stored', async () => {
    const story = await seedStory(storyWith(1));
    const job = await enqueue('image', { storyId: story.id });
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>';
    await runOnce(task({ generate: fakeImages(undefined, () => new Blob([svg], { type: 'image/png' })).generate }));
    expect((await jobRow(job.id)).error).toMatchObject({
      code: 'unsupported-image',
      message: expect.stringContaining('Gemini returned a picture as SVG, which this app does not store (only PNG, JPEG or WebP)'),
    });
    expect(await storedIndexes(story.id, 'image')).toEqual([]);
  });
});
