import type { ReadingDay } from '../domain/reading-day';
import { getDb } from './database';
import { deviceIdIn } from './device-id';
import { queueChange } from './outbox-repo';

/**
 * The reading habit's day rows (issue 15): each device writes only its own row per local day
 * (`${day}|${deviceId}`), adding to it, and queues it for sync in the same transaction (a no-op
 * unless signed in). Rows of other devices arrive by sync and are only read: displays sum all
 * devices' rows for a day (src/domain/reading-habit.ts).
 */
export interface DayDelta {
  activeMs: number;
  chars: number;
  storiesFinished: number;
}

/** Adds what this device read to its row of each day; days with nothing to add are skipped. */
export async function addReading(deltas: ReadonlyMap<string, DayDelta>, now = Date.now()): Promise<void> {
  const changes = [...deltas].filter(([, d]) => d.activeMs > 0 || d.chars > 0 || d.storiesFinished > 0);
  if (changes.length === 0) return;
  const db = getDb();
  await db.transaction('rw', [db.readingDays, db.outbox, db.syncState], async () => {
    const deviceId = await deviceIdIn(db);
    for (const [day, delta] of changes) {
      const key = `${day}|${deviceId}`;
      const previous = await db.readingDays.get(key);
      const row: ReadingDay = {
        ...previous,
        key,
        day,
        deviceId,
        activeMs: (previous?.activeMs ?? 0) + Math.round(delta.activeMs),
        chars: (previous?.chars ?? 0) + delta.chars,
        storiesFinished: (previous?.storiesFinished ?? 0) + delta.storiesFinished,
        updatedAt: Math.max(now, (previous?.updatedAt ?? -1) + 1),
      };
      await db.readingDays.put(row);
      await queueChange(db, 'reading_days', key, false);
    }
  });
}

/** Every device's rows from `fromDay` on (all rows when omitted). */
export function readingDaysFrom(fromDay?: string): Promise<ReadingDay[]> {
  const table = getDb().readingDays;
  return fromDay ? table.where('day').aboveOrEqual(fromDay).toArray() : table.toArray();
}
