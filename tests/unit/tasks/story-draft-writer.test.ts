import { describe, expect, it } from 'vitest';
import type { JobRow } from '../../../src/domain/job';
import { buildJobRow } from '../../../src/jobs/enqueue';
import { createDraftWriter } from '../../../src/tasks/story-draft-writer';
import { STORY_N5 } from '../../support/fake-gemini';
import { useTestDb } from '../../support/test-db';
import { waitUntil } from '../../support/wait-until';

/** The throttled draft writer on its own: what it writes, in what order, and when it writes nothing. */
const db = useTestDb('draft-writer');
const TEXT = JSON.stringify(STORY_N5);
/** The answer cut just after sentence `n`'s Japanese (n = 0: only the titles). */
const upTo = (n: number) => {
  if (n === 0) return TEXT.slice(0, TEXT.indexOf('"content"'));
  const jp = JSON.stringify(STORY_N5.content[n - 1]!.jp);
  return TEXT.slice(0, TEXT.indexOf(jp) + jp.length);
};

async function runningJob(owner: string): Promise<JobRow> {
  const job: JobRow = {
    ...buildJobRow('story', { topic: 'a park', level: 'N5', length: 'short' }, { now: 1 }),
    status: 'processing',
    lease: { owner, expiresAt: Date.now() + 60_000 },
  };
  await db().jobs.put(job);
  return job;
}

/** Counts every write to `drafts` (Dexie's put fires `creating` or `updating`). */
function countWrites(): () => number {
  let writes = 0;
  db().drafts.hook('creating', () => {
    writes += 1;
  });
  db().drafts.hook('updating', () => {
    writes += 1;
  });
  return () => writes;
}

describe('createDraftWriter', () => {
  it('writes the first draft at once, then only the latest of the offers made while it waits', async () => {
    const job = await runningJob('me');
    const writes = countWrites();
    const writer = createDraftWriter({ jobId: job.id, owner: 'me', now: Date.now, everyMs: 100 });
    writer.offer(() => upTo(1));
    writer.offer(() => upTo(2));
    writer.offer(() => upTo(3));
    await waitUntil(async () => ((await db().drafts.get(job.id))?.sentences.length ?? 0) === 3, { what: 'the latest draft' });
    await writer.stop();
    expect(writes()).toBe(2);
    expect((await db().drafts.get(job.id))?.sentences.map((s) => s.jp)).toEqual(STORY_N5.content.slice(0, 3).map((c) => c.jp));
  });

  it('does not write the same draft twice, nor before the title has arrived', async () => {
    const job = await runningJob('me');
    const writes = countWrites();
    const writer = createDraftWriter({ jobId: job.id, owner: 'me', now: Date.now, everyMs: 0 });
    writer.offer(() => '{"titl');
    writer.offer(() => upTo(0));
    writer.offer(() => `${upTo(0)}"con`);
    await writer.stop();
    expect(writes()).toBe(1);
    expect(await db().drafts.get(job.id)).toMatchObject({ titleJP: STORY_N5.titleJP, sentences: [] });
  });

  it('writes nothing for a job it no longer holds, and nothing once stopped', async () => {
    const taken = await runningJob('someone-else');
    const writer = createDraftWriter({ jobId: taken.id, owner: 'me', now: Date.now, everyMs: 100 });
    writer.offer(() => upTo(1));
    await writer.stop();
    expect(await db().drafts.count()).toBe(0);

    const mine = await runningJob('me');
    const late = createDraftWriter({ jobId: mine.id, owner: 'me', now: Date.now, everyMs: 60_000 });
    late.offer(() => upTo(1));
    late.offer(() => upTo(2));
    await late.stop();
    late.offer(() => upTo(3));
    expect((await db().drafts.get(mine.id))?.sentences).toHaveLength(1);
  });
});
