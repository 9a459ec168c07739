import { describe, expect, it } from 'vitest';
import { loadCardFacts, loadCardFactsFor } from '../../../src/db/card-facts';
import { failedJobs, libraryTotals } from '../../../src/db/home-facts';
import type { JobRow } from '../../../src/domain/job';
import type { StorySummary } from '../../../src/domain/summary';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();

function summary(id: string, source: StorySummary['source']): StorySummary {
  return { id, titleJP: `話${id}`, titleEN: '', excerpt: '', level: 'N5', difficulty: 1, readTime: 1, topic: '', source, createdAt: 1, updatedAt: 1, searchText: '' };
}

function progress(storyId: string, percent: number, completed: boolean) {
  return { storyId, percent, segmentIndex: 0, segmentOffset: 0, completed, quizAnswers: {}, lastReadAt: 1, updatedAt: 1 };
}

function media(storyId: string, kind: 'audio' | 'image', index: number) {
  return { storyId, kind, index, blob: new Blob(['x']), mime: 'audio/wav', bytes: 1, createdAt: 1 };
}

describe('card facts', () => {
  it('tell which stories have progress, narration and pictures, for all or for a few', async () => {
    await db().progress.bulkPut([progress('a', 40, false), progress('b', 100, true)]);
    await db().media.bulkPut([media('a', 'audio', 0), media('a', 'audio', 1), media('b', 'image', -1)]);
    const all = await loadCardFacts();
    expect(all.progress.get('a')?.percent).toBe(40);
    expect([...all.narrated]).toEqual(['a']);
    expect([...all.illustrated]).toEqual(['b']);

    const some = await loadCardFactsFor(['b', 'missing']);
    expect([...some.progress.keys()]).toEqual(['b']);
    expect([...some.narrated]).toEqual([]);
    expect([...some.illustrated]).toEqual(['b']);
  });
});

describe('Home facts', () => {
  it('count stories, the ones read (not deleted ones) and the ones written by Gemini', async () => {
    await db().storySummaries.bulkPut([summary('a', 'generated'), summary('b', 'sample'), summary('c', 'generated')]);
    await db().progress.bulkPut([progress('a', 100, true), progress('b', 50, false), progress('gone', 100, true)]);
    await expect(libraryTotals()).resolves.toEqual({ stories: 3, read: 1, written: 2 });
  });

  it('list failed jobs newest first, naming the story a narration was for', async () => {
    const base = { priority: 0, rank: 0, createdAt: 1, runAfter: 1, attempts: 5, maxAttempts: 5, lease: null, progress: null, checkpoint: null, result: null, dependsOn: [], waitingFor: null, groupId: null, finishedAt: 1 };
    const err = (message: string) => ({ code: 'x', message, retryable: false });
    await db().storySummaries.put(summary('s1', 'generated'));
    await db().jobs.bulkPut([
      { ...base, id: 'j1', type: 'story', params: { topic: 't', level: 'N5', length: 'short', instructions: '' }, status: 'failed', updatedAt: 10, error: err('old') },
      { ...base, id: 'j2', type: 'audio', params: { storyId: 's1' }, status: 'failed', updatedAt: 20, error: err('new') },
      { ...base, id: 'j3', type: 'story', params: { topic: 'u', level: 'N5', length: 'short', instructions: '' }, status: 'completed', updatedAt: 30, error: null },
    ] as unknown as JobRow[]);
    const failed = await failedJobs(5);
    expect(failed.map((f) => [f.job.id, f.storyTitle])).toEqual([['j2', '話s1'], ['j1', undefined]]);
  });
});
