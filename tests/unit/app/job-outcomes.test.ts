import { describe, expect, it, vi } from 'vitest';
import { type JobOutcome, watchJobOutcomes } from '../../../src/app/job-outcomes';
import type { JobRow } from '../../../src/domain/job';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();
const SINCE = Date.UTC(2026, 0, 1);
const STORY = crypto.randomUUID();

function job(type: JobRow['type'], status: JobRow['status'], finishedAt: number | null = null): JobRow {
  const now = SINCE - 60_000;
  const params = type === 'story' ? { topic: 'a walk', level: 'N5', length: 'short', instructions: '' } : { storyId: STORY };
  return {
    id: crypto.randomUUID(), type, params, status, priority: 0, rank: 0, createdAt: now, updatedAt: now, runAfter: now, attempts: 0,
    maxAttempts: 5, lease: null, progress: null, checkpoint: null, result: null, dependsOn: [], waitingFor: null, groupId: null, finishedAt,
    error: status === 'failed' ? { code: 'overloaded', message: 'Gemini is overloaded.', retryable: false } : null,
  } as JobRow;
}

const kinds = (heard: JobOutcome[][]) => heard.map((batch) => batch.map((o) => (o.kind === 'failed' ? `failed ${o.job.type}` : `ready ${o.media}`)));

describe('watchJobOutcomes', () => {
  it('reports failures and finished media that end while watching, each ending once', async () => {
    await db().storySummaries.put({ id: STORY, titleJP: 'さんぽ', titleEN: 'A walk', excerpt: '', level: 'N5', difficulty: 1, readTime: 1, topic: 'a walk', source: 'generated', createdAt: 1, updatedAt: 1, searchText: '' });
    const old = job('story', 'failed', SINCE - 1);
    const story = job('story', 'processing');
    const audio = job('audio', 'processing');
    await db().jobs.bulkPut([old, story, audio]);
    const heard: JobOutcome[][] = [];
    const stop = watchJobOutcomes((o) => heard.push(o), SINCE);
    try {
      await db().jobs.update(audio.id, { status: 'completed', finishedAt: SINCE + 1 });
      await vi.waitFor(() => expect(kinds(heard)).toEqual([['ready audio']]));
      expect(heard[0]![0]).toMatchObject({ storyId: STORY, storyTitle: 'さんぽ' });
      // A completed story is the finished-story toast's, not this one's.
      await db().jobs.update(story.id, { status: 'completed', finishedAt: SINCE + 2 });
      await db().jobs.update(audio.id, { updatedAt: SINCE + 3 });
      await db().jobs.put({ ...story, id: crypto.randomUUID(), status: 'failed', finishedAt: SINCE + 4, error: { code: 'x', message: 'It stopped.', retryable: false } });
      await vi.waitFor(() => expect(kinds(heard)).toEqual([['ready audio'], ['failed story']]));
      // Retried and failed again: a new ending, reported again.
      await db().jobs.update(old.id, { finishedAt: SINCE + 5 });
      await vi.waitFor(() => expect(kinds(heard)).toEqual([['ready audio'], ['failed story'], ['failed story']]));
    } finally {
      stop();
    }
  });

  it("says nothing of a story's word list: done, it shows in the Reader; failed with its story, the story's failure says it", async () => {
    const story = job('story', 'processing');
    const words = job('annotate', 'processing');
    await db().jobs.bulkPut([story, words]);
    const heard: JobOutcome[][] = [];
    const stop = watchJobOutcomes((o) => heard.push(o), SINCE);
    try {
      const because = { code: 'dependency-failed', message: 'The story this depends on failed: Gemini is overloaded.', retryable: true };
      await db().jobs.bulkPut([
        { ...story, status: 'failed', finishedAt: SINCE + 1, error: { code: 'overloaded', message: 'Gemini is overloaded.', retryable: false } },
        { ...words, status: 'failed', finishedAt: SINCE + 1, error: because },
      ]);
      await vi.waitFor(() => expect(kinds(heard)).toEqual([['failed story']]));
      // A word list that failed on its own is a failure like any other.
      await db().jobs.put({ ...words, id: crypto.randomUUID(), status: 'failed', finishedAt: SINCE + 2, error: { code: 'x', message: 'It stopped.', retryable: false } });
      await vi.waitFor(() => expect(kinds(heard)).toEqual([['failed story'], ['failed annotate']]));
    } finally {
      stop();
    }
  });
});
