import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { exportLibrary } from '../../src/db/backup-repo';
import { getDb } from '../../src/db/database';
import type { DraftRow } from '../../src/domain/story-draft';
import { cancel } from '../../src/jobs/cancel';
import { enqueue } from '../../src/jobs/enqueue';
import { inProcessLockProvider } from '../../src/jobs/lock';
import { runQueue } from '../../src/jobs/runner';
import { taskHandlers } from '../../src/tasks/handlers';
import { STORY_N5 } from '../support/fake-gemini';
import { useGeminiForJobs } from '../support/gemini-for-jobs';
import { useTestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

/**
 * Issue 12: a story job's partial text lives in `drafts` while it streams, and only there: the
 * story, its summary and the outbox see the finished story or nothing, and the draft ends with the
 * job (completed, failed or cancelled). The real engine, handler and fake Gemini, one segment a frame.
 */
const db = useTestDb('story-drafts');
const gemini = useGeminiForJobs({ streamSegmentEveryMs: 150 });
const lock = inProcessLockProvider();
const run = () => runQueue({ owner: 'test', handlers: taskHandlers(), isOnline: () => true, lock, retry: { baseMs: 20, maxMs: 40 } });

interface Snapshot {
  draft: DraftRow | undefined;
  story: boolean;
  summary: boolean;
  outbox: string;
}

/** Every state of draft, story, summary and outbox the job goes through, each read in one transaction. */
function watch(id: string): { seen: Snapshot[]; stop: () => void } {
  const seen: Snapshot[] = [];
  const d = db();
  const sub = liveQuery(() =>
    d.transaction('r', d.drafts, d.stories, d.storySummaries, d.outbox, async () => ({
      draft: await d.drafts.get(id),
      story: (await d.stories.get(id)) !== undefined,
      summary: (await d.storySummaries.get(id)) !== undefined,
      outbox: JSON.stringify(await d.outbox.toArray()),
    })),
  ).subscribe((s) => seen.push(s));
  return { seen, stop: () => sub.unsubscribe() };
}

const drafts = (seen: Snapshot[]) => seen.flatMap((s) => (s.draft ? [s.draft] : []));

async function storyJob(): Promise<string> {
  return (await enqueue('story', { topic: 'a day at the park', level: 'N5', length: 'short' })).id;
}

describe('story drafts while a story is written', () => {
  it('grow sentence by sentence with furigana, never reach stories or the outbox, and go when the story is saved', async () => {
    const id = await storyJob();
    const w = watch(id);
    await run();
    await waitUntil(() => w.seen.at(-1)?.story === true, { what: 'the last snapshot' });
    w.stop();
    const seen = drafts(w.seen);
    const counts = seen.map((d) => d.sentences.length);
    // Several steps, each adding to the one before: shown as it arrives, never rewritten.
    expect(new Set(counts).size).toBeGreaterThan(2);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(seen[0]).toMatchObject({ titleJP: STORY_N5.titleJP });
    expect(seen.at(-1)!.sentences[0]).toEqual({ jp: STORY_N5.content[0]!.jp, readings: STORY_N5.content[0]!.readings });
    for (const s of w.seen) {
      if (s.draft) expect(s).toMatchObject({ story: false, summary: false, outbox: '[]' });
      for (const sentence of s.draft?.sentences ?? []) expect(s.outbox).not.toContain(sentence.jp);
    }
    expect(await db().drafts.count()).toBe(0);
    expect((await db().stories.get(id))?.content).toHaveLength(STORY_N5.content.length);
  });

  it('go when the job fails, after showing what had arrived', async () => {
    // Cut off inside the sentences every time: unreadable output, asked again until it fails.
    gemini().script('max-tokens', 'max-tokens', 'max-tokens');
    const id = await storyJob();
    const w = watch(id);
    await run();
    await waitUntil(async () => (await db().jobs.get(id))?.status === 'failed', { what: 'the job to fail' });
    w.stop();
    expect(Math.max(...drafts(w.seen).map((d) => d.sentences.length))).toBeGreaterThan(0);
    expect(await db().drafts.count()).toBe(0);
    expect(await db().stories.count()).toBe(0);
    expect(await db().outbox.count()).toBe(0);
  });

  it('are in no backup, and go when the job is cancelled mid-stream', async () => {
    const id = await storyJob();
    const running = run();
    await waitUntil(async () => ((await db().drafts.get(id))?.sentences.length ?? 0) > 0, { what: 'a first sentence' });
    // A backup made now holds no trace of the story being written.
    const backup = JSON.stringify(await exportLibrary());
    expect(backup).not.toContain(STORY_N5.titleJP);
    expect(backup).not.toContain(STORY_N5.content[0]!.jp);
    expect(await cancel(id)).toBe(true);
    await running;
    expect(await getDb().jobs.get(id)).toMatchObject({ status: 'cancelled' });
    expect(await db().drafts.count()).toBe(0);
    expect(await db().stories.count()).toBe(0);
    expect(await db().outbox.count()).toBe(0);
  });
});
