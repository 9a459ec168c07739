import { describe, expect, it } from 'vitest';
import { shortStoryNote, storyShortfall, tooShortError } from '../../../src/ai/story-length';

/** When a story counts as "much shorter than asked", and what the learner and the detail say about it. */
const story = (sentences: number) => ({ content: Array.from({ length: sentences }, (_, i) => ({ jp: `文${i}。` })) });

describe('storyShortfall', () => {
  it('flags a story under 60 % of the asked minimum, per length', () => {
    // short 5–7: 2 is broken, 3 is a short story; medium 10–12: below 6; long 18–22: below 11.
    expect(storyShortfall(story(2), 'short')).toEqual({ sentences: 2, min: 5, max: 7 });
    expect(storyShortfall(story(3), 'short')).toBeNull();
    expect(storyShortfall(story(5), 'medium')).toEqual({ sentences: 5, min: 10, max: 12 });
    expect(storyShortfall(story(6), 'medium')).toBeNull();
    expect(storyShortfall(story(10), 'long')).toEqual({ sentences: 10, min: 18, max: 22 });
    expect(storyShortfall(story(11), 'long')).toBeNull();
  });

  it('never flags a story that is as long as asked, or longer', () => {
    for (const n of [5, 7, 9]) expect(storyShortfall(story(n), 'short')).toBeNull();
  });
});

describe('what is said about a short story', () => {
  it('retries as invalid output, in the learner’s words, the counts in the detail', () => {
    const error = tooShortError({ sentences: 1, min: 5, max: 7 });
    expect(error).toMatchObject({ kind: 'invalid-output', code: 'story-too-short', detail: '1 sentence, asked for 5–7' });
    expect(error.message).toBe("Gemini's story was much shorter than asked. Retry usually works.");
  });

  it('tells the learner a kept short story is short, and why it was kept', () => {
    expect(shortStoryNote({ sentences: 2, min: 10, max: 12 })).toBe(
      'Shorter than asked: Gemini wrote 2 sentences instead of 10–12, even when asked again, so this story was kept as it is.',
    );
  });
});
