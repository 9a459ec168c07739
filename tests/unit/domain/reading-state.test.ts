import { describe, expect, it } from 'vitest';
import { readingState } from '../../../src/domain/reading-state';

describe('readingState', () => {
  it('offers "Read" for a story never opened or opened at the top', () => {
    expect(readingState(undefined)).toEqual({ percent: 0, finished: false, action: 'Read' });
    expect(readingState({ percent: 0, completed: false })).toEqual({ percent: 0, finished: false, action: 'Read' });
  });

  it('offers "Continue" with the rounded percentage part-way through', () => {
    expect(readingState({ percent: 44.6, completed: false })).toEqual({ percent: 45, finished: false, action: 'Continue' });
    expect(readingState({ percent: 0.4, completed: false })).toEqual({ percent: 0, finished: false, action: 'Read' });
  });

  it('marks a completed story as finished with a full bar, even when scrolled back up', () => {
    expect(readingState({ percent: 30, completed: true })).toEqual({ percent: 100, finished: true, action: 'Read again' });
  });

  it('shows the furthest point read, not the place to resume, after scrolling back up', () => {
    expect(readingState({ percent: 20, furthestPercent: 70, completed: false })).toEqual({ percent: 70, finished: false, action: 'Continue' });
  });

  it('keeps the bar inside 0–100 for out-of-range stored values', () => {
    expect(readingState({ percent: 140, completed: false }).percent).toBe(100);
    expect(readingState({ percent: -3, completed: false }).percent).toBe(0);
  });
});
