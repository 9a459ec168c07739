import { describe, expect, it } from 'vitest';
import { loadHabitToday } from '../../../src/app/reading-habit';
import { DEVICE_ID_KEY } from '../../../src/db/device-id';
import { SYNC_ACCOUNT_KEY } from '../../../src/db/outbox-repo';
import { addReading } from '../../../src/db/reading-days-repo';
import { saveSettings } from '../../../src/db/settings-repo';
import { wipeDatabase } from '../../../src/db/wipe';
import { ReadingDaySchema } from '../../../src/domain/reading-day';
import type { ReviewLogEntry } from '../../../src/domain/review-log';
import { clearSyncState } from '../../../src/sync/state';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();
const MIN = 60_000;
const NOON = Date.UTC(2026, 11, 2, 12);
const delta = (activeMs: number, chars = 0, storiesFinished = 0) => ({ activeMs, chars, storiesFinished });

describe('this device’s reading-day rows', () => {
  it('add up on one row per day, keyed by day and this device’s id', async () => {
    await addReading(new Map([['2026-12-02', delta(3 * MIN, 40)]]), NOON);
    await addReading(new Map([['2026-12-02', delta(2 * MIN, 10, 1)], ['2026-12-03', delta(MIN)]]), NOON + 1);
    const rows = await db().readingDays.orderBy('day').toArray();
    const deviceId = (await db().syncState.get(DEVICE_ID_KEY))?.value;
    expect(rows.map((r) => [r.key, r.activeMs, r.chars, r.storiesFinished])).toEqual([
      [`2026-12-02|${deviceId}`, 5 * MIN, 50, 1],
      [`2026-12-03|${deviceId}`, MIN, 0, 0],
    ]);
    for (const row of rows) expect(ReadingDaySchema.safeParse(row).success).toBe(true);
  });

  it('are queued for sync in the same write while signed in, and not otherwise', async () => {
    await addReading(new Map([['2026-12-02', delta(MIN)]]), NOON);
    expect(await db().outbox.count()).toBe(0);
    await db().syncState.put({ key: SYNC_ACCOUNT_KEY, value: { url: 'https://x.supabase.co', userId: 'u' } });
    await addReading(new Map([['2026-12-02', delta(MIN)]]), NOON + 1);
    const [queued] = await db().outbox.toArray();
    expect(queued).toMatchObject({ table: 'reading_days', rowKey: (await db().readingDays.toArray())[0]?.key, deleted: false });
  });

  it('keep the device id through a sign-out; an emptied device mints a new one', async () => {
    await addReading(new Map([['2026-12-02', delta(MIN)]]), NOON);
    const first = (await db().syncState.get(DEVICE_ID_KEY))?.value;
    await clearSyncState();
    await addReading(new Map([['2026-12-02', delta(MIN)]]), NOON + 1);
    expect((await db().syncState.get(DEVICE_ID_KEY))?.value).toBe(first);
    await wipeDatabase();
    await addReading(new Map([['2026-12-02', delta(MIN)]]), NOON + 2);
    const second = (await db().syncState.get(DEVICE_ID_KEY))?.value;
    expect(typeof second).toBe('string');
    expect(second).not.toBe(first);
  });

  it('skip days with nothing to add', async () => {
    await addReading(new Map([['2026-12-02', delta(0)]]), NOON);
    expect(await db().readingDays.count()).toBe(0);
  });
});

describe('Home’s today', () => {
  const row = (day: string, deviceId: string, activeMs: number) => ({ key: `${day}|${deviceId}`, day, deviceId, activeMs, chars: 0, storiesFinished: 0, updatedAt: NOON });

  it('sums every device’s rows toward the goal and counts the streak', async () => {
    await db().readingDays.bulkPut([row('2026-12-01', 'phone', 10 * MIN), row('2026-12-02', 'phone', 4 * MIN), row('2026-12-02', 'laptop', 3 * MIN)]);
    const today = await loadHabitToday(NOON, 'UTC');
    expect(today).toMatchObject({ today: '2026-12-02', goal: { kind: 'minutes', amount: 10 }, progress: { done: 7, met: false }, streak: 1 });
    await addReading(new Map([['2026-12-02', delta(3 * MIN)]]), NOON);
    expect(await loadHabitToday(NOON, 'UTC')).toMatchObject({ progress: { done: 10, share: 1, met: true }, streak: 2 });
  });

  it('with a reviews goal, counts the log’s reviews less those undone, back as far as the streak goes', async () => {
    await saveSettings({ goalKind: 'reviews', goalAmount: 2 });
    const entries: ReviewLogEntry[] = [];
    // 20 days in a row with two reviews each, further back than the first window of 8 days.
    for (let d = 0; d < 20; d++) {
      const at = NOON - d * 86_400_000;
      entries.push({ id: crypto.randomUUID(), cardKey: '雨|あめ', kind: 'review', rating: 3, reviewedAt: at });
      entries.push({ id: crypto.randomUUID(), cardKey: '傘|かさ', kind: 'review', rating: 3, reviewedAt: at + 1 });
    }
    const undone = entries[0]!;
    entries.push({ id: crypto.randomUUID(), cardKey: '雨|あめ', kind: 'undo', target: undone.id, reviewedAt: NOON + 2 });
    await db().reviewLogs.bulkPut(entries);
    expect(await loadHabitToday(NOON, 'UTC')).toMatchObject({ goal: { kind: 'reviews', amount: 2 }, progress: { done: 1, met: false }, streak: 19 });
  });
});
