import { describe, expect, it } from 'vitest';
import { applyImport, exportLibraryFile, planLibraryImport } from '../../../src/db/backup-repo';
import { putStories } from '../../../src/db/stories-repo';
import type { ImportPlan, ReadyImportPlan } from '../../../src/domain/backup/plan-import';
import type { ReadingDay } from '../../../src/domain/reading-day';
import type { ReviewLogEntry } from '../../../src/domain/review-log';
import { dumpDb } from '../../support/fixtures/db-dump';
import { makeStory, T0 } from '../../support/fixtures/library';
import { card, readingDay, resetAll, review } from '../../support/fixtures/review-sync';
import { useTestDb } from '../../support/test-db';
import { SIGNED_IN } from '../sync/fake-rest';

/**
 * Backups carry the review log and the days of reading (issue 15), never the cached card
 * schedules: an import adds the log entries this device lacks and never overwrites one it has,
 * drops the cached cards those entries name (the Review page replays them from the log), takes a
 * day of reading only where newer, and rejects a malformed entry with its reason.
 */
const db = useTestDb();
const RAIN = '雨|あめ';
const UMBRELLA = '傘|かさ';
const DAY = '2026-12-01';

function ready(plan: ImportPlan): ReadyImportPlan {
  if (!plan.ok) throw new Error(plan.message);
  return plan;
}

const cardKeys = async () => (await db().cards.toCollection().primaryKeys()).sort();
const importText = async (file: unknown, at = T0 + 20) => {
  const plan = ready(await planLibraryImport(JSON.stringify(file), at));
  return { plan, result: await applyImport(plan, at) };
};

/** A library with a story, two reviews, two cached cards and two days of reading, exported; then the device is emptied. */
async function exportedFile(): Promise<{ file: Record<string, unknown>; entries: ReviewLogEntry[]; days: ReadingDay[] }> {
  await putStories([makeStory(1)]);
  const entries = [review(RAIN, 3, T0), review(RAIN, 1, T0 + 1)];
  const days = [readingDay(DAY, 'dev-a', 600_000), readingDay(DAY, 'dev-b', 300_000)];
  await db().reviewLogs.bulkPut(entries);
  await db().readingDays.bulkPut(days);
  await db().cards.bulkPut([card(RAIN), card(UMBRELLA)]);
  const file = JSON.parse((await exportLibraryFile(T0 + 10, '0.1.0')).text) as Record<string, unknown>;
  await Promise.all(db().tables.map((t) => t.clear()));
  return { file, entries, days };
}

describe('backups carry the review log and the days of reading', () => {
  it('exports every entry and day, never the cached cards, and gives them back on a fresh device', async () => {
    const { file, entries, days } = await exportedFile();
    expect(file.reviewLogs).toEqual(expect.arrayContaining(entries));
    expect(file.readingDays).toEqual(expect.arrayContaining(days));
    expect(JSON.stringify(file)).not.toContain('"fsrs"');
    expect(Object.keys(file)).not.toContain('cards');
    const { result } = await importText(file);
    expect(result).toMatchObject({ added: 1, reviews: 2, readingDays: 2 });
    expect(await db().reviewLogs.count()).toBe(2);
    expect((await db().readingDays.where('day').equals(DAY).toArray()).reduce((ms, d) => ms + d.activeMs, 0)).toBe(900_000);
  });

  it('adds only the entries this device lacks, never overwrites one it has, and drops the cards they name', async () => {
    const { file, entries } = await exportedFile();
    const [first, second] = entries as [ReviewLogEntry, ReviewLogEntry];
    const mine = { ...first, rating: 4 as const }; // the same id, another grade: this device's stays
    await db().reviewLogs.put(mine);
    await db().cards.bulkPut([card(RAIN), card(UMBRELLA)]);
    const { plan, result } = await importText(file);
    expect(plan.reviewLogs.map((e) => e.id)).toEqual([second.id]);
    expect(result.reviews).toBe(1);
    expect(await db().reviewLogs.get(first.id)).toEqual(mine);
    expect(await db().reviewLogs.get(second.id)).toEqual(second);
    expect(await cardKeys()).toEqual([UMBRELLA]);

    // The same file again has nothing left to add, and leaves the replayed cards alone.
    await db().cards.put(card(RAIN));
    const again = ready(await planLibraryImport(JSON.stringify(file), T0 + 30));
    expect([again.reviewLogs, again.readingDays]).toEqual([[], []]);
    expect(await applyImport(again, T0 + 30)).toMatchObject({ reviews: 0, readingDays: 0 });
    expect(await cardKeys()).toEqual([RAIN, UMBRELLA].sort());
  });

  it('a reset of every card in the file drops every cached card', async () => {
    const { file } = await exportedFile();
    await db().cards.bulkPut([card(RAIN), card(UMBRELLA)]);
    await importText({ ...file, reviewLogs: [resetAll(T0 + 5)] });
    expect(await cardKeys()).toEqual([]);
  });

  it('keeps the newer day of reading: an old file never takes back minutes read since', async () => {
    const { file } = await exportedFile();
    await db().readingDays.put(readingDay(DAY, 'dev-a', 900_000, T0 + 50));
    const { plan } = await importText(file);
    expect(plan.readingDays.map((d) => d.key)).toEqual([`${DAY}|dev-b`]);
    expect((await db().readingDays.get(`${DAY}|dev-a`))?.activeMs).toBe(900_000);
    const newer = { ...file, readingDays: [readingDay(DAY, 'dev-a', 1_200_000, T0 + 60)] };
    expect((await importText(newer)).result.readingDays).toBe(1);
    expect((await db().readingDays.get(`${DAY}|dev-a`))?.activeMs).toBe(1_200_000);
  });

  it('rejects a malformed entry or day with its reason, counted in the report, and changes nothing else', async () => {
    const { file, entries, days } = await exportedFile();
    const [good] = entries as [ReviewLogEntry];
    file.reviewLogs = [good, { ...good, id: 'not-a-uuid' }, { ...review(RAIN, 3), rating: 7 }];
    file.readingDays = [{ ...days[0], key: `${DAY}|someone-else` }, days[1]];
    await db().cards.bulkPut([card(UMBRELLA)]);
    const { plan, result } = await importText(file);
    expect(plan.rejectedReviewLogs).toEqual([
      { index: 1, reason: expect.stringMatching(/^Entry 2 in “reviewLogs” was skipped \(id: /) },
      { index: 2, reason: expect.stringMatching(/^Entry 3 in “reviewLogs” was skipped \(rating: /) },
    ]);
    expect(plan.rejectedReadingDays).toEqual([{ index: 0, reason: expect.stringMatching(/^Entry 1 in “readingDays” was skipped \(key is not day\|deviceId\)/) }]);
    expect(plan.notes).toEqual([...plan.rejectedReviewLogs, ...plan.rejectedReadingDays].map((r) => r.reason));
    expect(result).toMatchObject({ added: 1, reviews: 1, readingDays: 1 });
    expect(await db().reviewLogs.toArray()).toEqual([good]);
    expect(await cardKeys()).toEqual([UMBRELLA]);
  });

  it('skips lists that are not lists, and loads a file made before reviews without touching them', async () => {
    const { file } = await exportedFile();
    const odd = ready(await planLibraryImport(JSON.stringify({ ...file, reviewLogs: { a: 1 }, readingDays: 'x' }), T0 + 20));
    expect(odd.rejectedReviewLogs).toEqual([{ index: -1, reason: expect.stringContaining('not a list') }]);
    expect(odd.rejectedReadingDays).toEqual([{ index: -1, reason: expect.stringContaining('not a list') }]);
    const { reviewLogs: _r, readingDays: _d, ...older } = file;
    await db().cards.put(card(RAIN));
    const before = await dumpDb(db());
    const olderPlan = ready(await planLibraryImport(JSON.stringify(older), T0 + 20));
    expect(olderPlan).toMatchObject({ reviewLogs: [], rejectedReviewLogs: [], readingDays: [], rejectedReadingDays: [], notes: [] });
    expect(await dumpDb(db())).toEqual(before);
    expect(await applyImport(olderPlan, T0 + 20)).toMatchObject({ added: 1, reviews: 0, readingDays: 0 });
    expect(await cardKeys()).toEqual([RAIN]);
  });

  it('while signed in, queues for sync exactly what it added', async () => {
    const { file, entries } = await exportedFile();
    await db().syncState.put(SIGNED_IN);
    await db().reviewLogs.put(entries[0]!);
    await importText(file);
    const queued = (await db().outbox.toArray()).filter((r) => r.table === 'review_logs' || r.table === 'reading_days');
    expect(queued.map((r) => [r.table, r.rowKey]).sort()).toEqual(
      [['review_logs', entries[1]!.id], ['reading_days', `${DAY}|dev-a`], ['reading_days', `${DAY}|dev-b`]].sort(),
    );
  });
});
