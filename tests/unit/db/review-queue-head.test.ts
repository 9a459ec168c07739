import { describe, expect, it } from 'vitest';
import { dueCount } from '../../../src/db/review-due';
import { ensureCards, QUEUE_PAGE, reviewQueue, reviewQueueHead } from '../../../src/db/review-repo';
import { saveSettings } from '../../../src/db/settings-repo';
import { setWordState } from '../../../src/db/words-repo';
import type { ReviewCard } from '../../../src/domain/review-card';
import { scheduler } from '../../../src/domain/review-schedule';
import { useTestDb } from '../../support/test-db';

/**
 * The Review page's first read with thousands of cards due reads only a page of them, in the same
 * order as the whole queue, and leaves the count for after the first card is drawn.
 */
const db = useTestDb();
const f = scheduler({});
const STORY = '22222222-2222-4222-8222-222222222222';
const DAY = 86_400_000;
const T0 = new Date(2026, 0, 5, 9).getTime();
const key = (i: number) => `語${i}|ご${i}`;

async function learnWords(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await setWordState(key(i), 'learning', { storyId: STORY, segment: 0, at: T0 - 10 * DAY + i });
  await ensureCards(f);
}

/** Makes the first `count` cards reviewed ones, due at staggered times before T0 (later keys due sooner). */
async function makeDue(count: number): Promise<void> {
  const cards = (await db().cards.bulkGet(Array.from({ length: count }, (_, i) => key(i)))) as ReviewCard[];
  await db().cards.bulkPut(cards.map((c, i) => ({ ...c, reps: 1, due: T0 - DAY - (count - i) * 1000 })));
}

describe('reviewQueueHead', () => {
  it('with more reviews due than a page, gives the whole queue’s first page and leaves the count open', async () => {
    await learnWords(QUEUE_PAGE + 15);
    await makeDue(QUEUE_PAGE + 10);
    const head = await reviewQueueHead(T0);
    expect(head.more).toBeUndefined();
    expect(head.cards.map((c) => c.key)).toEqual((await reviewQueue(T0)).slice(0, QUEUE_PAGE).map((c) => c.key));
    expect(await dueCount(T0)).toBe(QUEUE_PAGE + 15);
  });

  it('with fewer, adds the new cards the day allows and counts exactly what is left', async () => {
    await learnWords(30);
    await makeDue(5);
    const head = await reviewQueueHead(T0);
    const whole = await reviewQueue(T0);
    expect(head.cards.map((c) => c.key)).toEqual(whole.slice(0, QUEUE_PAGE).map((c) => c.key));
    expect(head.cards.slice(0, 5).every((c) => c.reps === 1)).toBe(true);
    // 5 reviews + 20 new cards (the default daily limit) are due; a page holds 20.
    expect(head.more).toBe(whole.length - QUEUE_PAGE);
    expect(whole.length).toBe(25);
  });

  it('leaves out a card whose word stopped being learned before any reconcile dropped it', async () => {
    await learnWords(3);
    await makeDue(3);
    await setWordState(key(0), 'known', { storyId: STORY, segment: 0, at: T0 });
    const head = await reviewQueueHead(T0);
    expect(head.cards.map((c) => c.key)).toEqual([key(1), key(2)]);
  });
});

describe('a change of the scheduling settings', () => {
  it('drops every cached card, so the next reconcile replays them with the new parameters; other settings keep them', async () => {
    await learnWords(3);
    await makeDue(3);
    await saveSettings({ theme: 'dark' });
    expect(await db().cards.count()).toBe(3);
    await saveSettings({ reviewRetention: 0.8 });
    expect(await db().cards.count()).toBe(0);
    expect((await ensureCards(f)).added).toBe(3);
  });
});
