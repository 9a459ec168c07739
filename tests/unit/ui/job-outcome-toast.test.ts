import { describe, expect, it } from 'vitest';
import type { JobOutcome } from '../../../src/app/job-outcomes';
import type { JobRow } from '../../../src/domain/job';
import { outcomeToast } from '../../../src/ui/job-outcome-toast';

const STORY = '11111111-1111-4111-8111-111111111111';
const failedJob = {
  id: crypto.randomUUID(), type: 'story', status: 'failed', params: { topic: 'the sea', level: 'N5', length: 'short', instructions: '' },
  error: { code: 'overloaded', message: 'Gemini is overloaded.', retryable: false }, createdAt: 0, finishedAt: 1,
} as unknown as JobRow;
const failed: JobOutcome = { kind: 'failed', job: failedJob, storyTitle: undefined };
const narration: JobOutcome = { kind: 'media-ready', media: 'audio', storyId: STORY, storyTitle: 'うみ' };
const pictures: JobOutcome = { kind: 'media-ready', media: 'image', storyId: STORY, storyTitle: 'うみ' };

describe('outcomeToast', () => {
  it('says a job failed, with its reason and the way to the Queue', () => {
    const toast = outcomeToast([failed, narration], { name: 'kana' }, 0);
    expect(toast?.message).toBe('Job failed — Story: the sea (N5, short): Gemini is overloaded.');
    expect(toast?.action?.label).toBe('Open the Queue');
    expect(outcomeToast([failed, failed], { name: 'home' }, 0)?.message).toBe('2 jobs failed.');
  });

  it('says narration or pictures are ready, with "Open the story"', () => {
    expect(outcomeToast([narration], { name: 'library' }, 0)).toMatchObject({ message: 'Narration ready for “うみ”.', action: { label: 'Open the story' } });
    expect(outcomeToast([pictures], { name: 'home' }, 0)?.message).toBe('Pictures ready for “うみ”.');
    expect(outcomeToast([narration, pictures], { name: 'home' }, 0)?.message).toBe('Narration and pictures ready for “うみ”.');
  });

  it('stays quiet on the Queue, and about a story the learner is reading', () => {
    expect(outcomeToast([failed], { name: 'queue' }, 0)).toBeNull();
    expect(outcomeToast([narration], { name: 'story', id: STORY }, 0)).toBeNull();
  });
});
