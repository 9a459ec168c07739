import { describe, expect, it } from 'vitest';
import { dayTotals, EMPTY_DAY, goalOf, goalProgress, japaneseChars, reviewsByDay, streak, wordsLearnedByDay } from '../../../src/domain/reading-habit';

const MIN = 60_000;
const day = (d: string, activeMs: number, deviceId = 'a') => ({ day: d, deviceId, activeMs, chars: 10, storiesFinished: 0 });
const minutes = { kind: 'minutes', amount: 10 } as const;

describe('a day of reading, summed over devices', () => {
  it('adds every device’s row for the day', () => {
    const days = dayTotals([day('2026-12-01', 4 * MIN, 'phone'), day('2026-12-01', 7 * MIN, 'laptop'), day('2026-12-02', MIN)]);
    expect(days.get('2026-12-01')).toEqual({ ...EMPTY_DAY, activeMs: 11 * MIN, chars: 20 });
    expect(goalProgress(days.get('2026-12-01'), minutes)).toEqual({ done: 11, share: 1, met: true });
    expect(goalProgress(days.get('2026-12-02'), minutes)).toEqual({ done: 1, share: 0.1, met: false });
  });

  it('counts reviews on their local day, less those taken back by Undo', () => {
    const at = Date.UTC(2026, 11, 1, 16); // 01:00 on 2 December in Tokyo
    const entries = [
      { id: 'r1', kind: 'review' as const, reviewedAt: at },
      { id: 'r2', kind: 'review' as const, reviewedAt: at + 1000 },
      { id: 'u1', kind: 'undo' as const, target: 'r2', reviewedAt: at + 2000 },
      { id: 'x', kind: 'reset' as const, reviewedAt: at + 3000 },
    ];
    expect([...reviewsByDay(entries, 'Asia/Tokyo')]).toEqual([['2026-12-02', 1]]);
    expect([...reviewsByDay(entries, 'UTC')]).toEqual([['2026-12-01', 1]]);
  });

  it('counts words learning or known on the day of their last change', () => {
    const t = Date.UTC(2026, 11, 2, 12);
    const words = [{ state: 'learning' as const, updatedAt: t }, { state: 'known' as const, updatedAt: t }, { state: 'new' as const, updatedAt: t }];
    expect([...wordsLearnedByDay(words, 'UTC')]).toEqual([['2026-12-02', 2]]);
  });

  it('reads the goal from settings, falling back on junk', () => {
    expect(goalOf({ goalKind: 'reviews', goalAmount: 30 })).toEqual({ kind: 'reviews', amount: 30 });
    expect(goalOf({ goalKind: 'pages', goalAmount: -5 })).toEqual({ kind: 'minutes', amount: 1 });
    expect(goalOf({})).toEqual({ kind: 'minutes', amount: 10 });
  });

  it('counts Japanese characters, not punctuation, spaces or Latin letters', () => {
    expect(japaneseChars('今日は、雨です。 OK')).toBe(6);
    expect(japaneseChars('々カタカナー')).toBe(6);
  });
});

describe('the streak', () => {
  const days = dayTotals([day('2026-11-28', 12 * MIN), day('2026-11-29', 10 * MIN), day('2026-11-30', 11 * MIN), day('2026-12-01', 3 * MIN, 'a'), day('2026-12-01', 8 * MIN, 'b')]);

  it('counts consecutive days that met the goal, devices added together', () => {
    expect(streak(days, '2026-12-01', minutes)).toBe(4);
  });

  it('is not broken by today before its goal is met', () => {
    expect(streak(days, '2026-12-02', minutes)).toBe(4);
    expect(streak(dayTotals([...[day('2026-12-01', 11 * MIN)], day('2026-12-02', 2 * MIN)]), '2026-12-02', minutes)).toBe(1);
  });

  it('is broken by a missed day, and a day short of the goal is missed', () => {
    expect(streak(days, '2026-12-03', minutes)).toBe(0);
    const short = dayTotals([day('2026-11-29', 10 * MIN), day('2026-11-30', 9 * MIN), day('2026-12-01', 10 * MIN)]);
    expect(streak(short, '2026-12-01', minutes)).toBe(1);
  });

  it('follows a reviews goal', () => {
    const reviews = new Map([['2026-11-30', 5], ['2026-12-01', 20]]);
    expect(streak(dayTotals([], reviews), '2026-12-01', { kind: 'reviews', amount: 5 })).toBe(2);
    expect(streak(dayTotals([], reviews), '2026-12-01', { kind: 'reviews', amount: 6 })).toBe(1);
    expect(streak(dayTotals([], new Map()), '2026-12-01', { kind: 'reviews', amount: 1 })).toBe(0);
  });
});
