import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { getDb } from '../../../src/db/database';
import { putStories } from '../../../src/db/stories-repo';
import { setWordState } from '../../../src/db/words-repo';
import { loadSyncView } from '../../../src/sync/status';
import { mintFakeGoogleKey } from '../../support/fake-key';
import { makeStory, storyId, T0 } from '../../support/fixtures/library';
import { card, resetAll, review, writeReviews } from '../../support/fixtures/review-sync';
import { startSupabaseFront } from '../../support/supabase';
import { useSyncProject } from './harness';

/**
 * Spaced review between devices (issue 15), with the real sync code against real Postgres behind
 * the Supabase front: the review log is append-only, so two devices that reviewed the same card
 * offline both end with every entry, and the cached card of every card that got new entries is
 * dropped so the Review page replays it from the log; an entry this version cannot read changes
 * nothing; and a project without the new migration still syncs everything else.
 */
const project = useSyncProject();

type Db = ReturnType<typeof getDb>;
const RAIN = '雨|あめ';
const UMBRELLA = '傘|かさ';

const ids = async (device: { db: Db }) => (await device.db.reviewLogs.toCollection().primaryKeys()).sort();
const cardKeys = async (device: { db: Db }) => (await device.db.cards.toCollection().primaryKeys()).sort();

/** The learner's entries as the server stores them (as the database owner). */
const serverEntries = (email: string) =>
  project.db.exclusive(async (pg) => {
    const sql = `select r.id, r.card_key from public.review_logs r join auth.users u on u.id = r.user_id where u.email = $1 order by r.id`;
    return (await pg.query<{ id: string; card_key: string }>(sql, [email])).rows;
  });

const userIdOf = async (device: { db: Db }): Promise<string> => {
  const account = (await device.db.syncState.get('sync-account'))?.value as { userId: string } | undefined;
  if (!account) throw new Error('the device is not signed in');
  return account.userId;
};

const serverInsert = (userId: string, id: string, cardKey: string, content: unknown) =>
  project.db.exclusive((pg) =>
    pg.query('insert into public.review_logs (user_id, id, card_key, content) values ($1, $2, $3, $4::jsonb)', [userId, id, cardKey, JSON.stringify(content)]),
  );

describe('reviews follow the learner between devices', () => {
  it('two devices review the same card offline: both end with every entry, and replay that card', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.sync();
    const b = await project.syncedDevice('b', 'kumi@example.test');
    const onA = [review(RAIN, 3, T0), review(RAIN, 4, T0 + 2)];
    const onB = [review(RAIN, 1, T0 + 1), review(RAIN, 3, T0 + 3)];
    // Each device's Review page also cached both cards' schedules.
    await a.on(async () => {
      await writeReviews(...onA);
      await a.db.cards.bulkPut([card(RAIN), card(UMBRELLA)]);
    });
    await b.on(async () => {
      await writeReviews(...onB);
      await b.db.cards.bulkPut([card(RAIN), card(UMBRELLA)]);
    });

    expect((await a.sync()).push).toMatchObject({ sent: 2, rejected: 0 });
    const pulledOnB = await b.sync();
    expect(pulledOnB.pull?.review_logs).toMatchObject({ applied: 2, rejected: [] });
    expect(pulledOnB.push).toMatchObject({ sent: 2, rejected: 0 });
    expect((await a.sync()).pull?.review_logs).toMatchObject({ applied: 2, rejected: [] });

    const all = [...onA, ...onB].map((e) => e.id).sort();
    for (const device of [a, b]) {
      expect(await ids(device)).toEqual(all);
      expect(await cardKeys(device)).toEqual([UMBRELLA]); // the reviewed card is replayed from the log
      expect(await device.db.outbox.count()).toBe(0); // a pulled entry is never queued again
    }
    expect((await serverEntries('kumi@example.test')).map((e) => e.id)).toEqual(all);
    // Nothing new: the next syncs neither apply nor drop anything.
    await b.on(() => b.db.cards.put(card(RAIN)));
    expect((await b.sync()).pull?.review_logs.applied).toBe(0);
    expect(await cardKeys(b)).toEqual([RAIN, UMBRELLA].sort());
  });

  it('entries made before sign-in are sent; a device’s own entries never come back as new', async () => {
    const a = await project.device('a');
    const entries = [review(RAIN, 3), review(UMBRELLA, 2)];
    await a.on(() => writeReviews(...entries));
    await a.signUp('kumi@example.test');
    expect((await a.sync()).push).toMatchObject({ sent: 2, rejected: 0 });
    await a.on(() => a.db.cards.put(card(RAIN)));
    expect((await a.sync()).pull?.review_logs).toMatchObject({ applied: 0 });
    expect(await cardKeys(a)).toEqual([RAIN]);
    expect((await serverEntries('kumi@example.test')).map((e) => e.card_key).sort()).toEqual([RAIN, UMBRELLA].sort());
  });

  it('a reset of every card made on one device drops every cached card on the other', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.on(() => writeReviews(review(RAIN, 3)));
    await a.sync();
    const b = await project.syncedDevice('b', 'kumi@example.test');
    await b.on(() => b.db.cards.bulkPut([card(RAIN), card(UMBRELLA)]));
    await a.on(() => writeReviews(resetAll(T0 + 10)));
    await a.sync();
    expect((await b.sync()).pull?.review_logs.applied).toBe(1);
    expect(await cardKeys(b)).toEqual([]);
    expect(await b.db.reviewLogs.count()).toBe(2); // the reset hides older entries, it deletes none
  });

  it('an entry that is on the server already is not sent again from a second device', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    const entry = review(RAIN, 3);
    await a.on(() => writeReviews(entry));
    await a.sync();
    // The same entry reached B another way (a backup) and is queued there.
    const b = await project.device('b');
    await b.on(() => writeReviews(entry));
    await b.signIn('kumi@example.test');
    expect((await b.sync()).push).toMatchObject({ sent: 0, rejected: 0 });
    expect(await serverEntries('kumi@example.test')).toEqual([{ id: entry.id, card_key: RAIN }]);
  });

  it('pages of entries under a project’s low "Max rows" bring every entry', async () => {
    const front = await startSupabaseFront({ db: project.db, maxRows: 3 });
    try {
      const a = await project.device('a', front);
      await a.signUp('kumi@example.test');
      const entries = Array.from({ length: 10 }, (_, i) => review(i % 2 ? RAIN : UMBRELLA, 3, T0 + i));
      await a.on(() => writeReviews(...entries));
      expect((await a.sync()).push?.sent).toBe(10);
      const b = await project.device('b', front);
      await b.signIn('kumi@example.test');
      expect((await b.sync()).pull?.review_logs).toMatchObject({ transferred: 10, applied: 10 });
      expect(await ids(b)).toEqual(entries.map((e) => e.id).sort());
      const pages = front.requests.filter((r) => r.method === 'GET' && r.path === '/rest/v1/review_logs');
      expect(pages.length).toBeGreaterThan(4); // four short pages, then the empty one
    } finally {
      await front.close();
    }
  });

  it('another learner pulls none of them', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.on(() => writeReviews(review(RAIN, 3)));
    await a.sync();
    const c = await project.device('c');
    await c.signUp('ren@example.test');
    expect((await c.sync()).pull?.review_logs).toMatchObject({ transferred: 0, applied: 0 });
    expect(await c.db.reviewLogs.count()).toBe(0);
  });
});

describe('pulled entries this version cannot read', () => {
  it('are rejected with their reason and change nothing; a good one in the same page applies', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.sync();
    const user = await userIdOf(a);
    await a.on(() => a.db.cards.bulkPut([card(RAIN), card(UMBRELLA)]));
    const good = review(RAIN, 3);
    const noRating = { ...review(UMBRELLA, 3), rating: undefined };
    const badKind = { ...review(UMBRELLA, 3), kind: 'forget' };
    await serverInsert(user, good.id, RAIN, good);
    await serverInsert(user, noRating.id, UMBRELLA, noRating);
    await serverInsert(user, badKind.id, UMBRELLA, badKind);

    const report = await a.sync();
    expect(report.outcome).toBe('synced');
    const rejected = report.pull?.review_logs.rejected ?? [];
    expect(rejected.map((r) => r.key).sort()).toEqual([noRating.id, badKind.id].sort());
    expect(rejected.find((r) => r.key === noRating.id)?.reason).toMatch(/^A review this version cannot read \(rating: a review needs a rating/);
    expect(rejected.find((r) => r.key === badKind.id)?.reason).toMatch(/kind/);
    expect(await ids(a)).toEqual([good.id]);
    expect(await cardKeys(a)).toEqual([UMBRELLA]); // only the good entry's card is replayed
    expect(await a.db.outbox.count()).toBe(0);
  });
});

describe('pushed entries the server refuses', () => {
  it('an entry the server’s checks refuse is set aside with its reason, the others go, and Settings names its word', async () => {
    const apiKey = mintFakeGoogleKey();
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    const leaky = { ...review(RAIN, 3), note: apiKey }; // a loose entry: a newer version's field
    const fine = review(UMBRELLA, 3);
    await a.on(() => writeReviews(leaky, fine));
    expect((await a.sync()).push).toMatchObject({ sent: 1, rejected: 1 });
    expect(await serverEntries('kumi@example.test')).toEqual([{ id: fine.id, card_key: UMBRELLA }]);
    const [refused] = (await a.on(loadSyncView)).rejected;
    expect(refused?.label).toBe('Review: 雨 (あめ)');
    expect(refused?.message).toMatch(/checks refused.*review_logs_no_api_key/);
    expect(`${refused?.label} ${refused?.message}`).not.toContain(apiKey);
  });
});

// Last in the file: it drops the tables for the rest of this file's database.
describe('a project set up before the review tables existed', () => {
  const rollback = readFileSync(fileURLToPath(new URL('../../../supabase/rollback/20261218000000_review_and_habit.down.sql', import.meta.url)), 'utf8');

  it('still syncs stories and words, says to apply the migrations, and keeps the reviews to send later', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.sync();
    await project.db.exclusive((pg) => pg.exec(rollback));
    await a.on(async () => {
      await putStories([makeStory(1)]);
      await setWordState(RAIN, 'learning', { storyId: storyId(1), segment: 0, at: T0 });
      await writeReviews(review(RAIN, 3));
    });
    const report = await a.sync();
    expect(report.outcome).toBe('failed');
    expect(report.error).toMatch(/supabase\/migrations.*review_logs/);
    expect(await project.serverStories('kumi@example.test')).toEqual([{ id: storyId(1), deleted: false }]);
    expect((await a.db.outbox.toArray()).map((r) => r.table)).toEqual(['review_logs']);

    // A new device's first sync gets everything the older tables hold.
    const b = await project.device('b');
    await b.signIn('kumi@example.test');
    expect((await b.sync()).outcome).toBe('failed');
    expect(await b.db.words.get(RAIN)).toMatchObject({ state: 'learning' });
    expect(await b.db.stories.get(storyId(1))).toBeDefined();
  });
});
