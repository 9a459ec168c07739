import { describe, expect, it } from 'vitest';
import type { JobRow } from '../../src/domain/job';
import { enqueue } from '../../src/jobs/enqueue';
import { inProcessLockProvider } from '../../src/jobs/lock';
import { runQueue } from '../../src/jobs/runner';
import { STORAGE_RETRY_MS } from '../../src/jobs/storage-wait';
import { taskHandlers } from '../../src/tasks/handlers';
import { jobStatusText } from '../../src/ui/queue/describe-job';
import { STORY_N5 } from '../support/fake-gemini';
import { useGeminiForJobs } from '../support/gemini-for-jobs';
import { useTestDb } from '../support/test-db';

/**
 * A paid story is never thrown away by a full disk: the real engine and story handler against the
 * fake Gemini, with fake-indexeddb made to refuse writes the way a full disk does.
 */
const db = useTestDb('story-storage');
const lock = inProcessLockProvider();

const gemini = useGeminiForJobs({ streamChunkDelayMs: 0 });

/** One drain, `laterMs` after the real clock (so a wait for space can run out without sleeping). */
const run = (laterMs = 0) => runQueue({ owner: 'test', handlers: taskHandlers(), isOnline: () => true, lock, now: () => Date.now() + laterMs });

async function job(id: string): Promise<JobRow> {
  const row = await db().jobs.get(id);
  if (!row) throw new Error(`job ${id} is gone`);
  return row;
}

function quotaError(): DOMException {
  return new DOMException('The disk is full.', 'QuotaExceededError');
}

/** Makes new stories fail to save, as a full disk does, until the returned function is called. */
function fillDiskForStories(): () => void {
  const refuse = () => {
    throw quotaError();
  };
  db().stories.hook('creating', refuse);
  return () => db().stories.hook('creating').unsubscribe(refuse);
}

const storyJob = async () => (await enqueue('story', { topic: 'a day at the park', level: 'N5', length: 'short' })).id;

describe('a story that cannot be saved for lack of space', () => {
  it('is kept in the job and saved once space frees, without a second Gemini call', async () => {
    const freeSpace = fillDiskForStories();
    const id = await storyJob();
    await run();
    const waiting = await job(id);
    expect(waiting).toMatchObject({ status: 'pending', waitingFor: 'storage', attempts: 0, error: { code: 'storage-full', retryable: true } });
    expect(waiting.checkpoint).toMatchObject({ story: { id, titleJP: STORY_N5.titleJP } });
    expect(jobStatusText(waiting, Date.now())).toMatch(/out of storage space.*kept.*Checking for space again in/);
    expect(await db().stories.count()).toBe(0);

    // Still full at the next check: still kept, still no new call.
    await run(STORAGE_RETRY_MS);
    expect(await job(id)).toMatchObject({ status: 'pending', waitingFor: 'storage' });

    freeSpace();
    await run(3 * STORAGE_RETRY_MS);
    expect(await job(id)).toMatchObject({ status: 'completed', error: null, checkpoint: null, result: { storyId: id } });
    expect(await db().stories.get(id)).toMatchObject({ id, titleJP: STORY_N5.titleJP });
    expect(await db().storySummaries.get(id)).toMatchObject({ titleJP: STORY_N5.titleJP });
    expect(gemini().count('stream')).toBe(1);
  });

  it('fails at once, saying so, when even keeping it is refused (no paid retry loop)', async () => {
    fillDiskForStories();
    const refuseCheckpoint = (mods: object) => {
      if ('checkpoint' in mods) throw quotaError();
    };
    db().jobs.hook('updating', refuseCheckpoint);
    const id = await storyJob();
    await run();
    const failed = await job(id);
    expect(failed).toMatchObject({ status: 'failed', checkpoint: null, error: { code: 'storage-full' } });
    expect(failed.error?.message).toMatch(/could not even be kept.*press Retry/);
    await run(3 * STORAGE_RETRY_MS);
    expect(gemini().count('stream')).toBe(1);
  });
});
