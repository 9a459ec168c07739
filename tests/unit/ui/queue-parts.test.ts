import { describe, expect, it } from 'vitest';
import type { JobRow } from '../../../src/domain/job';
import { buildJobRow } from '../../../src/jobs/enqueue';
import { QueueAnnouncer } from '../../../src/ui/queue/announcer';
import { countByFilter, filterFromSearch, filterOf, searchFor } from '../../../src/ui/queue/job-filters';
import { fixIsInSettings, wasRefused } from '../../../src/ui/queue/job-fixes';
import { askedAgo, estimateLeft, leftInWords, sight, typicalDurations } from '../../../src/ui/queue/job-times';

const T = 1_700_000_000_000;
const story = (patch: Partial<JobRow> = {}): JobRow => ({
  ...buildJobRow('story', { topic: 'a rainy day', level: 'N5', length: 'short' }, { now: T }),
  ...patch,
});
const failed = (code: string, message = 'x') => story({ status: 'failed', error: { code, message, retryable: false } });

describe('Queue filters and totals', () => {
  it('sorts every state into one filter and counts them', () => {
    const jobs = [
      story({ status: 'processing' }),
      story(),
      story({ runAfter: T + 5_000, waitingFor: 'backoff' }),
      story({ waitingFor: 'network' }),
      story({ status: 'failed' }),
      story({ status: 'completed' }),
      story({ status: 'cancelled' }),
    ];
    expect(jobs.map((j) => filterOf(j, T))).toEqual(['active', 'active', 'waiting', 'waiting', 'failed', 'done', 'cancelled']);
    expect(countByFilter(jobs, T)).toEqual({ all: 7, active: 2, waiting: 2, failed: 1, done: 1, cancelled: 1 });
    // A backoff that ended is next in line again.
    expect(filterOf(jobs[2]!, T + 5_000)).toBe('active');
  });

  it('keeps the filter in the URL, and reads anything unknown as "all"', () => {
    expect(filterFromSearch(searchFor('failed'))).toBe('failed');
    expect(searchFor('all')).toBe('');
    expect(filterFromSearch('?show=nonsense')).toBe('all');
    expect(filterFromSearch('')).toBe('all');
  });
});

describe('what a failed job offers', () => {
  it('links to Settings for every fix that lives there, 403 included', () => {
    for (const code of ['no-api-key', 'api-key-invalid', 'permission-denied', 'model-not-found', 'endpoint-not-found', 'storage-full']) {
      expect(fixIsInSettings(failed(code)), code).toBe(true);
    }
    expect(fixIsInSettings(failed('overloaded', 'Stopped after 5 tries: Gemini is overloaded. Retry when you like.'))).toBe(false);
    expect(fixIsInSettings(failed('custom', 'Free some space (Settings → Storage).'))).toBe(true);
  });

  it('offers "Edit and try again" only for a story whose words Gemini refused', () => {
    expect(wasRefused(failed('prompt-blocked'))).toBe(true);
    expect(wasRefused(failed('safety'))).toBe(true);
    expect(wasRefused(failed('overloaded'))).toBe(false);
    const image = { ...buildJobRow('image', { storyId: story().id }, { now: T }), status: 'failed' as const, error: { code: 'safety', message: 'x', retryable: false } };
    expect(wasRefused(image)).toBe(false);
  });
});

describe('Queue times', () => {
  it('says when a job was asked for in words', () => {
    expect([askedAgo(T, T + 10_000), askedAgo(T, T + 5 * 60_000), askedAgo(T, T + 3 * 3_600_000), askedAgo(T, T + 26 * 3_600_000)]).toEqual([
      'just now',
      '5 minutes ago',
      '3 hours ago',
      'yesterday',
    ]);
  });

  it('estimates from the job’s own progress once it moved, else from past jobs of its type, else not at all', () => {
    const running = story({ status: 'processing', attempts: 1, updatedAt: T, progress: { done: 0, total: 10, label: '' } });
    const seen = sight(running, undefined, T + 1_000);
    expect(seen.since).toBe(T);
    expect(estimateLeft(running, seen, undefined, T + 5_000)).toBeNull();
    expect(estimateLeft(running, seen, 40_000, T + 10_000)).toBe(30_000);
    // Past the typical time: no promise.
    expect(estimateLeft(running, seen, 40_000, T + 45_000)).toBeNull();
    const moved = { ...running, progress: { done: 4, total: 10, label: '' } };
    expect(sight(moved, seen, T + 20_000)).toBe(seen);
    expect(estimateLeft(moved, seen, 40_000, T + 20_000)).toBe(30_000);
    expect([leftInWords(4_000), leftInWords(28_000), leftInWords(100_000)]).toEqual(['a few seconds left', 'about 30 s left', 'about 2 min left']);
  });

  it('measures past jobs from when they could start', () => {
    const s = story({ status: 'completed', attempts: 1, finishedAt: T + 20_000 });
    const audio = { ...buildJobRow('audio', { storyId: s.id }, { now: T, dependsOn: [s.id] }), status: 'completed' as const, attempts: 1, finishedAt: T + 80_000 };
    const retried = story({ status: 'completed', attempts: 3, finishedAt: T + 900_000 });
    expect(Object.fromEntries(typicalDurations([s, audio, retried]))).toEqual({ story: 20_000, audio: 60_000 });
  });
});

describe('the Queue’s live region', () => {
  it('announces state changes, never ticks or a running job’s sentence count, and nothing on first sight', () => {
    const announcer = new QueueAnnouncer();
    const backoff = story({ runAfter: T + 26_000, waitingFor: 'backoff', error: { code: 'rate-limited', message: 'Limited', retryable: true } });
    const entry = (job: JobRow, interrupted = false) => ({ id: job.id, title: 'Story: x', job, interrupted });
    announcer.update([entry(backoff)], T);
    expect(announcer.text).toBe('');
    announcer.update([entry(backoff)], T + 1_000);
    expect(announcer.text).toBe('');
    const running = story({ id: backoff.id, status: 'processing', progress: { done: 1, total: 7, label: 'Writing… 1 sentences so far' } });
    announcer.update([entry(running)], T + 27_000);
    expect(announcer.text).toBe('Story: x: in progress.');
    announcer.update([entry({ ...running, progress: { done: 2, total: 7, label: 'Writing… 2 sentences so far' } })], T + 28_000);
    expect(announcer.text).toBe('Story: x: in progress.');
    announcer.update([entry(running, true)], T + 29_000);
    expect(announcer.text).toBe('Story: x: interrupted, it will resume by itself.');
    const other = story({ status: 'failed' });
    announcer.update([entry({ ...running, status: 'completed', finishedAt: T + 30_000 }), { ...entry(other), title: 'Story: y' }], T + 30_000);
    expect(announcer.text).toBe('Story: x: done. Story: y: failed.');
  });
});
