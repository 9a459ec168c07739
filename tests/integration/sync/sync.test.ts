import { describe, expect, it } from 'vitest';
import { deleteStory } from '../../../src/db/library-repo';
import { saveProgress } from '../../../src/db/progress-repo';
import { saveSettings } from '../../../src/db/settings-repo';
import { putStories } from '../../../src/db/stories-repo';
import { makeProgress, makeStory, storyId, T0 } from '../../support/fixtures/library';
import { requestsTo } from '../../support/sync-devices';
import { library, useSyncProject } from './harness';
import { mintFakeGoogleKey } from '../../support/fake-key';

/**
 * The real sync code (push, pull, merge) between devices, against the Supabase front on Postgres
 * (PGlite) with the migrations applied: RLS, server-set updated_at and sticky tombstones decide, as
 * they would on a real project.
 */
const project = useSyncProject();

describe('push and pull between two devices of one learner', () => {
  it('pushes 500 stories in a few requests; an empty device pulls them all; nothing pulled is re-queued', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.on(() => putStories(library(500)));
    project.front.requests.length = 0;
    const pushed = await a.sync();
    expect(pushed.outcome).toBe('synced');
    expect(pushed.push).toMatchObject({ sent: 500, rejected: 0 });
    expect(requestsTo(project.front, 'POST', '/rest/v1/stories').length).toBeLessThanOrEqual(3);
    expect(await project.serverStories('kumi@example.test')).toHaveLength(500);
    expect(await a.db.outbox.count()).toBe(0);

    const b = await project.device('b');
    await b.signIn('kumi@example.test');
    const pulled = await b.sync();
    expect(pulled.pull?.stories).toMatchObject({ transferred: 500, applied: 500 });
    expect(await b.db.stories.count()).toBe(500);
    expect(await b.db.storySummaries.count()).toBe(500);
    expect(await b.db.stories.get(storyId(42))).toEqual(makeStory(42));
    expect(await b.db.outbox.count()).toBe(0);
  });

  it('an incremental pull applies exactly the one changed story', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.on(() => putStories(library(20)));
    await a.sync();
    const b = await project.device('b');
    await b.signIn('kumi@example.test');
    await b.sync();
    await a.on(() => putStories([makeStory(5, { titleEN: 'Edited on A', updatedAt: T0 + 999_999 })]));
    await a.sync();
    const incremental = await b.sync();
    expect(incremental.pull?.stories.applied).toBe(1);
    expect(await b.db.stories.get(storyId(5))).toMatchObject({ titleEN: 'Edited on A' });
    expect(await b.db.outbox.count()).toBe(0);
  });

  it('reading progress and preferences follow the learner; the API key and device fields do not', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.on(async () => {
      await putStories([makeStory(1)]);
      await saveProgress(makeProgress(storyId(1), { percent: 64, lastReadAt: T0 + 50, updatedAt: T0 + 50 }));
      await a.db.secrets.put({ key: 'geminiApiKey', value: mintFakeGoogleKey(), updatedAt: T0 });
      await saveSettings({ theme: 'dark', showEnglish: false });
    });
    await a.sync();
    const b = await project.device('b');
    await b.signIn('kumi@example.test');
    await b.sync();
    expect(await b.db.progress.get(storyId(1))).toMatchObject({ percent: 64, lastReadAt: T0 + 50 });
    const settings = (await b.db.settings.get('app'))?.value;
    expect(settings).toMatchObject({ theme: 'dark', showEnglish: false, supabaseUrl: project.front.url });
    const pushedBodies = JSON.stringify(project.front.requests.map((r) => r.body));
    expect(pushedBodies).not.toContain('AIzaSy');
    expect(pushedBodies).not.toContain('supabaseAnonKey');
  });
});

describe('deletions', () => {
  it('a deletion propagates, and an offline device’s older copy does not resurrect it', async () => {
    const a = await project.learnerWithLibrary('a', 'kumi@example.test', 3);
    const b = await project.syncedDevice('b', 'kumi@example.test');
    const c = await project.syncedDevice('c', 'kumi@example.test');

    await a.on(() => deleteStory(storyId(2)));
    expect((await a.sync({ force: true })).push?.sent).toBe(1);
    expect(await project.serverStories('kumi@example.test')).toContainEqual({ id: storyId(2), deleted: true });
    await b.sync();
    expect(await b.db.stories.get(storyId(2))).toBeUndefined();
    expect(await b.db.stories.count()).toBe(2);

    // C missed all of it and re-imports its old copy before syncing: the server keeps the
    // tombstone, and C's copy goes away on that same sync.
    await c.on(() => putStories([makeStory(2)]));
    await c.sync();
    expect(await c.db.stories.get(storyId(2))).toBeUndefined();
    expect(await project.serverStories('kumi@example.test')).toContainEqual({ id: storyId(2), deleted: true });
  });
});

describe('two learners', () => {
  it('a second learner sees nothing of the first, and a shared story id is their own row', async () => {
    await project.learnerWithLibrary('a', 'kumi@example.test', 5);
    const d = await project.device('d');
    await d.signUp('ren@example.test');
    const report = await d.sync();
    expect(report.pull?.stories.transferred).toBe(0);
    expect(await d.db.stories.count()).toBe(0);
    // Ren's copy of one of Kumi's ids (the same older backup imported) is Ren's own row: keys are per user.
    await d.on(() => putStories([makeStory(3, { titleJP: 'れんの話' }), makeStory(100), makeStory(101)]));
    const pushed = await d.sync();
    expect(pushed.push).toMatchObject({ sent: 3, rejected: 0 });
    expect(await d.db.outbox.count()).toBe(0);
    expect(await project.serverStories('ren@example.test')).toHaveLength(3);
    expect(await project.serverStories('kumi@example.test')).toHaveLength(5);
  });
});

describe('the overlap window', () => {
  it('a row committed out of order (older stamp, committed after a pull) is still pulled', async () => {
    await project.learnerWithLibrary('a', 'kumi@example.test', 3);
    const b = await project.syncedDevice('b', 'kumi@example.test');
    const userId = (await b.db.syncState.get('sync-account'))?.value as { userId: string };
    const late = makeStory(77);
    // A transaction that stamped its row 10 s before the newest one B has, and committed only now.
    await project.db.exclusive((pg) =>
      pg.transaction(async (tx) => {
        await tx.query(`set local session_replication_role = replica`);
        await tx.query(
          `insert into public.stories (id, user_id, content, level, title_jp, updated_at)
           values ($1, $2, $3, 'N4', $4, (select max(updated_at) from public.stories) - interval '10 seconds')`,
          [late.id, userId.userId, JSON.stringify(late), late.titleJP],
        );
      }),
    );
    const report = await b.sync();
    expect(report.pull?.stories.applied).toBe(1);
    expect(await b.db.stories.get(late.id)).toEqual(late);
  });
});

