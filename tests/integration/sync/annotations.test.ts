import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ANNOTATION_TABLES, saveAnnotation, writeExplanationIn } from '../../../src/db/annotations-repo';
import { getDb } from '../../../src/db/database';
import { deleteStory } from '../../../src/db/library-repo';
import { saveProgress } from '../../../src/db/progress-repo';
import { putStories } from '../../../src/db/stories-repo';
import type { Annotation } from '../../../src/domain/annotations';
import { makeProgress, makeStory, storyId, T0 } from '../../support/fixtures/library';
import { requestsTo } from '../../support/sync-devices';
import { useSyncProject } from './harness';

/**
 * A story's words and grammar notes (issue 13) between devices, with the real sync code against
 * real Postgres behind the Supabase front: they follow the learner, two devices' notes merge, a
 * row this version cannot read changes nothing, and a deleted story takes its words with it.
 */
const project = useSyncProject();

/** Tokens for makeStory's two sentences: 雨が降っています。 and 傘を持って出かけます。 */
const segments = [
  [{ surface: '雨', reading: 'あめ', gloss: 'rain' }, { surface: 'が' }, { surface: '降っています', reading: 'ふっています', base: '降る' }, { surface: '。' }],
  [{ surface: '傘', reading: 'かさ', gloss: 'umbrella' }, { surface: 'を' }, { surface: '持って', reading: 'もって' }, { surface: '出かけます。' }],
];
const words = (i: number, updatedAt = T0, more: Partial<Annotation> = {}): Annotation => ({ storyId: storyId(i), segments, updatedAt, ...more });

/** The explain job's way of storing a note: in a transaction over ANNOTATION_TABLES. */
const explain = (i: number, segment: number, text: string, updatedAt: number) => {
  const db = getDb();
  return db.transaction('rw', [...ANNOTATION_TABLES], () => writeExplanationIn(db, storyId(i), segment, { text, updatedAt }));
};

/** The learner's annotation rows as the server stores them (as the database owner). */
const serverWords = (email: string) =>
  project.db.exclusive(async (pg) => {
    const sql = `select a.story_id, a.content, a.deleted from public.annotations a join auth.users u on u.id = a.user_id
                 where u.email = $1 order by a.story_id`;
    return (await pg.query<{ story_id: string; content: Record<string, unknown>; deleted: boolean }>(sql, [email])).rows;
  });

/** Writes a row straight into the server's table, as another app version could. */
const serverInsert = (userId: string, id: string, content: unknown) =>
  project.db.exclusive((pg) => pg.query('insert into public.annotations (user_id, story_id, content) values ($1, $2, $3::jsonb)', [userId, id, JSON.stringify(content)]));

const userIdOf = async (device: { db: ReturnType<typeof getDb> }): Promise<string> => {
  const account = (await device.db.syncState.get('sync-account'))?.value as { userId: string } | undefined;
  if (!account) throw new Error('the device is not signed in');
  return account.userId;
};

describe('words follow the learner', () => {
  it('a library annotated before sign-in reaches the server after its stories (not the samples’); B gets the same words', async () => {
    const a = await project.device('a');
    await a.on(async () => {
      await putStories([makeStory(1), makeStory(2, { source: 'sample' })]);
      await saveAnnotation(words(1));
      await saveAnnotation(words(2));
    });
    await a.signUp('kumi@example.test');
    project.front.requests.length = 0;
    expect((await a.sync()).push).toMatchObject({ sent: 2, rejected: 0 });
    const posts = project.front.requests.filter((r) => r.method === 'POST').map((r) => r.path);
    expect(posts).toEqual(['/rest/v1/stories', '/rest/v1/annotations']);
    expect(await serverWords('kumi@example.test')).toEqual([{ story_id: storyId(1), content: words(1), deleted: false }]);

    const b = await project.syncedDevice('b', 'kumi@example.test');
    expect(await b.db.annotations.get(storyId(1))).toEqual(words(1));
    expect(await b.db.outbox.count()).toBe(0);
    // Another learner pulls none of it.
    const c = await project.device('c');
    await c.signUp('ren@example.test');
    expect((await c.sync()).pull?.annotations).toMatchObject({ transferred: 0, applied: 0 });
  });

  it('an explanation written on A after both synced appears on B with the next syncs', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.on(() => putStories([makeStory(1)]));
    await a.sync();
    const b = await project.syncedDevice('b', 'kumi@example.test');
    await a.on(() => explain(1, 0, 'が marks the subject.', T0 + 10));
    expect((await a.sync()).push?.sent).toBe(1);
    expect((await b.sync()).pull?.annotations.applied).toBe(1);
    expect((await b.db.annotations.get(storyId(1)))?.explanations).toEqual({ 0: { text: 'が marks the subject.', updatedAt: T0 + 10 } });
    expect(await b.db.outbox.count()).toBe(0);
  });
});

describe('two devices’ notes merge', () => {
  it('notes on different sentences written on A and B are on both, and on the server, once both have synced', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.on(async () => {
      await putStories([makeStory(1)]);
      await saveAnnotation(words(1));
    });
    await a.sync();
    const b = await project.syncedDevice('b', 'kumi@example.test');
    await a.on(() => explain(1, 0, 'A: が marks the subject.', T0 + 10));
    await b.on(() => explain(1, 1, 'B: を marks the object.', T0 + 20));
    await a.sync();
    await b.sync(); // pulls A's note before pushing its own row: the server keeps both
    await a.sync();
    const both = { 0: { text: 'A: が marks the subject.', updatedAt: T0 + 10 }, 1: { text: 'B: を marks the object.', updatedAt: T0 + 20 } };
    expect((await a.db.annotations.get(storyId(1)))?.explanations).toEqual(both);
    expect((await b.db.annotations.get(storyId(1)))?.explanations).toEqual(both);
    expect((await serverWords('kumi@example.test'))[0]?.content.explanations).toEqual(both);
    expect([await a.db.outbox.count(), await b.db.outbox.count()]).toEqual([0, 0]);
  });

  it('an older pulled row adds its note to newer local words, and the merged row goes back to the server', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.on(async () => {
      await putStories([makeStory(1)]);
      await saveAnnotation(words(1, T0, { explanations: { 0: { text: 'From A.', updatedAt: T0 } } }));
    });
    await a.sync();
    const b = await project.device('b');
    await b.on(async () => {
      await putStories([makeStory(1)]);
      await saveAnnotation(words(1, T0 + 500, { model: 'newer-model' }));
    });
    await b.signIn('kumi@example.test');
    await b.sync();
    const merged = { ...words(1, T0 + 500, { model: 'newer-model' }), explanations: { 0: { text: 'From A.', updatedAt: T0 } } };
    expect(await b.db.annotations.get(storyId(1))).toEqual(merged);
    expect((await serverWords('kumi@example.test'))[0]?.content).toEqual(merged);
    await a.sync();
    expect(await a.db.annotations.get(storyId(1))).toEqual(merged);
  });
});

describe('rows that cannot be applied as they are', () => {
  it('a malformed pulled row is rejected with its reason and changes nothing on this device', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.on(async () => {
      await putStories([makeStory(1), makeStory(2)]);
      await saveAnnotation(words(1));
    });
    await a.sync();
    const b = await project.syncedDevice('b', 'kumi@example.test');
    await serverInsert(await userIdOf(b), storyId(2), { storyId: storyId(2), segments: 'nope', updatedAt: T0 + 1 });
    await project.db.exclusive((pg) => pg.query(`update public.annotations set content = '{"storyId":1}' where story_id = $1`, [storyId(1)]));
    const report = await b.sync();
    expect(report.outcome).toBe('synced');
    expect(report.pull?.annotations.applied).toBe(0);
    const reasons = report.pull?.annotations.rejected ?? [];
    expect(reasons.map((r) => r.key).sort()).toEqual([storyId(1), storyId(2)].sort());
    expect(reasons.find((r) => r.key === storyId(2))?.reason).toMatch(/segments/);
    expect(await b.db.annotations.get(storyId(1))).toEqual(words(1));
    expect(await b.db.annotations.get(storyId(2))).toBeUndefined();
  });

  it('words pulled before their story are kept and written when the story arrives', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.sync();
    const b = await project.syncedDevice('b', 'kumi@example.test');
    // A's push of the words landed between B's story pull and its annotation pull.
    await serverInsert(await userIdOf(a), storyId(1), words(1));
    await b.sync();
    expect(await b.db.annotations.get(storyId(1))).toBeUndefined();
    await a.on(() => putStories([makeStory(1)]));
    await a.sync();
    await b.sync();
    expect(await b.db.annotations.get(storyId(1))).toEqual(words(1));
    expect(await b.db.outbox.count()).toBe(0);
    expect(await b.db.syncState.get('sync-waiting-annotations')).toBeUndefined();
  });
});

describe('a deleted story takes its words with it', () => {
  it('the server tombstones the words with the story; B loses both; the words are not sent again', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.on(async () => {
      await putStories([makeStory(1), makeStory(2)]);
      await saveAnnotation(words(1));
    });
    await a.sync();
    const b = await project.syncedDevice('b', 'kumi@example.test');
    expect(await b.db.annotations.get(storyId(1))).toBeDefined();
    await a.on(() => deleteStory(storyId(1)));
    await a.sync({ force: true });
    expect(await serverWords('kumi@example.test')).toEqual([{ story_id: storyId(1), content: {}, deleted: true }]);
    await b.sync();
    expect(await b.db.stories.get(storyId(1))).toBeUndefined();
    expect(await b.db.annotations.get(storyId(1))).toBeUndefined();
    expect(await b.db.outbox.count()).toBe(0);
    expect(requestsTo(project.front, 'POST', '/rest/v1/annotations').length).toBe(1); // A's first push only
  });
});

describe('a project set up before annotations existed', () => {
  const rollback = (name: string) => readFileSync(fileURLToPath(new URL(`../../../supabase/rollback/${name}.down.sql`, import.meta.url)), 'utf8');

  it('still syncs stories and progress, says which migration is missing, and keeps the words to send later', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.sync();
    for (const name of ['20261212000000_annotations_follow_stories', '20261210000000_annotations']) {
      await project.db.exclusive((pg) => pg.exec(rollback(name)));
    }
    await a.on(async () => {
      await putStories([makeStory(1)]);
      await saveProgress(makeProgress(storyId(1), { percent: 30, lastReadAt: T0 + 5, updatedAt: T0 + 5 }));
      await saveAnnotation(words(1));
    });
    const report = await a.sync();
    expect(report.outcome).toBe('failed');
    expect(report.error).toMatch(/supabase\/migrations.*public\.annotations/);
    expect(await project.serverStories('kumi@example.test')).toEqual([{ id: storyId(1), deleted: false }]);
    expect((await a.db.outbox.toArray()).map((r) => r.table)).toEqual(['annotations']);

    // A new device's first sync (pull, then push) is not stopped by the missing table either.
    const b = await project.device('b');
    await b.on(() => putStories([makeStory(2)]));
    await b.signIn('kumi@example.test');
    expect((await b.sync()).outcome).toBe('failed');
    expect(await b.db.stories.get(storyId(1))).toBeDefined();
    expect(await b.db.progress.get(storyId(1))).toMatchObject({ percent: 30 });
    expect((await project.serverStories('kumi@example.test')).map((s) => s.id)).toEqual([storyId(1), storyId(2)].sort());
  });
});
