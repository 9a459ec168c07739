import { describe, expect, it } from 'vitest';
import {
  COVER_INDEX,
  coverPrompt,
  estimateNarrationBytes,
  illustrationPlan,
  illustrationSteps,
  mostRequests,
  narrationPlan,
} from '../../../src/domain/media-plan';
import { storyWith } from './helpers';

describe('narrationPlan', () => {
  it('lists the sentences not stored yet, in reading order', () => {
    const story = storyWith(5);
    expect(narrationPlan(story, new Set())).toEqual([0, 1, 2, 3, 4]);
    expect(narrationPlan(story, new Set([0, 1, 3]))).toEqual([2, 4]);
    // Stale rows past the end (or the cover index) change nothing.
    expect(narrationPlan(story, new Set([0, 1, 2, 3, 4, 9, -1]))).toEqual([]);
  });
});

describe('estimateNarrationBytes', () => {
  it('is generous: at least 2 s of 24 kHz 16-bit audio plus a WAV header per sentence', () => {
    expect(estimateNarrationBytes([])).toBe(0);
    expect(estimateNarrationBytes([''])).toBe(44 + 96_000);
    // 30 characters: 2 s + 10 s.
    expect(estimateNarrationBytes(['あ'.repeat(30)])).toBe(44 + 12 * 48_000);
  });
});

describe('illustration', () => {
  const story = storyWith(4, { titleJP: '雨の朝', titleEN: 'A Rainy Morning', excerpt: '雨が降っています。' });

  it('draws the cover from the title, the excerpt and the first imagePrompt', () => {
    const prompt = coverPrompt(story);
    expect(prompt).toContain('“A Rainy Morning” (雨の朝)');
    expect(prompt).toContain('雨が降っています。');
    expect(prompt).toContain('Scene: scene number 0');
  });

  it('cover scope is one picture; paragraphs adds one per segment with an imagePrompt', () => {
    expect(illustrationSteps(story, 'cover').map((s) => s.index)).toEqual([COVER_INDEX]);
    expect(illustrationSteps(story, 'paragraphs').map((s) => s.index)).toEqual([COVER_INDEX, 0, 2]);
    expect(illustrationPlan(story, 'paragraphs', new Set([COVER_INDEX, 2])).map((s) => s.index)).toEqual([0]);
  });
});

describe('mostRequests', () => {
  const limits = { maxAttempts: 5, maxLeaseLosses: 3 };

  it('counts two asks per step, and per failed or lost claim the steps it had in flight', () => {
    expect(mostRequests(0, limits)).toBe(0);
    expect(mostRequests(12, { ...limits, parallel: 1 })).toBe(24 + 2 * 6);
    expect(mostRequests(12, { ...limits, parallel: 4 })).toBe(24 + 8 * 6);
    // Unknown setting: the highest one, so the figure is never an under-estimate.
    expect(mostRequests(12, limits)).toBe(mostRequests(12, { ...limits, parallel: 8 }));
    // A job cannot have more in flight than it has steps.
    expect(mostRequests(1, { ...limits, parallel: 4 })).toBe(2 + 2 * 6);
  });
});
