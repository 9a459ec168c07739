import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { mintFakeGoogleKey } from '../../support/fake-key';
import { ANON_CLAIMS, userClaims } from '../../support/supabase';
import { useSupabaseProject } from '../../support/supabase-project';

/**
 * The review log and the reading days (issue 15) on a real Postgres shaped like Supabase: own rows
 * only; the log append-only (an entry once stored never changes nor goes, a re-push is a no-op that
 * does not even move the pull cursor); reading days last writer wins; no API key anywhere.
 */

let alice: string;
let bob: string;

const as = (userId: string, sql: string, params: unknown[] = []) =>
  project.db.asRequest(userClaims(userId), async (tx) => (await tx.query<Record<string, unknown>>(sql, params)).rows);

/** Reads as the superuser (RLS does not apply), to see what really is in the table. */
const all = (table: string) =>
  project.db.exclusive(async (pg) => (await pg.query<Record<string, unknown>>(`select * from public.${table} order by user_id`)).rows);

const CARD = '食べる|たべる';
const review = (rating: number, id = randomUUID()) => ({ id, cardKey: CARD, kind: 'review', rating, reviewedAt: 1_700_000_000_000 });

/** The push's upsert, as PostgREST runs `resolution=merge-duplicates`. */
const pushEntry = (userId: string, entry: { id: string; cardKey: string; [field: string]: unknown }) =>
  as(
    userId,
    `insert into public.review_logs (id, card_key, content) values ($1, $2, $3::jsonb)
     on conflict (user_id, id) do update set card_key = excluded.card_key, content = excluded.content`,
    [entry.id, entry.cardKey, JSON.stringify(entry)],
  );

const DAY_KEY = '2026-12-01|dev-a';
const day = (activeMs: number, updatedAt: number, key = DAY_KEY) => ({ key, day: key.slice(0, 10), deviceId: key.slice(11), activeMs, chars: 0, storiesFinished: 0, updatedAt });

const pushDay = (userId: string, content: { key: string }) =>
  as(
    userId,
    `insert into public.reading_days (key, content) values ($1, $2::jsonb)
     on conflict (user_id, key) do update set content = excluded.content`,
    [content.key, JSON.stringify(content)],
  );

const project = useSupabaseProject({ front: false });

beforeEach(async () => {
  alice = await project.db.createUser({ email: 'alice@example.test' });
  bob = await project.db.createUser({ email: 'bob@example.test' });
});

describe('review_logs and reading_days: a user reaches only their own rows', () => {
  it('each user reads only their own entries and days, even under the same ids', async () => {
    const entry = review(3);
    await pushEntry(alice, entry);
    await pushEntry(bob, { ...entry, rating: 1 });
    await pushDay(alice, day(60_000, 1));
    await pushDay(bob, day(5_000, 1));
    expect(await as(alice, 'select content from public.review_logs')).toEqual([{ content: entry }]);
    expect(await as(bob, `select content->>'rating' as rating from public.review_logs`)).toEqual([{ rating: '1' }]);
    expect(await as(alice, `select content->>'activeMs' as ms from public.reading_days`)).toEqual([{ ms: '60000' }]);
    expect(await all('review_logs')).toHaveLength(2);
    expect(await as(bob, `update public.reading_days set content = '{}' where user_id = $1 returning key`, [alice])).toEqual([]);
  });

  it('refuses a forged user_id, any delete, and anon altogether', async () => {
    await expect(as(alice, `insert into public.review_logs (user_id, id, card_key, content) values ($1, $2, 'x|x', '{}')`, [bob, randomUUID()])).rejects.toMatchObject({ code: '42501' });
    await expect(as(alice, `insert into public.reading_days (user_id, key, content) values ($1, $2, $3::jsonb)`, [bob, DAY_KEY, JSON.stringify(day(1, 1))])).rejects.toMatchObject({ code: '42501' });
    const entry = review(3);
    await pushEntry(alice, entry);
    await pushDay(alice, day(1, 1));
    await expect(as(alice, 'delete from public.review_logs where id = $1', [entry.id])).rejects.toMatchObject({ code: '42501' });
    await expect(as(alice, 'delete from public.reading_days')).rejects.toMatchObject({ code: '42501' });
    for (const table of ['review_logs', 'reading_days']) {
      await expect(project.db.asRequest(ANON_CLAIMS, (tx) => tx.query(`select * from public.${table}`))).rejects.toMatchObject({ code: '42501' });
    }
    expect([(await all('review_logs')).length, (await all('reading_days')).length]).toEqual([1, 1]);
  });

  it('deleting the auth user removes their entries and days (on delete cascade)', async () => {
    await pushEntry(alice, review(3));
    await pushDay(alice, day(1, 1));
    await project.db.exclusive((pg) => pg.query('delete from auth.users where id = $1', [alice]));
    expect([await all('review_logs'), await all('reading_days')]).toEqual([[], []]);
  });
});

describe('review_logs is append-only', () => {
  it('a re-push of the same entry is a no-op that leaves the pull cursor where it was', async () => {
    const entry = review(3);
    await pushEntry(alice, entry);
    const [before] = await as(alice, 'select updated_at::text as t from public.review_logs');
    await pushEntry(alice, entry);
    expect(await as(alice, 'select updated_at::text as t, content from public.review_logs')).toEqual([{ t: before?.t, content: entry }]);
  });

  it('a different content under the same id keeps the original, through an upsert or a plain update', async () => {
    const entry = review(3);
    await pushEntry(alice, entry);
    await pushEntry(alice, { ...entry, rating: 1 });
    await as(alice, `update public.review_logs set content = '{}', card_key = 'x|x', user_id = $1`, [bob]);
    expect(await all('review_logs')).toMatchObject([{ user_id: alice, card_key: CARD, content: entry }]);
  });

  it('the server owns updated_at on insert', async () => {
    const entry = review(3);
    await as(alice, `insert into public.review_logs (id, card_key, content, updated_at) values ($1, $2, $3::jsonb, '2000-01-01Z')`, [entry.id, CARD, JSON.stringify(entry)]);
    const [row] = await all('review_logs');
    expect(Number(row?.updated_at)).toBeGreaterThan(Date.UTC(2001, 0, 1));
  });

  it('refuses an entry filed under another id or card than its own', async () => {
    const entry = review(3);
    const otherId = as(alice, `insert into public.review_logs (id, card_key, content) values ($1, $2, $3::jsonb)`, [randomUUID(), CARD, JSON.stringify(entry)]);
    await expect(otherId).rejects.toMatchObject({ code: '23514', constraint: 'review_logs_content_matches' });
    await expect(as(alice, `insert into public.review_logs (id, card_key, content) values ($1, 'x|x', $2::jsonb)`, [entry.id, JSON.stringify(entry)])).rejects.toMatchObject({ code: '23514', constraint: 'review_logs_content_matches' });
  });
});

describe('reading_days: last writer wins, with keys and bounds', () => {
  it('an update replaces the day and moves its stamp forward', async () => {
    await pushDay(alice, day(1_000, 1));
    const [before] = await as(alice, 'select updated_at::text as t from public.reading_days');
    await pushDay(alice, day(9_000, 2));
    const [after] = await as(alice, `select updated_at::text as t, content->>'activeMs' as ms from public.reading_days`);
    expect(after?.ms).toBe('9000');
    expect(String(after?.t) > String(before?.t)).toBe(true);
  });

  it('refuses a key that is not day|device, or that differs from the content’s', async () => {
    await expect(pushDay(alice, day(1, 1, 'yesterday|dev-a'))).rejects.toMatchObject({ code: '23514', constraint: 'reading_days_key_format' });
    await expect(pushDay(alice, day(1, 1, `2026-12-01|${'d'.repeat(65)}`))).rejects.toMatchObject({ code: '23514', constraint: 'reading_days_key_format' });
    const mismatched = as(alice, `insert into public.reading_days (key, content) values ('2026-12-02|dev-a', $1::jsonb)`, [JSON.stringify(day(1, 1))]);
    await expect(mismatched).rejects.toMatchObject({ code: '23514', constraint: 'reading_days_content_matches' });
  });
});

describe('neither table ever holds an API key', () => {
  it('refuses one in a review entry’s content or card key', async () => {
    const apiKey = mintFakeGoogleKey();
    const attempts = [
      { ...review(3), note: `mine: ${apiKey}` },
      { ...review(3), extra: { geminiApiKey: 'x' } },
      { ...review(3), cardKey: `${apiKey}|x` },
    ];
    for (const entry of attempts) {
      await expect(pushEntry(alice, entry)).rejects.toMatchObject({ code: '23514', constraint: 'review_logs_no_api_key' });
    }
    expect(await all('review_logs')).toEqual([]);
  });

  it('refuses one in a reading day’s content or key', async () => {
    const apiKey = mintFakeGoogleKey();
    for (const content of [{ ...day(1, 1), note: apiKey }, { ...day(1, 1), api_key: 'x' }, day(1, 1, `2026-12-01|${apiKey}`)]) {
      await expect(pushDay(alice, content)).rejects.toMatchObject({ code: '23514', constraint: 'reading_days_no_api_key' });
    }
    expect(await all('reading_days')).toEqual([]);
  });
});
