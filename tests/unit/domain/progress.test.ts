import { describe, expect, it } from 'vitest';
import { COMPLETED_AT_PERCENT, emptyProgress, progressAt, ReadingProgressSchema, withQuizAnswer } from '../../../src/domain/progress';

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
});
