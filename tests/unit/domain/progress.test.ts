import { describe, expect, it } from 'vitest';
import {
  COMPLETED_AT_PERCENT,
  emptyProgress,
  finishStory,
  furthestPercent,
  progressAt,
  ReadingProgressSchema,
  samePlace,
  withQuizAnswer,
} from '../../../src/domain/progress';

const ID = '00000000-0000-4000-8000-000000000001';
const T = 1_700_000_000_000;

describe('reading progress rules', () => {
  it('starts a never-opened story at the top, not completed, with nothing to restore', () => {
    const empty = emptyProgress(ID);
    expect(ReadingProgressSchema.parse(empty)).toEqual(empty);
    expect(empty).toMatchObject({ percent: 0, completed: false, lastReadAt: 0, quizAnswers: {} });
  });

  it(`counts a story as completed from ${COMPLETED_AT_PERCENT} %`, () => {
    const at = (percent: number) => progressAt(emptyProgress(ID), { percent, segmentIndex: 3, segmentOffset: 0.5 }, T);
    expect(at(COMPLETED_AT_PERCENT - 0.5).completed).toBe(false);
    expect(at(COMPLETED_AT_PERCENT).completed).toBe(true);
    expect(at(100)).toMatchObject({ percent: 100, segmentIndex: 3, segmentOffset: 0.5, lastReadAt: T, updatedAt: T });
  });

  it('keeps a story completed when the learner scrolls back up', () => {
    const done = progressAt(emptyProgress(ID), { percent: 100, segmentIndex: 9, segmentOffset: 0 }, T);
    expect(progressAt(done, { percent: 10, segmentIndex: 1, segmentOffset: 0 }, T + 1).completed).toBe(true);
  });

  it('adds a quiz answer without losing the others or the position', () => {
    const read = progressAt(emptyProgress(ID), { percent: 40, segmentIndex: 2, segmentOffset: 0 }, T);
    const one = withQuizAnswer(read, 0, 2, T + 1);
    const two = withQuizAnswer(one, 1, 3, T + 2);
    expect(two).toMatchObject({ percent: 40, segmentIndex: 2, quizAnswers: { 0: 2, 1: 3 }, updatedAt: T + 2 });
    expect(read.quizAnswers).toEqual({});
  });

  it('keeps the furthest point read apart from the place to resume: it only grows', () => {
    const far = progressAt(emptyProgress(ID), { percent: 60, segmentIndex: 6, segmentOffset: 0 }, T);
    const back = progressAt(far, { percent: 20, segmentIndex: 2, segmentOffset: 0.5 }, T + 1);
    expect(back).toMatchObject({ percent: 20, segmentIndex: 2, segmentOffset: 0.5, furthestPercent: 60 });
    expect(furthestPercent(back)).toBe(60);
    expect(furthestPercent(progressAt(back, { percent: 75, segmentIndex: 8, segmentOffset: 0 }, T + 2))).toBe(75);
  });

  it('reads a row written before the furthest point existed as read up to its percent', () => {
    const old = ReadingProgressSchema.parse({ storyId: ID, percent: 45, segmentIndex: 6, lastReadAt: T, updatedAt: T });
    expect(old.furthestPercent).toBeUndefined();
    expect(furthestPercent(old)).toBe(45);
    expect(furthestPercent(progressAt(old, { percent: 30, segmentIndex: 4, segmentOffset: 0 }, T + 1))).toBe(45);
  });

  it('finishes a story: completed, read to 100 %, the place to resume untouched', () => {
    const read = progressAt(emptyProgress(ID), { percent: 40, segmentIndex: 4, segmentOffset: 0.2 }, T);
    const done = finishStory(read, T + 1);
    expect(done).toMatchObject({ completed: true, furthestPercent: 100, percent: 40, segmentIndex: 4, segmentOffset: 0.2, updatedAt: T + 1 });
    expect(furthestPercent(progressAt(done, { percent: 5, segmentIndex: 0, segmentOffset: 0 }, T + 2))).toBe(100);
  });

  it('tells the same place (a scroll the page made itself) from a move by the learner', () => {
    const at = { percent: 45, segmentIndex: 6, segmentOffset: 0.3 };
    expect(samePlace(at, { ...at, percent: 62.5, segmentOffset: 0.32 })).toBe(true);
    expect(samePlace(at, { ...at, segmentOffset: 0.5 })).toBe(false);
    expect(samePlace(at, { ...at, segmentIndex: 7 })).toBe(false);
  });
});
