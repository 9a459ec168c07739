import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { getDb } from '../../../src/db/database';
import { saveProgress } from '../../../src/db/progress-repo';
import { putStories } from '../../../src/db/stories-repo';
import { setWordState, undoWordChanges } from '../../../src/db/words-repo';
import type { WordState } from '../../../src/domain/words';
import { signOut } from '../../../src/sync/session';
import { loadSyncView } from '../../../src/sync/status';
import { mintFakeGoogleKey } from '../../support/fake-key';
import { makeProgress, makeStory, storyId, T0 } from '../../support/fixtures/library';
import { useSyncProject } from './harness';

/**
 * What the learner knows (issue 14) between devices, with the real sync code against real Postgres
 * behind the Supabase front: each device's words reach the other, the newer change of one word wins
 * on both (an Undo too), an entry this version cannot read changes nothing, and a project without
 * the words table still syncs everything else.
 */
const project = useSyncProject();

const place = (at: number) => ({ storyId: storyId(1), segment: 0, at });
const mark = (key: string, state: WordState, at: number) => setWordState(key, state, place(at));
const stateOf = async (device: { db: ReturnType<typeof getDb> }, key: string) => (await device.db.words.get(key))?.state;

/** The learner's word rows as the server stores them (as the database owner). */
const serverWords = (email: string) =>
  project.db.exclusive(async (pg) => {
    const sql = `select w.key, w.content->>'state' as state, w.deleted from public.words w join auth.users u on u.id = w.user_id
                 where u.email = $1 order by w.key`;
    return (await pg.query<{ key: string; state: string | null; deleted: boolean }>(sql, [email])).rows;
  });

const userIdOf = async (device: { db: ReturnType<typeof getDb> }): Promise<string> => {
  const account = (await device.db.syncState.get('sync-account'))?.value as { userId: string } | undefined;
  if (!account) throw new Error('the device is not signed in');
  return account.userId;
};

/** Writes a row straight into the server's table, as another app version could. */
const serverInsert = (userId: string, key: string, content: unknown) =>
  project.db.exclusive((pg) => pg.query('insert into public.words (user_id, key, content) values ($1, $2, $3::jsonb)', [userId, key, JSON.stringify(content)]));

describe('the words a learner knows follow them', () => {
  it('words set before sign-in are sent; two devices mark different words and both see both', async () => {
    const a = await project.device('a');
    await a.on(() => mark('雨|あめ', 'known', T0));
    await a.signUp('kumi@example.test');
    expect((await a.sync()).push).toMatchObject({ sent: 1, rejected: 0 });
    const b = await project.syncedDevice('b', 'kumi@example.test');
    expect(await stateOf(b, '雨|あめ')).toBe('known');
    expect(await b.db.outbox.count()).toBe(0); // what came from a pull is never queued again

    await a.on(() => mark('傘|かさ', 'learning', T0 + 10));
    await b.on(() => mark('降る|ふる', 'known', T0 + 20));
    await a.sync();
    await b.sync();
    await a.sync();
    for (const device of [a, b]) {
      expect(await device.db.words.toArray()).toMatchObject([
        { key: '傘|かさ', state: 'learning' },
        { key: '降る|ふる', state: 'known' },
        { key: '雨|あめ', state: 'known' },
      ]);
      expect(await device.db.outbox.count()).toBe(0);
    }
    expect((await serverWords('kumi@example.test')).map((w) => w.key)).toEqual(['傘|かさ', '降る|ふる', '雨|あめ']);
  });

  it('the same word changed on both devices: the newer change wins on both, whichever syncs first', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.sync();
    const b = await project.syncedDevice('b', 'kumi@example.test');
    await b.on(() => mark('雨|あめ', 'known', T0 + 10));
    await a.on(() => mark('雨|あめ', 'learning', T0 + 20)); // newer, but synced last
    await b.sync();
    await a.sync();
    await b.sync();
    expect([await stateOf(a, '雨|あめ'), await stateOf(b, '雨|あめ')]).toEqual(['learning', 'learning']);
    expect(await serverWords('kumi@example.test')).toEqual([{ key: '雨|あめ', state: 'learning', deleted: false }]);
    expect([await a.db.outbox.count(), await b.db.outbox.count()]).toEqual([0, 0]);
  });

  it('an Undo on A after B got the change wins on B too', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    const change = await a.on(() => mark('雨|あめ', 'known', T0));
    await a.sync();
    const b = await project.syncedDevice('b', 'kumi@example.test');
    expect(await stateOf(b, '雨|あめ')).toBe('known');
    await a.on(() => undoWordChanges([change], T0 + 5));
    await a.sync();
    expect((await b.sync()).pull?.words.applied).toBe(1);
    expect(await stateOf(b, '雨|あめ')).toBe('new');
  });

  it('signing out keeps the words with the library, or removes them with it (the server keeps them)', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.on(() => mark('雨|あめ', 'known', T0));
    await a.sync();
    await a.on(() => signOut({ keepLibrary: true }, a.client));
    expect(await stateOf(a, '雨|あめ')).toBe('known');
    await a.signIn('kumi@example.test');
    await a.sync();
    await a.on(() => signOut({ keepLibrary: false }, a.client));
    expect(await a.db.words.count()).toBe(0);
    expect(await serverWords('kumi@example.test')).toEqual([{ key: '雨|あめ', state: 'known', deleted: false }]);
  });

  it('pages of words break between keys that need quoting in a query, and none is lost', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    const keys = ['a,b|x', 'c(d)|y', 'e"f|z', 'g\\h|w', '雨|あめ'];
    await a.on(async () => {
      for (const [i, key] of keys.entries()) await mark(key, 'known', T0 + i);
    });
    await a.sync();
    // One stamp for all: only the keys order the pages (as a bulk write's rows may share one).
    await project.db.exclusive((pg) =>
      pg.transaction(async (tx) => {
        await tx.query('set local session_replication_role = replica'); // the stamp trigger stays out of it
        await tx.query(`update public.words set updated_at = now()`);
      }),
    );
    const b = await project.device('b');
    await b.signIn('kumi@example.test');
    expect((await b.sync({ pageRows: 2 })).pull?.words).toMatchObject({ applied: keys.length, rejected: [] });
    expect((await b.db.words.toCollection().primaryKeys()).sort()).toEqual([...keys].sort());
  });

  it('another learner pulls none of them', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.on(() => mark('雨|あめ', 'known', T0));
    await a.sync();
    const c = await project.device('c');
    await c.signUp('ren@example.test');
    expect((await c.sync()).pull?.words).toMatchObject({ transferred: 0, applied: 0 });
    expect(await c.db.words.count()).toBe(0);
  });
});

describe('pulled words that cannot be applied as they are', () => {
  it('a malformed entry is rejected with its reason and changes nothing else; a good one in the same page applies', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.on(() => mark('雨|あめ', 'known', T0));
    await a.sync();
    const b = await project.syncedDevice('b', 'kumi@example.test');
    const user = await userIdOf(b);
    const good = { key: '傘|かさ', base: '傘', reading: 'かさ', state: 'known', firstSeen: place(T0), updatedAt: T0 + 1 };
    await serverInsert(user, '傘|かさ', good);
    await serverInsert(user, '猫|ねこ', { ...good, key: '猫|ねこ', base: '猫', reading: 'ねこ', state: 'forgotten' });
    await serverInsert(user, '犬|いぬ', { ...good }); // filed under another key
    await project.db.exclusive((pg) => pg.query(`update public.words set content = '{"key":1}' where key = '雨|あめ'`));

    const report = await b.sync();
    expect(report.outcome).toBe('synced');
    const rejected = report.pull?.words.rejected ?? [];
    expect(rejected.map((r) => r.key).sort()).toEqual(['犬|いぬ', '猫|ねこ', '雨|あめ'].sort());
    expect(rejected.find((r) => r.key === '猫|ねこ')?.reason).toMatch(/state/);
    expect(rejected.find((r) => r.key === '犬|いぬ')?.reason).toMatch(/another key/);
    expect(await b.db.words.toArray()).toMatchObject([
      { key: '傘|かさ', state: 'known' },
      { key: '雨|あめ', state: 'known' },
    ]);
    expect(await b.db.outbox.count()).toBe(0);
  });

  it('a tombstone removes the word from the device', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.on(() => mark('雨|あめ', 'known', T0));
    await a.sync();
    const b = await project.syncedDevice('b', 'kumi@example.test');
    await project.db.exclusive((pg) => pg.query(`update public.words set deleted = true where key = '雨|あめ'`));
    expect((await b.sync()).pull?.words.applied).toBe(1);
    expect(await b.db.words.get('雨|あめ')).toBeUndefined();
    expect(await b.db.outbox.count()).toBe(0);
  });
});

describe('pushed words the server refuses', () => {
  it('a word the server’s checks refuse is set aside with its reason, the others go, and Settings names it without the key', async () => {
    const apiKey = mintFakeGoogleKey();
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.on(async () => {
      await mark(`${apiKey}|x`, 'known', T0);
      await mark('雨|あめ', 'known', T0);
    });
    expect((await a.sync()).push).toMatchObject({ sent: 1, rejected: 1 });
    expect((await serverWords('kumi@example.test')).map((w) => w.key)).toEqual(['雨|あめ']);
    const [refused] = (await a.on(loadSyncView)).rejected;
    expect(refused?.message).toMatch(/checks refused.*words_no_api_key/);
    expect(refused?.label).toMatch(/^Known words: /);
    expect(`${refused?.label} ${refused?.message}`).not.toContain(apiKey);
  });
});

// Last in the file: it drops the table for the rest of this file's database.
describe('a project set up before the words table existed', () => {
  const rollback = readFileSync(fileURLToPath(new URL('../../../supabase/rollback/20261215000000_words.down.sql', import.meta.url)), 'utf8');

  it('still syncs stories and progress, says which migration is missing, and keeps the words to send later', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.sync();
    await project.db.exclusive((pg) => pg.exec(rollback));
    await a.on(async () => {
      await putStories([makeStory(1)]);
      await saveProgress(makeProgress(storyId(1), { percent: 30, lastReadAt: T0 + 5, updatedAt: T0 + 5 }));
      await mark('雨|あめ', 'known', T0 + 5);
    });
    const report = await a.sync();
    expect(report.outcome).toBe('failed');
    expect(report.error).toMatch(/supabase\/migrations.*public\.words/);
    expect(await project.serverStories('kumi@example.test')).toEqual([{ id: storyId(1), deleted: false }]);
    expect((await a.db.outbox.toArray()).map((r) => r.table)).toEqual(['words']);

    // A new device's first sync is not stopped by the missing table either.
    const b = await project.device('b');
    await b.signIn('kumi@example.test');
    expect((await b.sync()).outcome).toBe('failed');
    expect(await b.db.progress.get(storyId(1))).toMatchObject({ percent: 30 });
  });
});
