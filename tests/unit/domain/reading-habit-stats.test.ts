import { describe, expect, it } from 'vitest';
import { dayTotals, EMPTY_DAY } from '../../../src/domain/reading-habit';
import { heatLevel, totalsBetween, weeklyTotals, yearWeeks } from '../../../src/domain/reading-habit-stats';

const MIN = 60_000;
const row = (day: string, minutes: number) => ({ day, activeMs: minutes * MIN, chars: 100, storiesFinished: 1 });

describe('the year calendar', () => {
  it('is weeks of Sunday to Saturday, the last holding today and nothing after it', () => {
    const weeks = yearWeeks('2026-12-02'); // a Wednesday
    expect(weeks).toHaveLength(53);
    expect(weeks[0]?.[0]).toBe('2025-11-30'); // the Sunday of the week 364 days back
    expect(weeks.at(-1)).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', null, null, null]);
    expect(weeks.flat().filter((d) => d !== null)).toHaveLength(365 + 3);
  });

  it('darkens a day with the minutes read; reviews alone still mark it', () => {
    expect(heatLevel(undefined)).toBe(0);
    expect(heatLevel({ ...EMPTY_DAY, reviews: 3 })).toBe(1);
    expect(heatLevel({ ...EMPTY_DAY, activeMs: 5 * MIN })).toBe(2);
    expect(heatLevel({ ...EMPTY_DAY, activeMs: 29 * MIN })).toBe(3);
    expect(heatLevel({ ...EMPTY_DAY, activeMs: 90 * MIN })).toBe(4);
  });
});

describe('weekly trends', () => {
  it('sum the last 12 weeks, oldest first, the current week so far last', () => {
    const days = dayTotals([row('2026-12-01', 10), row('2026-11-29', 5), row('2026-11-28', 7), row('2026-09-01', 99)]);
    const weeks = weeklyTotals(days, '2026-12-02');
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)).toMatchObject({ start: '2026-11-29', totals: { activeMs: 15 * MIN, chars: 200, storiesFinished: 2 } });
    expect(weeks.at(-2)?.totals.activeMs).toBe(7 * MIN);
    expect(weeks[0]?.start).toBe('2026-09-13');
    expect(weeks.reduce((sum, w) => sum + w.totals.activeMs, 0)).toBe(22 * MIN);
    expect(totalsBetween(days, '2026-01-01', '2026-12-31').activeMs).toBe(121 * MIN);
  });
});
