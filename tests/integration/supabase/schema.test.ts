import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrationFiles, userClaims } from '../../support/supabase';
import { useSupabaseProject } from '../../support/supabase-project';

/**
 * What the migration promises beyond access control: the server owns updated_at (the pull cursor),
 * tombstones stick, settings can never carry an API key, and the rollback script undoes it all.
 */

/** Every rollback script, newest first: the order in which they undo the migrations. */
const ROLLBACKS = ['20261218000000_review_and_habit', '20261215000000_words', '20261212000000_annotations_follow_stories', '20261210000000_annotations', '20261205000000_per_user_keys', '20261128000000_sync_tables'].map((name) =>
  fileURLToPath(new URL(`../../../supabase/rollback/${name}.down.sql`, import.meta.url)),
);

let alice: string;

/** Rows with updated_at as Postgres' text (microseconds kept, unlike a JS Date). */
const as = (sql: string, params: unknown[] = []) =>
  project.db.asRequest(userClaims(alice), async (tx) => (await tx.query<Record<string, unknown>>(sql, params)).rows);

const stamp = async (id: string): Promise<string> =>
  String((await as('select updated_at::text as t from public.stories where id = $1', [id]))[0]?.t);

const project = useSupabaseProject({ front: false });

beforeEach(async () => {
  alice = await project.db.createUser({ email: 'alice@example.test' });
});

describe('updated_at is the server’s', () => {
  it('ignores the client’s value on insert and on update, and always moves forward', async () => {
    const id = randomUUID();
    const before = Date.now();
    const [inserted] = await as(
      `insert into public.stories (id, content, updated_at) values ($1, '{}', '2000-01-01T00:00:00Z') returning updated_at`,
      [id],
    );
    const insertedAt = new Date(String(inserted?.updated_at)).getTime();
    expect(insertedAt).toBeGreaterThanOrEqual(before - 1000);
    const first = await stamp(id);
    await as(`update public.stories set title_jp = 'x', updated_at = '2999-01-01T00:00:00Z' where id = $1`, [id]);
    const second = await stamp(id);
    expect(second > first).toBe(true); // same format and zone, so text order is time order
    expect(second.startsWith('2999')).toBe(false);
  });

  it('moves forward even for two updates in one transaction (now() would not)', async () => {
    const id = randomUUID();
    await as(`insert into public.stories (id, content) values ($1, '{}')`, [id]);
    const stamps = await project.db.asRequest(userClaims(alice), async (tx) => {
      const read = async () => (await tx.query<{ t: string }>('select updated_at::text as t from public.stories')).rows[0]?.t;
      await tx.query(`update public.stories set level = 'N4' where id = $1`, [id]);
      const a = await read();
      await tx.query(`update public.stories set level = 'N3' where id = $1`, [id]);
      return [a, await read()];
    });
    expect(String(stamps[1]) > String(stamps[0])).toBe(true);
  });

  it('stamps progress and settings rows too', async () => {
    const [progress] = await as(
      `insert into public.reading_progress (story_id, updated_at) values ($1, '2000-01-01Z') returning updated_at::text as t`,
      [randomUUID()],
    );
    const [settings] = await as(`insert into public.user_settings (settings, updated_at) values ('{}', '2000-01-01Z') returning updated_at::text as t`);
    expect(String(progress?.t)).not.toMatch(/^2000/);
    expect(String(settings?.t)).not.toMatch(/^2000/);
  });
});

describe('tombstones', () => {
  const stale = `insert into public.stories (id, content, level, title_jp, deleted) values ($1, '{"v":0,"text":"日記"}', 'N5', '日記', false)
                 on conflict (user_id, id) do update set content = excluded.content, level = excluded.level,
                 title_jp = excluded.title_jp, deleted = excluded.deleted`;

  it('a deleted story stays deleted, and keeps no content, when a stale device pushes it again', async () => {
    const id = randomUUID();
    await as(`insert into public.stories (id, content, title_jp) values ($1, '{"v":1}', 'ひみつ')`, [id]);
    await as('update public.stories set deleted = true where id = $1', [id]);
    expect(await as('select content, level, title_jp from public.stories where id = $1', [id])).toEqual([
      { content: {}, level: null, title_jp: null },
    ]);
    await as(stale, [id]);
    expect(await as('select deleted, content, level, title_jp from public.stories where id = $1', [id])).toEqual([
      { deleted: true, content: {}, level: null, title_jp: null },
    ]);
  });

  it('a tombstone inserted with text stores none', async () => {
    const id = randomUUID();
    await as(`insert into public.stories (id, content, title_jp, deleted) values ($1, '{"v":1}', 'ひみつ', true)`, [id]);
    expect(await as('select content, title_jp from public.stories where id = $1', [id])).toEqual([{ content: {}, title_jp: null }]);
  });
});

describe('stories never hold an API key', () => {
  const key = `AIza${'B'.repeat(35)}`;
  const attempts = [
    { topic: `use my key ${key} please` },
    { content: [{ jp: 'こんにちは', en: `(${key})` }] },
    { extra: { apiKey: 'x' } },
  ];
  for (const content of attempts) {
    it(`refuses ${JSON.stringify(content).slice(0, 60)}`, async () => {
      const insert = as('insert into public.stories (id, content) values ($1, $2::jsonb)', [randomUUID(), JSON.stringify(content)]);
      await expect(insert).rejects.toMatchObject({ code: '23514', constraint: 'stories_no_api_key' });
    });
  }

  it('refuses one in the title column, and accepts an ordinary story', async () => {
    const titled = as(`insert into public.stories (id, content, title_jp) values ($1, '{}', $2)`, [randomUUID(), `鍵${key}`]);
    await expect(titled).rejects.toMatchObject({ code: '23514' });
    const content = { titleJP: 'ももたろう', topic: 'AIza is how keys start; this is not one', content: [{ jp: '昔々' }] };
    await as('insert into public.stories (id, content) values ($1, $2::jsonb)', [randomUUID(), JSON.stringify(content)]);
  });
});

describe('user_settings never holds an API key', () => {
  const attempts = [
    { apiKey: 'x' },
    { geminiApiKey: 'x' },
    { gemini: { api_key: 'x' } },
    { profiles: [{ GEMINI_API_KEY: 'x' }] },
    { note: `AIza${'A'.repeat(35)}` }, // a Google API key under an innocent name
    { note: `my key: AIza${'A'.repeat(35)}.` }, // … or inside a longer string
  ];
  for (const settings of attempts) {
    it(`refuses ${JSON.stringify(settings)}`, async () => {
      const insert = as('insert into public.user_settings (settings) values ($1::jsonb)', [JSON.stringify(settings)]);
      await expect(insert).rejects.toMatchObject({ code: '23514', constraint: 'user_settings_no_api_key' });
    });
  }

  it('accepts ordinary settings', async () => {
    const settings = { furigana: true, level: 'N4', voice: 'Kore', keyboard: 'romaji' };
    await as('insert into public.user_settings (settings) values ($1::jsonb)', [JSON.stringify(settings)]);
    expect(await as('select settings from public.user_settings')).toEqual([{ settings }]);
  });
});

describe('rollback', () => {
  it('removes every table and function (newest rollback first), and the migrations apply again afterwards', async () => {
    const objects = `select (select count(*) from pg_tables where schemaname = 'public')
                          + (select count(*) from pg_proc where proname like 'sync\\_%') as n`;
    const count = async () => Number((await project.db.exclusive((pg) => pg.query<{ n: number }>(objects))).rows[0]?.n);
    const applied = await count();
    expect(applied).toBe(15);
    for (const file of ROLLBACKS) await project.db.exclusive((pg) => pg.exec(readFileSync(file, 'utf8')));
    expect(await count()).toBe(0);
    for (const file of migrationFiles()) await project.db.exclusive((pg) => pg.exec(readFileSync(file, 'utf8')));
    expect(await count()).toBe(applied);
  });
});
