import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ANON_CLAIMS, userClaims } from '../../support/supabase';
import { useSupabaseProject } from '../../support/supabase-project';

/**
 * The migration's row level security on a real Postgres shaped like Supabase (roles, grants,
 * auth.uid()): each statement runs as PostgREST runs a request, with role and JWT claims set, so
 * these are the answers the app will get from a real project.
 */

let alice: string;
let bob: string;

const as = (userId: string, sql: string, params: unknown[] = []) =>
  project.db.asRequest(userClaims(userId), async (tx) => (await tx.query<Record<string, unknown>>(sql, params)).rows);

async function insertStory(userId: string, title = 'ももたろう'): Promise<string> {
  const id = randomUUID();
  await as(userId, `insert into public.stories (id, content, level, title_jp) values ($1, $2::jsonb, 'N5', $3)`, [
    id,
    JSON.stringify({ title }),
    title,
  ]);
  return id;
}

/** Reads as the superuser (RLS does not apply), to see what really is in the table. */
async function storyRow(id: string): Promise<Record<string, unknown> | undefined> {
  return project.db.exclusive(async (pg) => (await pg.query<Record<string, unknown>>('select * from public.stories where id = $1', [id])).rows[0]);
}

const project = useSupabaseProject({ front: false });

beforeEach(async () => {
  alice = await project.db.createUser({ email: 'alice@example.test', password: 'alice-password' });
  bob = await project.db.createUser({ email: 'bob@example.test', password: 'bob-password' });
});

describe('stories: a user reaches only their own rows', () => {
  it('selects only the caller’s rows', async () => {
    const mine = await insertStory(alice);
    await insertStory(bob);
    const seen = await as(alice, 'select id from public.stories');
    expect(seen.map((row) => row.id)).toEqual([mine]);
    expect(await as(alice, 'select id from public.stories where user_id = $1', [bob])).toEqual([]);
  });

  it('cannot update another user’s row: it is invisible, 0 rows change', async () => {
    const bobs = await insertStory(bob, 'かぐやひめ');
    const updated = await as(alice, `update public.stories set title_jp = 'hacked' where id = $1 returning id`, [bobs]);
    expect(updated).toEqual([]);
    expect((await storyRow(bobs))?.title_jp).toBe('かぐやひめ');
  });

  it('cannot delete any row, not even its own: soft deletes only', async () => {
    const own = await insertStory(alice);
    const bobs = await insertStory(bob);
    await expect(as(alice, 'delete from public.stories where id = $1', [bobs])).rejects.toMatchObject({ code: '42501' });
    await expect(as(alice, 'delete from public.stories where id = $1', [own])).rejects.toMatchObject({
      code: '42501',
      message: 'permission denied for table stories',
    });
    expect(await storyRow(bobs)).toBeDefined();
    expect(await storyRow(own)).toBeDefined();
  });

  it('the same id upserted by two users is two rows: each keeps their own, nothing is probed', async () => {
    const id = await insertStory(bob, 'かぐやひめ');
    const upsert = `insert into public.stories (id, content, title_jp) values ($1, '{}', 'ももたろう')
                    on conflict (user_id, id) do update set title_jp = excluded.title_jp, content = excluded.content`;
    // Before the per-user key this was a 42501 from RLS: an answer that told Alice the id existed.
    expect(await as(alice, `${upsert} returning title_jp`, [id])).toEqual([{ title_jp: 'ももたろう' }]);
    await as(alice, upsert, [id]); // and again: her own row, updated in place
    const rows = await project.db.exclusive(async (pg) =>
      (await pg.query<{ user_id: string; title_jp: string }>('select user_id, title_jp from public.stories where id = $1 order by title_jp', [id])).rows,
    );
    expect(rows).toEqual([
      { user_id: bob, title_jp: 'かぐやひめ' },
      { user_id: alice, title_jp: 'ももたろう' },
    ]);
  });

  it('an upsert on the id alone is refused: there is no such key any more', async () => {
    const upsert = `insert into public.stories (id, content) values ($1, '{}') on conflict (id) do nothing`;
    await expect(as(alice, upsert, [randomUUID()])).rejects.toMatchObject({ code: '42P10' });
  });

  it('rejects a forged user_id on insert, and fills user_id from the token when omitted', async () => {
    const forged = as(alice, `insert into public.stories (id, user_id, content) values ($1, $2, '{}')`, [randomUUID(), bob]);
    await expect(forged).rejects.toMatchObject({
      code: '42501',
      message: 'new row violates row-level security policy for table "stories"',
    });
    const id = await insertStory(alice);
    expect((await storyRow(id))?.user_id).toBe(alice);
  });

  it('rejects changing user_id on update', async () => {
    const own = await insertStory(alice);
    const move = as(alice, 'update public.stories set user_id = $1 where id = $2', [bob, own]);
    await expect(move).rejects.toMatchObject({ code: '42501' });
    expect((await storyRow(own))?.user_id).toBe(alice);
  });
});

describe('anon and tokens without a user', () => {
  it('anon can neither read nor write (no grants at all)', async () => {
    await insertStory(alice);
    const asAnon = (sql: string) => project.db.asRequest(ANON_CLAIMS, (tx) => tx.query(sql));
    for (const table of ['stories', 'annotations', 'reading_progress', 'user_settings', 'words', 'review_logs', 'reading_days']) {
      await expect(asAnon(`select * from public.${table}`)).rejects.toMatchObject({ code: '42501' });
    }
    await expect(asAnon(`insert into public.stories (id, content) values ('${randomUUID()}', '{}')`)).rejects.toMatchObject({
      code: '42501',
    });
  });

  it('an authenticated token without sub sees nothing and cannot insert', async () => {
    await insertStory(alice);
    const noUser = { role: 'authenticated' as const };
    expect((await project.db.asRequest(noUser, (tx) => tx.query('select * from public.stories'))).rows).toEqual([]);
    const insert = project.db.asRequest(noUser, (tx) => tx.query(`insert into public.stories (id, content) values ($1, '{}')`, [randomUUID()]));
    // user_id defaults to auth.uid(), null here: the policy refuses it before NOT NULL is checked.
    await expect(insert).rejects.toMatchObject({ code: '42501' });
  });

  it('API roles cannot read auth.users nor call the trigger function', async () => {
    await expect(as(alice, 'select email from auth.users')).rejects.toMatchObject({ code: '42501' });
    await expect(as(alice, 'select public.sync_touch_updated_at()')).rejects.toMatchObject({ code: '42501' });
  });
});

describe('reading_progress and user_settings follow the same rules', () => {
  it('progress: own rows only, no forged user_id, no upsert over another user’s key', async () => {
    const story = randomUUID();
    await as(bob, 'insert into public.reading_progress (story_id, percent) values ($1, 40)', [story]);
    expect(await as(alice, 'select * from public.reading_progress')).toEqual([]);
    const forged = as(alice, 'insert into public.reading_progress (user_id, story_id) values ($1, $2)', [bob, story]);
    await expect(forged).rejects.toMatchObject({ code: '42501' });
    // The same story id under Alice's own key is a different row: allowed.
    await as(alice, 'insert into public.reading_progress (story_id, percent) values ($1, 10)', [story]);
    const bobsRow = await as(bob, 'select percent from public.reading_progress');
    expect(bobsRow).toEqual([{ percent: 40 }]);
  });

  it('settings: one row per user, invisible to others', async () => {
    await as(alice, `insert into public.user_settings (settings) values ('{"furigana": true}')`);
    expect(await as(bob, 'select * from public.user_settings')).toEqual([]);
    const second = as(alice, `insert into public.user_settings (settings) values ('{}')`);
    await expect(second).rejects.toMatchObject({ code: '23505' });
  });

  it('deleting the auth user removes all of their rows (on delete cascade)', async () => {
    await insertStory(alice);
    await as(alice, 'insert into public.reading_progress (story_id) values ($1)', [randomUUID()]);
    await as(alice, `insert into public.user_settings (settings) values ('{}')`);
    await project.db.exclusive((pg) => pg.query('delete from auth.users where id = $1', [alice]));
    const left = await project.db.exclusive((pg) =>
      pg.query<{ n: number }>(
        `select (select count(*) from public.stories) + (select count(*) from public.reading_progress)
              + (select count(*) from public.user_settings) as n`,
      ),
    );
    expect(Number(left.rows[0]?.n)).toBe(0);
  });
});
