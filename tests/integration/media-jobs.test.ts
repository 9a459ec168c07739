import { describe, expect, it } from 'vitest';
import { readWavInfo } from '../../src/ai/wav';
import { voiceSample } from '../../src/app/voice-sample';
import { getDb } from '../../src/db/database';
import { deleteStoryMedia } from '../../src/db/library-repo';
import { saveSettings } from '../../src/db/settings-repo';
import { storageUsage } from '../../src/db/storage-usage';
import { putStories } from '../../src/db/stories-repo';
import type { JobRow } from '../../src/domain/job';
import type { Story } from '../../src/domain/story';
import { enqueue } from '../../src/jobs/enqueue';
import { enqueueGroup } from '../../src/jobs/enqueue-group';
import { inProcessLockProvider } from '../../src/jobs/lock';
import { retry } from '../../src/jobs/retry-job';
import { type RunQueueOptions, type RunResult, runQueue } from '../../src/jobs/runner';
import { taskHandlers } from '../../src/tasks/handlers';
import { IMAGE_PNG, STORY_N5, TTS_PCM, TTS_WAV } from '../support/fake-gemini';
import { makeStory } from '../support/fixtures/library';
import { useGeminiForJobs } from '../support/gemini-for-jobs';
import { useTestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

/** The real engine and the audio/image handlers against the fake Gemini server, on fake-indexeddb. */
const db = useTestDb('media-jobs');

const gemini = useGeminiForJobs({ streamChunkDelayMs: 5 });

const run = (extra: Partial<RunQueueOptions> = {}): Promise<RunResult> =>
  runQueue({
    owner: 'test',
    handlers: taskHandlers(),
    isOnline: () => true,
    lock: inProcessLockProvider(),
    retry: { baseMs: 20, maxMs: 40 },
    progressThrottleMs: 0,
    ...extra,
  });

async function job(id: string): Promise<JobRow> {
  const row = await getDb().jobs.get(id);
  if (!row) throw new Error(`job ${id} is gone`);
  return row;
}

/** A stored story of `n` sentences, every other one with an imagePrompt. */
async function seedStory(n: number): Promise<Story> {
  const content = Array.from({ length: n }, (_, i) => ({
    jp: `これは${i + 1}番目の文です。`,
    readings: [{ text: '番目', reading: 'ばんめ' }],
    en: `This is sentence ${i + 1}.`,
    imagePrompt: i % 2 === 0 ? `A quiet street, scene ${i + 1}` : undefined,
    vocab: [],
  }));
  const story = makeStory(7, { id: crypto.randomUUID(), content });
  await putStories([story]);
  return story;
}

const audioRows = (storyId: string) => db().media.where('storyId').equals(storyId).filter((r) => r.kind === 'audio').sortBy('index');
const ttsCalls = () => gemini().calls.filter((c) => c.kind === 'generate' && JSON.stringify(c.body?.generationConfig ?? {}).includes('AUDIO'));

describe('narration jobs end to end (engine + handlers + fake Gemini)', () => {
  it('stores one playable WAV per sentence and marks the story', async () => {
    const story = await seedStory(6);
    const { id } = await enqueue('audio', { storyId: story.id });
    await run();
    expect(await job(id)).toMatchObject({ status: 'completed', attempts: 1, progress: { done: 6, total: 6, label: '6 / 6 sentences' } });
    const rows = await audioRows(story.id);
    expect(rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const row of rows) {
      const bytes = new Uint8Array(await row.blob.arrayBuffer());
      expect(row).toMatchObject({ mime: 'audio/wav', bytes: 44 + TTS_PCM.length });
      expect(Buffer.from(bytes).equals(TTS_WAV)).toBe(true);
      expect(readWavInfo(bytes)).toMatchObject({ sampleRate: 24_000, channels: 1, bitsPerSample: 16, durationMs: 300 });
    }
    expect(ttsCalls().map((c) => JSON.stringify(c.body?.contents))).toEqual(story.content.map((s) => expect.stringContaining(s.jp)));
    expect((await db().stories.get(story.id))?.media).toEqual({ audioSegments: 6, images: 0 });

    // Settings → Storage lists it; "delete media" frees it and keeps the text.
    const usage = await storageUsage();
    expect(usage.perStory.find((u) => u.storyId === story.id)).toMatchObject({ audioBytes: 6 * (44 + TTS_PCM.length), imageBytes: 0 });
    expect(await deleteStoryMedia(story.id)).toBe(6 * (44 + TTS_PCM.length));
    expect(await db().stories.get(story.id)).toMatchObject({ titleJP: story.titleJP, media: { audioSegments: 0, images: 0 } });
    expect(await audioRows(story.id)).toHaveLength(0);
  });

  it('a runner killed mid-narration: the job resumes and the server saw at most N+1 TTS calls', async () => {
    // One sentence at a time (media-parallel.test.ts covers a kill with several in flight).
    await saveSettings({ parallelRequests: 1 });
    const N = 8;
    const story = await seedStory(N);
    const { id } = await enqueue('audio', { storyId: story.id });
    let skew = 0;
    const now = () => Date.now() + skew;
    // The first runner never renews its lease (its heartbeat is "dead"), as a killed worker.
    gemini().setLatency(60);
    const first = run({ owner: 'doomed', now, leaseMs: 5_000, heartbeatMs: 3_600_000 });
    await waitUntil(async () => (await audioRows(story.id)).length >= 3, { what: 'three stored sentences' });
    await gemini().waitForCalls(4, 'generate');
    // Time passes beyond the lease; a fresh runner (another context, its own lock) takes over.
    skew = 10_000;
    const second = run({ owner: 'rescuer', now, lock: inProcessLockProvider() });
    const [a, b] = await Promise.all([first, second]);
    expect(a.ran + b.ran).toBeGreaterThanOrEqual(2);
    expect(await job(id)).toMatchObject({ status: 'completed', leaseLosses: 1 });
    expect((await audioRows(story.id)).map((r) => r.index)).toEqual([...Array(N).keys()]);
    expect(ttsCalls().length).toBeLessThanOrEqual(N + 1);
    expect(ttsCalls().length).toBeGreaterThanOrEqual(N);
  });

  it('an audio/wav answer is stored as it came', async () => {
    const story = await seedStory(2);
    gemini().script('tts-wav', 'ok');
    await enqueue('audio', { storyId: story.id });
    await run();
    const rows = await audioRows(story.id);
    expect(rows).toHaveLength(2);
    expect(Buffer.from(await rows[0]!.blob.arrayBuffer()).equals(TTS_WAV)).toBe(true);
  });
});

describe('illustration jobs end to end', () => {
  it('stores a cover picture', async () => {
    const story = await seedStory(3);
    const { id } = await enqueue('image', { storyId: story.id });
    await run();
    expect(await job(id)).toMatchObject({ status: 'completed', progress: { label: '1 / 1 picture' } });
    const cover = await db().media.get([story.id, 'image', -1]);
    expect(cover).toMatchObject({ mime: 'image/png', bytes: IMAGE_PNG.length });
    expect(Buffer.from(await cover!.blob.arrayBuffer()).equals(IMAGE_PNG)).toBe(true);
    expect((await db().stories.get(story.id))?.media).toEqual({ audioSegments: 0, images: 1 });
    expect(JSON.stringify(gemini().calls[0]?.body?.contents)).toContain(story.titleEN);
  });

  it('one picture per paragraph prompt, plus the cover', async () => {
    const story = await seedStory(5);
    await enqueue('image', { storyId: story.id, scope: 'paragraphs' });
    await run();
    const indexes = (await db().media.where('storyId').equals(story.id).toArray()).map((r) => r.index).sort((a, b) => a - b);
    expect(indexes).toEqual([-1, 0, 2, 4]);
    expect(gemini().count('generate')).toBe(4);
  });

  it.each([
    ['image-safety', /Gemini would not draw this picture \(safety\)/],
    ['no-image', /Gemini returned no picture/],
  ] as const)('%s fails the job at once with the message', async (fault, message) => {
    const story = await seedStory(2);
    gemini().script(fault);
    const { id } = await enqueue('image', { storyId: story.id });
    await run();
    const failed = await job(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.error?.message).toMatch(message);
    expect(await db().media.count()).toBe(0);
    expect(gemini().count('generate')).toBe(1);
  });
});

describe('illustration answers typed by their bytes', () => {
  const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"/>');

  it('an SVG labelled image/png is never stored: the job fails saying why', async () => {
    const story = await seedStory(2);
    const svg = { kind: 'inline-image', mimeType: 'image/png', bytes: SVG } as const;
    gemini().script(svg, svg, svg);
    const { id } = await enqueue('image', { storyId: story.id });
    await run();
    const failed = await job(id);
    expect(failed.status).toBe('failed');
    expect(failed.error?.message).toMatch(/Gemini returned a picture as SVG, which this app does not store \(only PNG, JPEG or WebP\)/);
    expect(await db().media.count()).toBe(0);
  });

  it('PNG bytes labelled image/svg+xml are stored as image/png', async () => {
    const story = await seedStory(2);
    gemini().script({ kind: 'inline-image', mimeType: 'image/svg+xml', bytes: IMAGE_PNG });
    const { id } = await enqueue('image', { storyId: story.id });
    await run();
    expect(await job(id)).toMatchObject({ status: 'completed' });
    const cover = await db().media.get([story.id, 'image', -1]);
    expect(cover).toMatchObject({ mime: 'image/png', bytes: IMAGE_PNG.length });
    expect(cover?.blob.type).toBe('image/png');
  });
});

describe('story + narration + illustration', () => {
  it('a failed story fails its narration and illustration with a message; retrying the story re-queues them', async () => {
    gemini().script('api-key-invalid');
    const group = await enqueueGroup({ story: { topic: 'a day at the park', level: 'N5', length: 'short' }, narrate: true, illustrate: true });
    await run();
    const [story, audio, image] = await Promise.all([job(group.story.id), job(group.audio!.id), job(group.image!.id)]);
    expect(story).toMatchObject({ status: 'failed', error: { code: 'api-key-invalid' } });
    for (const dependant of [audio, image]) {
      expect(dependant).toMatchObject({ status: 'failed', error: { code: 'dependency-failed' } });
      expect(dependant.error?.message).toBe('The story this depends on failed: Your Gemini API key was rejected — check it in Settings.');
    }
    expect(gemini().count('generate')).toBe(0);

    expect(await retry(group.story.id)).toBe(true);
    expect(await job(group.audio!.id)).toMatchObject({ status: 'pending', waitingFor: 'dependency', error: null });
    await run();
    for (const id of [group.story.id, group.audio!.id, group.image!.id, group.annotate!.id]) expect((await job(id)).status).toBe('completed');
    expect((await audioRows(group.story.id)).length).toBe(STORY_N5.content.length);
    expect(await db().media.get([group.story.id, 'image', -1])).toBeDefined();
    expect((await db().stories.get(group.story.id))?.media).toEqual({ audioSegments: STORY_N5.content.length, images: 1 });
    // One TTS request per sentence, the cover, and one for the story's words.
    expect(gemini().count('generate')).toBe(STORY_N5.content.length + 2);
  });
});

describe('voice sample (Settings)', () => {
  it('is one TTS request in the chosen voice, answered with a playable WAV', async () => {
    const sample = await voiceSample('Puck', new AbortController().signal);
    expect(sample.ok).toBe(true);
    if (sample.ok) expect(readWavInfo(new Uint8Array(await sample.blob.arrayBuffer()))).toMatchObject({ sampleRate: 24_000 });
    expect(gemini().count()).toBe(1);
    expect(gemini().calls[0]?.body?.generationConfig).toMatchObject({ speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Puck' } } } });
  });

  it('says the key is needed, and asks nobody, when there is none', async () => {
    await db().secrets.clear();
    const sample = await voiceSample('Kore', new AbortController().signal);
    expect(sample).toEqual({ ok: false, message: expect.stringMatching(/API key/) });
    expect(gemini().count()).toBe(0);
  });
});
