import { describe, expect, it } from 'vitest';
import type { getDb } from '../../../src/db/database';
import { loadSyncView } from '../../../src/sync/status';
import { T0 } from '../../support/fixtures/library';
import { readingDay, writeDays } from '../../support/fixtures/review-sync';
import { startSupabaseFront } from '../../support/supabase';
import { useSyncProject } from './harness';

/**
 * The reading habit between devices (issue 15): each device writes its own (day, device) rows, so
 * after sync every device has every device's rows and the day's totals add up; a row of this
 * device's own id comes from the server only when newer; a row this version cannot read changes
 * nothing.
 */
const project = useSyncProject();

type Db = ReturnType<typeof getDb>;
const DAY = '2026-12-01';

/** What a day's display sums: every device's row of that day. */
const minutesOn = async (device: { db: Db }, day: string) =>
  (await device.db.readingDays.where('day').equals(day).toArray()).reduce((ms, row) => ms + row.activeMs, 0) / 60_000;

const userIdOf = async (device: { db: Db }): Promise<string> => {
  const account = (await device.db.syncState.get('sync-account'))?.value as { userId: string } | undefined;
  if (!account) throw new Error('the device is not signed in');
  return account.userId;
};

const serverUpsert = (userId: string, key: string, content: unknown) =>
  project.db.exclusive((pg) =>
    pg.query('insert into public.reading_days (user_id, key, content) values ($1, $2, $3::jsonb) on conflict (user_id, key) do update set content = excluded.content', [
      userId,
      key,
      JSON.stringify(content),
    ]),
  );

describe('days of reading add up across devices', () => {
  it('two devices reading on the same day each see both rows, and the minutes add up', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.sync();
    const b = await project.syncedDevice('b', 'kumi@example.test');
    await a.on(() => writeDays(readingDay(DAY, 'dev-a', 10 * 60_000), readingDay('2026-11-30', 'dev-a', 5 * 60_000)));
    await b.on(() => writeDays(readingDay(DAY, 'dev-b', 7 * 60_000)));
    await a.sync();
    await b.sync();
    await a.sync();
    for (const device of [a, b]) {
      expect(await minutesOn(device, DAY)).toBe(17);
      expect(await minutesOn(device, '2026-11-30')).toBe(5);
      expect(await device.db.outbox.count()).toBe(0);
    }
  });

  it('a device’s later minutes on the same day replace its earlier row everywhere', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.on(() => writeDays(readingDay(DAY, 'dev-a', 60_000, T0)));
    await a.sync();
    const b = await project.syncedDevice('b', 'kumi@example.test');
    await a.on(() => writeDays(readingDay(DAY, 'dev-a', 3 * 60_000, T0 + 1)));
    await a.sync();
    expect((await b.sync()).pull?.reading_days.applied).toBe(1);
    expect(await minutesOn(b, DAY)).toBe(3);
  });

  it('this device’s own row comes from the server only when newer; an older one is replaced by this device’s', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.sync();
    const user = await userIdOf(a);
    // This device's row, newer than the server's copy (which an older backup restored elsewhere).
    await a.on(() => a.db.readingDays.put(readingDay(DAY, 'dev-a', 9 * 60_000, T0 + 50)));
    await serverUpsert(user, `${DAY}|dev-a`, readingDay(DAY, 'dev-a', 60_000, T0));
    // And a row of another day the server has newer (a reinstall restored this device's old copy).
    await a.on(() => a.db.readingDays.put(readingDay('2026-11-30', 'dev-a', 60_000, T0)));
    await serverUpsert(user, `2026-11-30|dev-a`, readingDay('2026-11-30', 'dev-a', 4 * 60_000, T0 + 50));
    const report = await a.sync();
    expect(report.pull?.reading_days).toMatchObject({ applied: 1, rejected: [] });
    expect(report.push?.sent).toBe(1);
    expect([await minutesOn(a, DAY), await minutesOn(a, '2026-11-30')]).toEqual([9, 4]);
    const b = await project.syncedDevice('b', 'kumi@example.test');
    expect([await minutesOn(b, DAY), await minutesOn(b, '2026-11-30')]).toEqual([9, 4]);
  });

  it('pages of days under a project’s low "Max rows" bring every day', async () => {
    const front = await startSupabaseFront({ db: project.db, maxRows: 4 });
    try {
      const a = await project.device('a', front);
      await a.signUp('kumi@example.test');
      const days = Array.from({ length: 9 }, (_, i) => readingDay(`2026-11-${String(i + 10)}`, 'dev-a', 60_000));
      await a.on(() => writeDays(...days));
      expect((await a.sync()).push?.sent).toBe(9);
      const b = await project.device('b', front);
      await b.signIn('kumi@example.test');
      expect((await b.sync()).pull?.reading_days).toMatchObject({ transferred: 9, applied: 9 });
      expect((await b.db.readingDays.toCollection().primaryKeys()).sort()).toEqual(days.map((d) => d.key).sort());
    } finally {
      await front.close();
    }
  });
});

describe('days of reading that cannot be applied or sent as they are', () => {
  it('a pulled row this version cannot read is rejected with its reason and changes nothing', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.on(() => writeDays(readingDay(DAY, 'dev-a', 60_000)));
    await a.sync();
    const user = await userIdOf(a);
    await serverUpsert(user, `${DAY}|dev-a`, { ...readingDay(DAY, 'dev-a', -5, T0 + 9) });
    await serverUpsert(user, `${DAY}|dev-b`, readingDay(DAY, 'dev-b', 2 * 60_000));
    const report = await a.sync();
    expect(report.pull?.reading_days.rejected).toEqual([{ key: `${DAY}|dev-a`, reason: expect.stringMatching(/^A day of reading this version cannot read \(activeMs: /) }]);
    expect(await minutesOn(a, DAY)).toBe(3);
  });

  it('a row the server refuses is set aside, and Settings names its day', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.on(() => writeDays(readingDay(DAY, 'dev-a', 60_000, T0, { api_key: 'x' } as never), readingDay(DAY, 'dev-b', 60_000)));
    expect((await a.sync()).push).toMatchObject({ sent: 1, rejected: 1 });
    const [refused] = (await a.on(loadSyncView)).rejected;
    expect(refused?.label).toBe(`Reading time on ${DAY}`);
    expect(refused?.message).toMatch(/reading_days_no_api_key/);
  });
});
