import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { mintFakeGoogleKey } from '../../support/fake-key';
import { userClaims } from '../../support/supabase';
import { useSupabaseProject } from '../../support/supabase-project';

/**
 * The annotations table (a story's words, issue 13) on a real Postgres shaped like Supabase: the
 * stories' rules, row for row — own rows only, keyed (user, story), soft deletes that keep no
 * content, a server-owned updated_at, and no API key in the content.
 */

let alice: string;
let bob: string;

const as = (userId: string, sql: string, params: unknown[] = []) =>
  project.db.asRequest(userClaims(userId), async (tx) => (await tx.query<Record<string, unknown>>(sql, params)).rows);

const words = { segments: [[{ surface: '山', reading: 'やま', gloss: 'mountain' }]] };

async function insertWords(userId: string, storyId: string = randomUUID(), content: unknown = words): Promise<string> {
  await as(userId, 'insert into public.annotations (story_id, content) values ($1, $2::jsonb)', [storyId, JSON.stringify(content)]);
  return storyId;
}

/** Reads as the superuser (RLS does not apply), to see what really is in the table. */
async function rows(storyId: string): Promise<Record<string, unknown>[]> {
  return project.db.exclusive(async (pg) => (await pg.query<Record<string, unknown>>('select * from public.annotations where story_id = $1', [storyId])).rows);
}

const project = useSupabaseProject({ front: false });

beforeEach(async () => {
  alice = await project.db.createUser({ email: 'alice@example.test' });
  bob = await project.db.createUser({ email: 'bob@example.test' });
});

describe('annotations: a user reaches only their own rows', () => {
  it('selects and updates only the caller’s rows; the same story id for two users is two rows', async () => {
    const storyId = await insertWords(alice);
    await insertWords(bob, storyId, { segments: [] });
    expect(await as(alice, 'select story_id, content from public.annotations')).toEqual([{ story_id: storyId, content: words }]);
    const upsert = `insert into public.annotations (story_id, content) values ($1, '{"segments":[null]}')
                    on conflict (user_id, story_id) do update set content = excluded.content returning user_id`;
    expect(await as(alice, upsert, [storyId])).toEqual([{ user_id: alice }]);
    expect((await rows(storyId)).map((r) => [r.user_id, r.content])).toEqual(
      expect.arrayContaining([[alice, { segments: [null] }], [bob, { segments: [] }]]),
    );
  });

  it('rejects a forged user_id, and cannot delete even its own rows', async () => {
    const forged = as(alice, `insert into public.annotations (user_id, story_id, content) values ($1, $2, '{}')`, [bob, randomUUID()]);
    await expect(forged).rejects.toMatchObject({ code: '42501' });
    const own = await insertWords(alice);
    await expect(as(alice, 'delete from public.annotations where story_id = $1', [own])).rejects.toMatchObject({ code: '42501' });
  });
});

describe('annotations: tombstones, stamps and keys', () => {
  it('a deleted row stays deleted and keeps no words when a stale device pushes it again', async () => {
    const storyId = await insertWords(alice);
    await as(alice, 'update public.annotations set deleted = true where story_id = $1', [storyId]);
    await as(alice, 'update public.annotations set deleted = false, content = $2::jsonb where story_id = $1', [storyId, JSON.stringify(words)]);
    expect(await as(alice, 'select deleted, content from public.annotations where story_id = $1', [storyId])).toEqual([{ deleted: true, content: {} }]);
  });

  it('the server owns updated_at: a client value is ignored', async () => {
    const storyId = randomUUID();
    await as(alice, `insert into public.annotations (story_id, content, updated_at) values ($1, '{}', '2000-01-01')`, [storyId]);
    const [row] = await rows(storyId);
    expect(row?.updated_at).toBeInstanceOf(Date);
    expect(Number(row?.updated_at)).toBeGreaterThan(Date.UTC(2001, 0, 1));
  });

  it('refuses an API key in the words, by name or by value, and accepts ordinary words', async () => {
    const key = mintFakeGoogleKey();
    for (const content of [{ segments: [[{ surface: '鍵', gloss: `key ${key}` }]] }, { apiKey: 'x' }]) {
      await expect(insertWords(alice, randomUUID(), content)).rejects.toMatchObject({ code: '23514', constraint: 'annotations_no_api_key' });
    }
    await insertWords(alice, randomUUID(), { segments: [[{ surface: '鍵', gloss: 'key (AIza starts Google keys)' }]] });
  });

  it('deleting the auth user removes their annotations (on delete cascade)', async () => {
    const storyId = await insertWords(alice);
    await project.db.exclusive((pg) => pg.query('delete from auth.users where id = $1', [alice]));
    expect(await rows(storyId)).toEqual([]);
  });
});

describe('annotations follow their story (20261212000000)', () => {
  const storyRow = (userId: string, storyId: string, deleted: boolean) =>
    as(userId, `insert into public.stories (id, content, deleted) values ($1, '{}', $2) on conflict (user_id, id) do update set deleted = excluded.deleted`, [storyId, deleted]);

  it('deleting a story tombstones its words, not another user’s words for the same story id', async () => {
    const storyId = randomUUID();
    await storyRow(alice, storyId, false);
    await insertWords(alice, storyId);
    await insertWords(bob, storyId);
    await storyRow(alice, storyId, true);
    expect((await rows(storyId)).map((r) => [r.user_id, r.deleted, r.content]).sort()).toEqual(
      [
        [alice, true, {}],
        [bob, false, words],
      ].sort(),
    );
  });

  it('words pushed for a story the server has deleted are stored as a tombstone', async () => {
    const storyId = randomUUID();
    await storyRow(alice, storyId, true);
    await insertWords(alice, storyId);
    expect(await as(alice, 'select deleted, content from public.annotations where story_id = $1', [storyId])).toEqual([{ deleted: true, content: {} }]);
  });
});
