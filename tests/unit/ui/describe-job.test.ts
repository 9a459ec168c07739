import { describe, expect, it } from 'vitest';
import type { JobRow } from '../../../src/domain/job';
import { buildJobRow } from '../../../src/jobs/enqueue';
import { formatSeconds, jobStatusText, jobTitle } from '../../../src/ui/queue/describe-job';

const T = 1_700_000_000_000;
const story = (patch: Partial<JobRow> = {}): JobRow => ({
  ...buildJobRow('story', { topic: 'a rainy day', level: 'N4', length: 'medium' }, { now: T }),
  ...patch,
});

describe('what the Queue says about a job', () => {
  it('names jobs the way a learner would', () => {
    expect(jobTitle(story())).toBe('Story: a rainy day (N4, medium)');
    const audio = buildJobRow('audio', { storyId: story().id }, { now: T });
    expect(jobTitle(audio, '雨の日')).toBe('Narration: 雨の日');
    expect(jobTitle(buildJobRow('image', { storyId: story().id, scope: 'paragraphs' }, { now: T }))).toBe(
      'Illustration of the story (cover and paragraphs)',
    );
  });

  it('explains every kind of waiting in words, with a countdown for backoff', () => {
    expect(jobStatusText(story({ waitingFor: 'network' }), T)).toMatch(/^Waiting for network/);
    expect(jobStatusText(story({ waitingFor: 'dependency' }), T)).toBe('Waiting for the story to be written first.');
    const backoff = story({
      waitingFor: 'backoff',
      runAfter: T + 25_400,
      error: { code: 'rate-limited', message: 'Gemini’s rate limit was reached.', retryable: true },
    });
    expect(jobStatusText(backoff, T)).toBe('Gemini’s rate limit was reached. Retrying in 26 s.');
    expect(jobStatusText(backoff, T + 26_000)).toBe('Queued — starting soon.');
  });

  it('shows progress while running and the error text when failed', () => {
    expect(jobStatusText(story({ status: 'processing', progress: { done: 3, total: 7, label: 'Writing… 3 sentences so far' } }), T)).toBe(
      'Writing… 3 sentences so far',
    );
    const failed = story({ status: 'failed', error: { code: 'api-key-invalid', message: 'Your Gemini API key was rejected — check it in Settings.', retryable: false } });
    expect(jobStatusText(failed, T)).toBe('Your Gemini API key was rejected — check it in Settings.');
    expect(jobStatusText(story({ status: 'completed' }), T)).toBe('Done');
    expect(jobStatusText(story({ status: 'cancelled' }), T)).toBe('Cancelled');
  });

  it('formats waits in seconds and minutes', () => {
    expect([formatSeconds(5), formatSeconds(60), formatSeconds(125)]).toEqual(['5 s', '1 min', '2 min 5 s']);
  });
});
