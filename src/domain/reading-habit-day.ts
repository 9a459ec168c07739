/**
 * The learner's local calendar day (issue 15's reading habit), without zod: Home loads it.
 *
 * A day is `YYYY-MM-DD` in a time zone: the device's own unless one is passed (tests pass explicit
 * zones). Days are computed from the zone's UTC offset at an instant. The device's own offset comes
 * from Date's local fields: building the first Intl.DateTimeFormat of a page costs 12–30 ms of main
 * thread (its locale and zone data), and Home reads today's day while it loads. A named zone is read
 * through Intl once per 15-minute slice of time and remembered: zone rules change offsets on whole
 * quarter hours, so a year of review entries costs a few hundred Intl calls rather than one each.
 */
export type TimeZone = string | undefined;

const DAY_MS = 86_400_000;
const SLICE_MS = 900_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

function formatter(timeZone: TimeZone): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(key, f);
  }
  return f;
}

/** Milliseconds the zone's wall clock is ahead of UTC at `ms`. */
export function zoneOffsetMs(ms: number, timeZone: TimeZone): number {
  if (timeZone === undefined) return deviceOffsetMs(ms);
  const key = `${timeZone ?? ''}|${Math.floor(ms / SLICE_MS)}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  const offset = wall - Math.floor(ms / 1000) * 1000;
  if (offsets.size > 20_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** The same figure for the device's zone, from Date's local fields (the same wall clock Intl reads). */
function deviceOffsetMs(ms: number): number {
  const d = new Date(ms);
  const wall = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds());
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The local calendar day of the instant `ms`. */
export function localDay(ms: number, timeZone?: TimeZone): string {
  return isoDay(ms + zoneOffsetMs(ms, timeZone));
}

function isoDay(utcMs: number): string {
  const d = new Date(utcMs);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function dayUtc(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** The day `n` days after `day` (before, when negative). */
export function addDays(day: string, n: number): string {
  return isoDay(dayUtc(day) + n * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayUtc(to) - dayUtc(from)) / DAY_MS);
}

/** 0 Sunday … 6 Saturday. */
export function weekday(day: string): number {
  return new Date(dayUtc(day)).getUTCDay();
}

/**
 * The first instant of `day` in the zone: usually local midnight; where a DST change skips
 * midnight, the first instant that exists. Found by bisection, so it holds for every zone rule.
 */
export function dayStart(day: string, timeZone?: TimeZone): number {
  const guess = dayUtc(day);
  let lo = guess - 15 * 3_600_000;
  let hi = guess + 15 * 3_600_000;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDay(mid, timeZone) < day) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The interval [from, to) cut at local midnights: milliseconds per day, in order. */
export function splitByDay(from: number, to: number, timeZone?: TimeZone): Array<{ day: string; ms: number }> {
  const out: Array<{ day: string; ms: number }> = [];
  let start = from;
  while (start < to) {
    const day = localDay(start, timeZone);
    const next = dayStart(addDays(day, 1), timeZone);
    const end = Math.min(to, next);
    out.push({ day, ms: end - start });
    start = end;
  }
  return out;
}
