import { describe, expect, it, vi } from 'vitest';
import { type FinishedStory, watchFinishedStories } from '../../../src/app/story-finished';
import type { JobRow } from '../../../src/domain/job';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();

const SINCE = Date.UTC(2026, 0, 1);

function storyJob(id: string, status: JobRow['status'], topic: string, finishedAt: number | null = null): JobRow {
  const now = SINCE - 60_000;
  return {
    id, type: 'story', params: { topic, level: 'N5', length: 'short', instructions: '' }, status, priority: 0, rank: 0,
    createdAt: now, updatedAt: now, runAfter: now, attempts: 0, maxAttempts: 5, lease: null, progress: null,
    checkpoint: null, result: null, error: null, dependsOn: [], waitingFor: null, groupId: null, finishedAt,
  } as JobRow;
}

describe('watchFinishedStories', () => {
  it('announces a story job that completes while watching, not the ones already complete', async () => {
    const before = crypto.randomUUID();
    const running = crypto.randomUUID();
    await db().jobs.bulkPut([storyJob(before, 'completed', 'old news', SINCE - 1), storyJob(running, 'processing', 'a rainy day')]);
    const heard: FinishedStory[][] = [];
    const stop = watchFinishedStories((stories) => heard.push(stories), SINCE);
    try {
      await db().jobs.update(running, { status: 'completed', finishedAt: SINCE + 5, updatedAt: SINCE + 5 });
      await vi.waitFor(() => expect(heard).toEqual([[{ id: running, title: 'a rainy day' }]]));
      // A later change to the same row (pruning bookkeeping, sync) does not announce it again.
      await db().jobs.update(running, { updatedAt: SINCE + 9 });
      await db().jobs.put(storyJob(crypto.randomUUID(), 'completed', 'next', SINCE + 10));
      await vi.waitFor(() => expect(heard.map((h) => h.map((s) => s.title))).toEqual([['a rainy day'], ['next']]));
    } finally {
      stop();
    }
  });

  it('names the story by its title once the story row exists', async () => {
    const id = crypto.randomUUID();
    await db().jobs.put(storyJob(id, 'processing', 'a cat'));
    const heard: FinishedStory[][] = [];
    const stop = watchFinishedStories((stories) => heard.push(stories), SINCE);
    try {
      await db().transaction('rw', db().jobs, db().storySummaries, async () => {
        await db().storySummaries.put({ id, titleJP: 'ねこ', titleEN: 'Cat', excerpt: '', level: 'N5', difficulty: 1, readTime: 1, topic: 'a cat', source: 'generated', createdAt: 1, updatedAt: 1, searchText: '' });
        await db().jobs.update(id, { status: 'completed', finishedAt: SINCE + 1 });
      });
      await vi.waitFor(() => expect(heard).toEqual([[{ id, title: 'ねこ' }]]));
    } finally {
      stop();
    }
  });
});
