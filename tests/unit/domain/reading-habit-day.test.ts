import { afterEach, describe, expect, it } from 'vitest';
import { addDays, dayStart, daysBetween, localDay, splitByDay, weekday, zoneOffsetMs } from '../../../src/domain/reading-habit-day';

const H = 3_600_000;

describe('the learner’s local calendar day', () => {
  it('is the day on the wall clock of the zone, not in UTC', () => {
    const t = Date.UTC(2026, 2, 10, 23, 30); // 23:30 UTC on 10 March
    expect(localDay(t, 'UTC')).toBe('2026-03-10');
    expect(localDay(t, 'Asia/Tokyo')).toBe('2026-03-11'); // 08:30 the next morning
    expect(localDay(t, 'America/Los_Angeles')).toBe('2026-03-10'); // 16:30
    expect(localDay(Date.UTC(2026, 2, 11, 6, 59), 'America/Los_Angeles')).toBe('2026-03-10'); // 23:59 PDT
  });

  describe("the device's own zone (read from Date, not Intl)", () => {
    const savedTz = process.env.TZ;
    afterEach(() => {
      if (savedTz === undefined) delete process.env.TZ;
      else process.env.TZ = savedTz;
    });

    // Half-hour DST (Lord Howe), a 45-minute offset (Chatham), a southern DST (Santiago) and Berlin.
    it.each(['Europe/Berlin', 'America/Santiago', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kolkata'])('agrees with Intl for %s every 15 minutes of a year', (zone) => {
      process.env.TZ = zone;
      const from = Date.UTC(2026, 0, 1);
      const mismatches: string[] = [];
      for (let t = from; t < from + 366 * 24 * H; t += H / 4) {
        if (zoneOffsetMs(t, undefined) !== zoneOffsetMs(t, zone)) mismatches.push(new Date(t).toISOString());
      }
      expect(mismatches).toEqual([]);
      expect(localDay(Date.UTC(2026, 2, 10, 23, 30))).toBe(localDay(Date.UTC(2026, 2, 10, 23, 30), zone));
    });
  });

  it('starts at local midnight, and a DST day is 23 or 25 hours long', () => {
    expect(dayStart('2026-03-11', 'Asia/Tokyo')).toBe(Date.UTC(2026, 2, 10, 15));
    // Europe/Berlin: clocks go forward on 29 March 2026 and back on 25 October 2026.
    expect(dayStart('2026-03-30', 'Europe/Berlin') - dayStart('2026-03-29', 'Europe/Berlin')).toBe(23 * H);
    expect(dayStart('2026-10-26', 'Europe/Berlin') - dayStart('2026-10-25', 'Europe/Berlin')).toBe(25 * H);
  });

  it('finds the first instant of a day whose midnight does not exist', () => {
    // America/Santiago springs forward at 24:00 on 5 September 2026: the 6th begins at 01:00 local.
    const start = dayStart('2026-09-06', 'America/Santiago');
    expect(localDay(start, 'America/Santiago')).toBe('2026-09-06');
    expect(localDay(start - 1, 'America/Santiago')).toBe('2026-09-05');
  });

  it('does day arithmetic across months, years and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(weekday('2026-12-06')).toBe(0); // a Sunday
  });
});

describe('a reading session crossing midnight', () => {
  it('splits between the two days', () => {
    const midnight = dayStart('2026-12-03', 'Asia/Tokyo');
    expect(splitByDay(midnight - 20_000, midnight + 40_000, 'Asia/Tokyo')).toEqual([
      { day: '2026-12-02', ms: 20_000 },
      { day: '2026-12-03', ms: 40_000 },
    ]);
  });

  it('stays on one day otherwise, and an empty interval credits nothing', () => {
    const t = Date.UTC(2026, 11, 2, 12);
    expect(splitByDay(t, t + 30_000, 'UTC')).toEqual([{ day: '2026-12-02', ms: 30_000 }]);
    expect(splitByDay(t, t, 'UTC')).toEqual([]);
  });

  it('splits at the local midnight of a DST day, not at UTC midnight', () => {
    const midnight = dayStart('2026-10-26', 'Europe/Berlin');
    expect(midnight).toBe(Date.UTC(2026, 9, 25, 23));
    const parts = splitByDay(midnight - 10_000, midnight + 5_000, 'Europe/Berlin');
    expect(parts).toEqual([{ day: '2026-10-25', ms: 10_000 }, { day: '2026-10-26', ms: 5_000 }]);
  });
});
