import { wrapPcmAsWav } from '../../../src/ai/wav';
import { getDb } from '../../../src/db/database';
import { setApiKey } from '../../../src/db/secrets-repo';
import { putStories } from '../../../src/db/stories-repo';
import type { JobRow } from '../../../src/domain/job';
import type { Story } from '../../../src/domain/story';
import type { AnyTaskHandler } from '../../../src/jobs/registry';
import { type RunQueueOptions, type RunResult, runQueue } from '../../../src/jobs/runner';
import { makeStory } from '../../support/fixtures/library';
import { noLock } from '../jobs/helpers';

/** Shared fixtures of the media task tests: a story of `n` sentences and a runner with no delays. */

export function storyWith(n: number, extra: Partial<Story> = {}): Story {
  const content = Array.from({ length: n }, (_, i) => ({
    jp: `文${i}です。`,
    readings: [{ text: '文', reading: 'ぶん' }],
    en: `Sentence ${i}.`,
    imagePrompt: i % 2 === 0 ? `scene number ${i}` : undefined,
    vocab: [],
  }));
  return makeStory(1, { content, ...extra });
}

export async function seedStory(story: Story): Promise<Story> {
  await putStories([story]);
  await setApiKey('test-key-123');
  return story;
}

/** A WAV of `ms` milliseconds of silence, as the adapter returns it. */
export function wavBlob(ms = 100): Blob {
  return new Blob([wrapPcmAsWav(new Uint8Array((24_000 * 2 * ms) / 1000), { sampleRate: 24_000, channels: 1, bitsPerSample: 16 })], {
    type: 'audio/wav',
  });
}

export function runOnce(handler: AnyTaskHandler, extra: Partial<RunQueueOptions> = {}): Promise<RunResult> {
  return runQueue({
    owner: 'test',
    handlers: [handler],
    isOnline: () => true,
    lock: noLock,
    retry: { baseMs: 0, maxMs: 0, random: () => 0 },
    progressThrottleMs: 0,
    ...extra,
  });
}

export async function jobRow(id: string): Promise<JobRow> {
  const row = await getDb().jobs.get(id);
  if (!row) throw new Error(`no job ${id}`);
  return row;
}

export async function storedIndexes(storyId: string, kind: 'audio' | 'image'): Promise<number[]> {
  const rows = await getDb().media.where('storyId').equals(storyId).toArray();
  return rows.filter((r) => r.kind === kind).map((r) => r.index).sort((a, b) => a - b);
}
