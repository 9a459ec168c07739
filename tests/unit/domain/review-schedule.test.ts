import { describe, expect, it } from 'vitest';
import { NEW_CARD_DUE } from '../../../src/domain/review-card';
import { ALL_CARDS, type ReviewLogEntry } from '../../../src/domain/review-log';
import { replayCard, scheduler } from '../../../src/domain/review-schedule';

const CAT = '猫|ねこ';
const DOG = '犬|いぬ';
const f = scheduler({});
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9);
let n = 0;
/** Ids in creation order, so a test can say which entry sorts first at equal times. */
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const review = (at: number, rating: 1 | 2 | 3 | 4, cardKey = CAT): ReviewLogEntry => ({ id: id(), cardKey, kind: 'review', rating, reviewedAt: at });
const reset = (at: number, cardKey = CAT): ReviewLogEntry => ({ id: id(), cardKey, kind: 'reset', reviewedAt: at });
const undo = (at: number, target: ReviewLogEntry): ReviewLogEntry => ({ id: id(), cardKey: target.cardKey, kind: 'undo', target: target.id, reviewedAt: at });
const replay = (entries: readonly unknown[], key = CAT) => replayCard(key, entries, T0 - DAY, f);

describe('replaying a card from its review log', () => {
  it('a card with no entries is new and due at once', () => {
    expect(replay([]).card).toMatchObject({ key: CAT, reps: 0, due: NEW_CARD_DUE, addedAt: T0 - DAY });
  });

  it('two devices reviewing the same card offline both count, whatever order their logs merge in', () => {
    const phone = [review(T0, 3), review(T0 + 3 * DAY, 3)];
    const laptop = [review(T0 + DAY, 2), review(T0 + 5 * DAY, 4)];
    const merged = [...phone, ...laptop];
    const a = replay([...phone, ...laptop]).card;
    const b = replay([...laptop].reverse().concat([...phone].reverse())).card;
    expect(a.reps).toBe(4);
    expect(b).toEqual(a);
    // Not the same as either device alone: each device's reviews changed the schedule.
    expect(a.due).not.toBe(replay(phone).card.due);
    expect(a.due).not.toBe(replay(laptop).card.due);
    expect(a.lastReviewAt).toBe(T0 + 5 * DAY);
    expect(a.firstReviewAt).toBe(T0);
    expect(replay(merged.slice().sort(() => 0)).card).toEqual(a);
  });

  it('other cards’ entries leave a card alone', () => {
    expect(replay([review(T0, 3, DOG)]).card.reps).toBe(0);
  });

  it('a reset marker hides the entries before it, and only for its card', () => {
    const entries = [review(T0, 1), review(T0 + DAY, 3), reset(T0 + 2 * DAY), review(T0 + 3 * DAY, 3)];
    const card = replay(entries).card;
    expect(card.reps).toBe(1);
    expect(card).toMatchObject({ ...replay([entries[3]]).card, addedAt: T0 - DAY });
    expect(replay([review(T0, 3, DOG), reset(T0 + DAY), review(T0 + 2 * DAY, 3, DOG)], DOG).card.reps).toBe(2);
  });

  it('a reset of every card (`*`) hides every card’s older entries', () => {
    const entries = [review(T0, 3), review(T0, 3, DOG), reset(T0 + DAY, ALL_CARDS), review(T0 + 2 * DAY, 4, DOG)];
    expect(replay(entries).card).toMatchObject({ reps: 0, due: NEW_CARD_DUE });
    expect(replay(entries, DOG).card.reps).toBe(1);
  });

  it('an undo takes its grade back as if it had never been given', () => {
    const first = review(T0, 3);
    const wrong = review(T0 + DAY, 1);
    const card = replay([first, wrong, undo(T0 + DAY + 1, wrong)]).card;
    expect(card).toEqual(replay([first]).card);
    expect(card.lastEntryId).toBe(first.id);
  });

  it('counts Easy answers in a row, starting over at any other grade', () => {
    expect(replay([review(T0, 4), review(T0 + DAY, 4)]).card.easyStreak).toBe(2);
    expect(replay([review(T0, 4), review(T0 + DAY, 3), review(T0 + 9 * DAY, 4)]).card.easyStreak).toBe(1);
  });

  it('a clock that jumps backwards never schedules the card into the past', () => {
    // The second grade was given later but stamped a week earlier than the first.
    const card = replay([review(T0 + 7 * DAY, 3), review(T0, 1)]).card;
    expect(card.reps).toBe(2);
    expect(card.due).toBeGreaterThanOrEqual(T0 + 7 * DAY);
    expect(card.lastReviewAt).toBe(T0 + 7 * DAY);
  });

  it('the scheduler follows the settings, and junk settings fall back to the defaults', () => {
    const entries = [review(T0, 3), review(T0 + DAY, 3), review(T0 + 3 * DAY, 3)];
    const strict = replayCard(CAT, entries, T0, scheduler({ reviewRetention: 0.97 })).card.due;
    const relaxed = replayCard(CAT, entries, T0, scheduler({ reviewRetention: 0.8 })).card.due;
    expect(strict).toBeLessThan(relaxed);
    const junk = scheduler({ reviewRetention: 'lots', reviewMaxIntervalDays: Number.NaN, reviewWeights: [1, 2] });
    expect(replayCard(CAT, entries, T0, junk).card).toEqual(replayCard(CAT, entries, T0, f).card);
  });

  it('an invalid entry is rejected with its reason and never changes the card', () => {
    const good = review(T0, 3);
    const bad = [
      { id: id(), cardKey: CAT, kind: 'review', reviewedAt: T0 + DAY },
      { id: 'not-a-uuid', cardKey: CAT, kind: 'review', rating: 1, reviewedAt: T0 + DAY },
      { ...review(T0 + DAY, 1), rating: 7 },
      { ...review(T0 + DAY, 1), reviewedAt: -5 },
      { id: id(), cardKey: CAT, kind: 'undo', reviewedAt: T0 + DAY },
      'junk',
    ];
    const { card, rejected } = replay([good, ...bad]);
    expect(card).toEqual(replay([good]).card);
    expect(rejected.map((r) => r.entry)).toEqual(bad);
    expect(rejected[0]?.reason).toMatch(/rating/);
    expect(rejected[1]?.reason).toMatch(/^id/);
    expect(rejected[4]?.reason).toMatch(/target/);
  });
});

describe('entries dated ahead of this clock', () => {
  it('a grade stamped years ahead (a fast clock elsewhere) does not push the card out of reach', () => {
    const good = { id: '00000000-0000-4000-8000-000000000001', cardKey: CAT, kind: 'review', rating: 3, reviewedAt: T0 };
    const ahead = { id: '00000000-0000-4000-8000-000000000002', cardKey: CAT, kind: 'review', rating: 4, reviewedAt: T0 + 3 * 365 * DAY };
    const card = replayCard(CAT, [good, ahead], T0 - DAY, f, T0 + DAY).card;
    expect(card).toEqual(replayCard(CAT, [good], T0 - DAY, f, T0 + DAY).card);
    expect(card.due).toBeLessThan(T0 + 365 * DAY);
    // Once its time comes it counts like any other grade.
    expect(replayCard(CAT, [good, ahead], T0 - DAY, f, T0 + 3 * 365 * DAY).card.reps).toBe(2);
  });
});
