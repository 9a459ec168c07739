import { z } from 'zod';
import { EpochMsSchema } from './untrusted-text';

/**
 * The reading habit (issue 15): one row per (local calendar day, device). Each device writes only
 * its own rows, so rows never conflict and the displays sum them: stats from several devices add
 * up after sync. `key` is `${day}|${deviceId}`, the row's id in IndexedDB, the outbox and the server.
 */
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const DEVICE_ID_MAX = 64;

const Count = z.int().min(0).max(1_000_000_000);

export const ReadingDaySchema = z
  .looseObject({
    key: z.string().min(12).max(11 + DEVICE_ID_MAX),
    /** The learner's local calendar day, `YYYY-MM-DD`. */
    day: z.string().regex(DAY_PATTERN, 'a day is YYYY-MM-DD'),
    deviceId: z.string().min(1).max(DEVICE_ID_MAX),
    /** Milliseconds actively reading (story visible, learner active; idle time capped). */
    activeMs: Count,
    /** Characters of Japanese read. */
    chars: Count,
    storiesFinished: Count,
    updatedAt: EpochMsSchema,
  })
  .refine((row) => row.key === readingDayKey(row.day, row.deviceId), 'key is not day|deviceId');

export type ReadingDay = z.infer<typeof ReadingDaySchema>;

export function readingDayKey(day: string, deviceId: string): string {
  return `${day}|${deviceId}`;
}
