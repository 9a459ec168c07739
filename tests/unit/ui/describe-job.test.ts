import { type ErrorDetails, GoogleGenerativeAIFetchError } from '@google/generative-ai';
import { describe, expect, it } from 'vitest';
import { mapGeminiError } from '../../../src/ai/errors';
import type { JobRow } from '../../../src/domain/job';
import { buildJobRow } from '../../../src/jobs/enqueue';
import { JobFailure } from '../../../src/jobs/errors';
import { decideAfterFailure } from '../../../src/jobs/failure-policy';
import { toJobFailure } from '../../../src/tasks/ai-failure';
import { formatSeconds, jobRequestLine, jobStatus, jobStatusText, jobStoryId, jobTitle } from '../../../src/ui/queue/describe-job';

const T = 1_700_000_000_000;
const story = (patch: Partial<JobRow> = {}): JobRow => ({
  ...buildJobRow('story', { topic: 'a rainy day', level: 'N4', length: 'medium' }, { now: T }),
  ...patch,
});

/** A Gemini HTTP error as the SDK throws it, through the adapter and the engine's policy. */
function afterHttpError(status: number, statusText: string, attempts: number, details?: ErrorDetails[]): JobRow {
  const text = `[GoogleGenerativeAI Error]: Error fetching from https://gemini.test/x: [${status} ${statusText}] busy`;
  const sdkError = new GoogleGenerativeAIFetchError(text, status, statusText, details);
  const failure = toJobFailure(mapGeminiError(sdkError, { apiKey: 'k', online: true }));
  if (!(failure instanceof JobFailure)) throw new Error('expected a JobFailure');
  const job = story({ status: 'processing', attempts, maxAttempts: 5 });
  const decision = decideAfterFailure(job, failure, T, { baseMs: 5000, maxMs: 300_000, random: () => 0.5 });
  return decision.status === 'failed'
    ? { ...job, status: 'failed', error: decision.error, finishedAt: T }
    : { ...job, status: 'pending', runAfter: decision.runAfter, waitingFor: decision.waitingFor, error: decision.error };
}

describe('what the Queue says about a job', () => {
  it('names jobs the way a learner would, by the story title once it is known', () => {
    expect(jobTitle(story())).toBe('Story: a rainy day (N4, medium)');
    expect(jobTitle(story(), '雨の日')).toBe('Story: 雨の日');
    expect(jobRequestLine(story())).toBe('Topic: a rainy day · N4 · medium');
    const audio = buildJobRow('audio', { storyId: story().id }, { now: T });
    expect(jobTitle(audio, '雨の日')).toBe('Narration: 雨の日');
    expect(jobRequestLine(audio)).toBeNull();
    expect(jobTitle(buildJobRow('image', { storyId: story().id, scope: 'paragraphs' }, { now: T }))).toBe(
      'Illustration of the story (cover and paragraphs)',
    );
  });

  it("names a story's word list and a sentence's grammar note, counting sentences from 1", () => {
    const storyId = story().id;
    const words = buildJobRow('annotate', { storyId }, { now: T });
    expect(jobTitle(words, '雨の日')).toBe('Word list: 雨の日');
    expect(jobTitle(words)).toBe('Word list of the story');
    const note = buildJobRow('explain', { storyId, segment: 2 }, { now: T });
    expect(jobTitle(note, '雨の日')).toBe('Grammar note on sentence 3: 雨の日');
    expect(jobTitle(note)).toBe('Grammar note on sentence 3 of the story');
    expect(jobStoryId(note)).toBe(storyId);
    expect(jobRequestLine(note)).toBeNull();
  });

  it('explains every kind of waiting in words, with a countdown kept apart from the state', () => {
    expect(jobStatusText(story({ waitingFor: 'network' }), T)).toMatch(/^Waiting for network/);
    expect(jobStatusText(story({ waitingFor: 'dependency' }), T)).toBe('Waiting for the story to be written first.');
    expect(jobStatusText(story(), T)).toBe('Queued — starting soon.');
    const backoff = story({ waitingFor: 'backoff', runAfter: T + 25_400, error: { code: 'rate-limited', message: "Gemini's rate limit was reached", retryable: true } });
    expect(jobStatus(backoff, T)).toEqual({ text: "Gemini's rate limit was reached.", countdown: 'Retrying in 26 s.' });
    expect(jobStatus(backoff, T + 10_000)).toEqual({ text: "Gemini's rate limit was reached.", countdown: 'Retrying in 16 s.' });
    expect(jobStatusText(backoff, T + 26_000)).toBe('Queued — starting soon.');
    const storage = story({ waitingFor: 'storage', runAfter: T + 60_000, error: { code: 'storage-full', message: 'Out of space.', retryable: true } });
    expect(jobStatus(storage, T)).toEqual({ text: 'Out of space.', countdown: 'Checking for space again in 1 min.' });
    expect(jobStatusText(storage, T + 60_000)).toBe('Out of space. Saving it now…');
  });

  it('429, 500 and 503 read as one phrase with one countdown', () => {
    const limited = afterHttpError(429, 'Too Many Requests', 1, [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '26s' }]);
    expect(jobStatusText(limited, T)).toBe("Gemini's rate limit was reached. Retrying in 26 s.");
    expect(jobStatusText(afterHttpError(500, 'Internal Server Error', 1), T)).toMatch(/^Gemini had a server error \(500\)\. Retrying in \d+ s\.$/);
    expect(jobStatusText(afterHttpError(503, 'Service Unavailable', 2), T)).toMatch(/^Gemini is overloaded\. Retrying in \d+ s\.$/);
  });

  it('a job out of tries says it stopped, and rows from older versions read the same', () => {
    expect(jobStatusText(afterHttpError(503, 'Service Unavailable', 5), T)).toBe('Stopped after 5 tries: Gemini is overloaded. Retry when you like.');
    const old = story({ status: 'failed', error: { code: 'overloaded', message: 'Gave up after 5 tries: Gemini is overloaded; retrying…', retryable: true } });
    expect(jobStatusText(old, T)).toBe('Stopped after 5 tries: Gemini is overloaded. Retry when you like.');
    const oldBackoff = story({ runAfter: T + 24_000, waitingFor: 'backoff', error: { code: 'rate-limited', message: "Gemini's rate limit was reached; retrying in 26 s", retryable: true } });
    expect(jobStatusText(oldBackoff, T)).toBe("Gemini's rate limit was reached. Retrying in 24 s.");
    const oldEngine = story({ runAfter: T + 5_000, waitingFor: 'backoff', error: { code: 'timeout', message: 'This took too long to finish. It will be tried again.', retryable: true } });
    expect(jobStatusText(oldEngine, T)).toBe('This took too long to finish. Retrying in 5 s.');
  });

  it('shows progress while running, "Interrupted" once its runner is gone, the error when failed', () => {
    const running = story({ status: 'processing', progress: { done: 3, total: 7, label: 'Writing… 3 sentences so far' } });
    expect(jobStatusText(running, T)).toBe('Writing… 3 sentences so far');
    expect(jobStatusText(story({ status: 'processing' }), T)).toBe('Working…');
    expect(jobStatusText(running, T, { interrupted: true })).toBe('Interrupted — it will resume by itself.');
    const failed = story({ status: 'failed', error: { code: 'api-key-invalid', message: 'Your Gemini API key was rejected — check it in Settings.', retryable: false } });
    expect(jobStatusText(failed, T)).toBe('Your Gemini API key was rejected — check it in Settings.');
    expect(jobStatusText(story({ status: 'failed' }), T)).toBe('Failed');
    expect(jobStatusText(story({ status: 'cancelled' }), T)).toBe('Cancelled');
  });

  it('says how long a finished job took', () => {
    expect(jobStatusText(story({ status: 'completed', finishedAt: T + 42_300 }), T)).toBe('Done in 42 s');
    expect(jobStatusText(story({ status: 'completed', finishedAt: T + 125_000 }), T)).toBe('Done in 2 min 5 s');
    expect(jobStatusText(story({ status: 'completed', finishedAt: null }), T)).toBe('Done');
  });

  it('formats waits in seconds and minutes', () => {
    expect([formatSeconds(5), formatSeconds(60), formatSeconds(125)]).toEqual(['5 s', '1 min', '2 min 5 s']);
  });
});
