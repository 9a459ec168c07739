import { LEVELS, type Level } from '../levels';

/**
 * Small readers for the loosely typed values the older app wrote. It stored whatever the browser
 * gave it (dates as ISO strings or epoch ms, reading times as "3 min"), so each is read leniently
 * here and the result is validated by the real schema afterwards.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Ids before 2000-01-01 are not real timestamps (e.g. a hand-written `gen-1`). */
const EARLIEST_PLAUSIBLE_MS = Date.UTC(2000, 0, 1);

/** Epoch ms from a number, a numeric string or an ISO date string; null when it is none of those. */
export function timestampMs(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
  if (typeof value !== 'string' || !value.trim()) return null;
  const numeric = Number(value);
  if (Number.isFinite(numeric)) return numeric >= 0 ? Math.round(numeric) : null;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) || parsed < 0 ? null : parsed;
}

/** `gen-1700000000000` → 1700000000000: the older app named generated stories by their birth time. */
export function msFromGenId(id: string | null): number | null {
  const match = id ? /^gen-(\d+)$/.exec(id) : null;
  if (!match) return null;
  const ms = Number(match[1]);
  return Number.isSafeInteger(ms) && ms >= EARLIEST_PLAUSIBLE_MS ? ms : null;
}

/** Case-insensitive level match ("n5", "beginner"); anything else is returned as is, to be rejected. */
export function normalizeLevel(value: unknown): Level | unknown {
  if (typeof value !== 'string') return value;
  const wanted = value.trim().toLowerCase();
  return LEVELS.find((level) => level.toLowerCase() === wanted) ?? value;
}

/** Minutes from `3`, `"3"` or `"3 min"`; null when no number can be read. */
export function minutesFrom(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  if (typeof value !== 'string') return null;
  const match = /\d+(?:\.\d+)?/.exec(value);
  return match ? Number(match[0]) : null;
}
