import { beforeEach, describe, expect, it } from 'vitest';
import { mintFakeGoogleKey } from '../../support/fake-key';
import { userClaims } from '../../support/supabase';
import { useSupabaseProject } from '../../support/supabase-project';

/**
 * The words table (what the learner knows, issue 14) on a real Postgres shaped like Supabase: the
 * annotations' rules — own rows only, keyed (user, word key), soft deletes that keep no content, a
 * server-owned updated_at, and no API key in the content.
 */

let alice: string;
let bob: string;

const as = (userId: string, sql: string, params: unknown[] = []) =>
  project.db.asRequest(userClaims(userId), async (tx) => (await tx.query<Record<string, unknown>>(sql, params)).rows);

const KEY = '食べる|たべる';
const entry = (state: string) => ({ key: KEY, base: '食べる', reading: 'たべる', state, updatedAt: 1 });

async function insertWord(userId: string, key = KEY, content: unknown = entry('known')): Promise<void> {
  await as(userId, 'insert into public.words (key, content) values ($1, $2::jsonb)', [key, JSON.stringify(content)]);
}

/** Reads as the superuser (RLS does not apply), to see what really is in the table. */
async function rows(key: string): Promise<Record<string, unknown>[]> {
  return project.db.exclusive(async (pg) => (await pg.query<Record<string, unknown>>('select * from public.words where key = $1', [key])).rows);
}

const project = useSupabaseProject({ front: false });

beforeEach(async () => {
  alice = await project.db.createUser({ email: 'alice@example.test' });
  bob = await project.db.createUser({ email: 'bob@example.test' });
});

describe('words: a user reaches only their own rows', () => {
  it('selects and updates only the caller’s rows; the same word for two users is two rows', async () => {
    await insertWord(alice);
    await insertWord(bob, KEY, entry('learning'));
    expect(await as(alice, 'select key, content from public.words')).toEqual([{ key: KEY, content: entry('known') }]);
    const upsert = `insert into public.words (key, content) values ($1, $2::jsonb)
                    on conflict (user_id, key) do update set content = excluded.content returning user_id`;
    expect(await as(alice, upsert, [KEY, JSON.stringify(entry('new'))])).toEqual([{ user_id: alice }]);
    expect((await rows(KEY)).map((r) => [r.user_id, r.content])).toEqual(
      expect.arrayContaining([[alice, entry('new')], [bob, entry('learning')]]),
    );
    expect(await as(bob, `update public.words set content = '{}' where user_id = $1 returning key`, [alice])).toEqual([]);
  });

  it('rejects a forged user_id, and cannot delete even its own rows', async () => {
    const forged = as(alice, `insert into public.words (user_id, key, content) values ($1, 'x|x', '{}')`, [bob]);
    await expect(forged).rejects.toMatchObject({ code: '42501' });
    await insertWord(alice);
    await expect(as(alice, 'delete from public.words where key = $1', [KEY])).rejects.toMatchObject({ code: '42501' });
  });
});

describe('words: tombstones, stamps, keys and bounds', () => {
  it('a deleted row stays deleted and keeps no content when a stale device pushes it again', async () => {
    await insertWord(alice);
    await as(alice, 'update public.words set deleted = true where key = $1', [KEY]);
    await as(alice, 'update public.words set deleted = false, content = $2::jsonb where key = $1', [KEY, JSON.stringify(entry('known'))]);
    expect(await as(alice, 'select deleted, content from public.words where key = $1', [KEY])).toEqual([{ deleted: true, content: {} }]);
  });

  it('the server owns updated_at: a client value is ignored', async () => {
    await as(alice, `insert into public.words (key, content, updated_at) values ($1, '{}', '2000-01-01')`, [KEY]);
    const [row] = await rows(KEY);
    expect(Number(row?.updated_at)).toBeGreaterThan(Date.UTC(2001, 0, 1));
  });

  it('refuses an API key in the content or the key, and a key past its bound', async () => {
    const apiKey = mintFakeGoogleKey();
    for (const [key, content] of [[KEY, { ...entry('known'), base: apiKey }], [KEY, { apiKey: 'x' }], [`${apiKey}|x`, {}]] as const) {
      await expect(insertWord(alice, key, content)).rejects.toMatchObject({ code: '23514', constraint: 'words_no_api_key' });
    }
    await expect(insertWord(alice, 'x'.repeat(602), {})).rejects.toMatchObject({ code: '23514', constraint: 'words_key_length' });
    await insertWord(alice, '鍵|かぎ', { ...entry('known'), base: '鍵' });
  });

  it('deleting the auth user removes their words (on delete cascade)', async () => {
    await insertWord(alice);
    await project.db.exclusive((pg) => pg.query('delete from auth.users where id = $1', [alice]));
    expect(await rows(KEY)).toEqual([]);
  });
});
