import { describe, expect, it } from 'vitest';
import { SYNC_ACCOUNT_KEY } from '../../../src/db/outbox-repo';
import { dueCount, nextDueAt } from '../../../src/db/review-due';
import { ensureCards, gradeCard, reviewQueue, undoGrade } from '../../../src/db/review-repo';
import { resetAllReviews, resetCard } from '../../../src/db/review-resets';
import { setWordState } from '../../../src/db/words-repo';
import { saveSettings } from '../../../src/db/settings-repo';
import type { ReviewLogEntry } from '../../../src/domain/review-log';
import { scheduler } from '../../../src/domain/review-schedule';
import { makeWordKey } from '../../../src/domain/words';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();
const f = scheduler({});
const STORY = '22222222-2222-4222-8222-222222222222';
const MIN = 60_000;
const DAY = 86_400_000;
const T0 = new Date(2026, 0, 5, 9).getTime();
const keys = ['猫|ねこ', '犬|いぬ', '鳥|とり', '魚|さかな'].map((k) => makeWordKey(...(k.split('|') as [string, string])));
const [CAT, DOG, BIRD, FISH] = keys as [string, string, string, string];

async function learn(...words: string[]): Promise<void> {
  for (const [i, key] of words.entries()) await setWordState(key, 'learning', { storyId: STORY, segment: 0, at: T0 - DAY + i });
}

describe('review repo', () => {
  it('gives every learning word a card, new and due, and drops the cards of words no longer learned', async () => {
    await learn(CAT, DOG);
    expect(await dueCount(T0)).toBe(2);
    expect(await ensureCards(f)).toEqual({ added: 2, removed: 0, rejected: 0 });
    expect((await reviewQueue(T0)).map((c) => c.key)).toEqual([CAT, DOG]);

    await setWordState(DOG, 'known', { storyId: STORY, segment: 0, at: T0 });
    expect(await dueCount(T0)).toBe(1);
    expect(await ensureCards(f)).toEqual({ added: 0, removed: 1, rejected: 0 });
    expect(await db().cards.get(DOG)).toBeUndefined();
  });

  it('grades, schedules, undoes and queues each entry for sync', async () => {
    await db().syncState.put({ key: SYNC_ACCOUNT_KEY, value: { url: 'https://x.supabase.co', userId: 'me', email: 'me@example.test', since: 0 } });
    await learn(CAT);
    await ensureCards(f);
    const first = await gradeCard(CAT, 3, f, T0);
    expect(first.card.reps).toBe(1);
    expect(first.card.due).toBeGreaterThan(T0);
    expect(await reviewQueue(T0 + 1)).toEqual([]);
    expect(await nextDueAt(T0)).toBe(first.card.due);

    const again = await gradeCard(CAT, 1, f, T0 + 20 * MIN);
    const back = await undoGrade(again.entry, f, T0 + 21 * MIN);
    expect(back).toEqual(first.card);
    const queued = await db().outbox.where('id').startsWith('review_logs:').toArray();
    expect(queued.map((o) => o.rowKey).sort()).toEqual((await db().reviewLogs.toCollection().primaryKeys()).sort());
    expect((await db().reviewLogs.toArray()).map((e) => e.kind).sort()).toEqual(['review', 'review', 'undo']);
  });

  it('a grade given while the clock is set back still counts as the newest and is never due in the past', async () => {
    await learn(CAT);
    await ensureCards(f);
    const first = await gradeCard(CAT, 3, f, T0 + DAY / 2);
    const late = await gradeCard(CAT, 4, f, T0);
    expect(late.entry.reviewedAt).toBeGreaterThan(first.entry.reviewedAt);
    expect(late.card.lastEntryId).toBe(late.entry.id);
    expect(late.card.due).toBeGreaterThan(T0 + DAY / 2);
  });

  it('an entry dated years ahead (a clock that ran fast) stays in the log but neither schedules the card nor is stamped after', async () => {
    await learn(CAT);
    await ensureCards(f);
    const ahead = await gradeCard(CAT, 4, f, T0 + 3 * 365 * DAY);
    const now = await gradeCard(CAT, 3, f, T0);
    expect(now.entry.reviewedAt).toBe(T0);
    expect(now.card.lastEntryId).toBe(now.entry.id);
    expect(now.card.due).toBeLessThan(T0 + 365 * DAY);
    expect(await db().reviewLogs.get(ahead.entry.id)).toEqual(ahead.entry);
  });

  it('limits new cards per day, counting the ones already started today', async () => {
    await saveSettings({ reviewNewPerDay: 2 });
    await learn(CAT, DOG, BIRD, FISH);
    await ensureCards(f);
    expect((await reviewQueue(T0)).map((c) => c.key)).toEqual([CAT, DOG]);
    expect(await dueCount(T0)).toBe(2);
    await gradeCard(CAT, 4, f, T0);
    // One new card started today: one more allowed, not two.
    expect((await reviewQueue(T0 + 1)).map((c) => c.key)).toEqual([DOG]);
    // The next local day allows two again, and CAT is not due yet.
    expect((await reviewQueue(T0 + DAY)).map((c) => c.key)).toEqual([DOG, BIRD]);
  });

  it('a card whose log changed elsewhere (its row deleted by sync) is replayed with every device’s grades', async () => {
    await learn(CAT);
    await ensureCards(f);
    const mine = await gradeCard(CAT, 3, f, T0);
    const theirs: ReviewLogEntry = { id: '99999999-9999-4999-8999-999999999999', cardKey: CAT, kind: 'review', rating: 3, reviewedAt: T0 + DAY };
    await db().reviewLogs.add(theirs);
    await db().cards.delete(CAT);
    await ensureCards(f);
    expect(await db().cards.get(CAT)).toMatchObject({ reps: 2, lastEntryId: theirs.id, firstReviewAt: mine.entry.reviewedAt });
  });

  it('an invalid pulled entry is set aside and the card keeps its schedule', async () => {
    await learn(CAT);
    await ensureCards(f);
    const { card } = await gradeCard(CAT, 3, f, T0);
    await db().reviewLogs.put({ id: '88888888-8888-4888-8888-888888888888', cardKey: CAT, kind: 'review', reviewedAt: T0 + DAY } as ReviewLogEntry);
    await db().cards.delete(CAT);
    expect(await ensureCards(f)).toEqual({ added: 1, removed: 0, rejected: 1 });
    expect(await db().cards.get(CAT)).toEqual(card);
  });

  it('resets one card or all of them without deleting the log', async () => {
    await learn(CAT, DOG);
    await ensureCards(f);
    await gradeCard(CAT, 3, f, T0);
    await gradeCard(DOG, 3, f, T0);
    await resetCard(CAT, T0 + MIN);
    await ensureCards(f);
    expect(await db().cards.get(CAT)).toMatchObject({ reps: 0 });
    expect(await db().cards.get(DOG)).toMatchObject({ reps: 1 });
    await resetAllReviews(T0 + 2 * MIN);
    await ensureCards(f);
    expect((await db().cards.toArray()).map((c) => c.reps)).toEqual([0, 0]);
    expect(await db().reviewLogs.count()).toBe(4);
  });
});
