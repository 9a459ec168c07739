import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { saveSettings } from '../../../src/db/settings-repo';
import { putStories } from '../../../src/db/stories-repo';
import { loadSyncView } from '../../../src/sync/status';
import { makeStory, storyId } from '../../support/fixtures/library';
import { signedUpClient, startSupabaseFront } from '../../support/supabase';
import { requestsTo } from '../../support/sync-devices';
import { library, useSyncProject } from './harness';

/**
 * A hosted project on a bad day, with the real sync code: the front taught to answer as Supabase's
 * gateway and PostgREST do (5xx from the gateway, setup errors, 21000, "Max rows", a body limit).
 */
const project = useSyncProject();

const storyPosts = () => requestsTo(project.front, 'POST', '/rest/v1/stories');

describe('errors that are not the row’s fault', () => {
  it('the gateway’s 520 and 530 are retried within the sync, and the stories arrive', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.sync();
    await a.on(() => putStories(library(3)));
    project.front.requests.length = 0;
    project.front.failNext(1, 520, { pathPrefix: '/rest/v1/stories' });
    project.front.failNext(1, 530, { pathPrefix: '/rest/v1/stories' });
    expect((await a.sync()).outcome).toBe('synced');
    expect(storyPosts().map((r) => r.status)).toEqual([520, 530, 201]);
    expect(await project.serverStories('kumi@example.test')).toHaveLength(3);
  });

  it('a refusal that names no bad row stops the push: nothing set aside, and Settings says what to fix', async () => {
    for (const [status, code, message] of [
      [400, 'PGRST204', "Could not find the 'topic' column of 'stories' in the schema cache"],
      [400, 'PGRST100', 'failed to parse columns parameter'],
      [409, 'PGRST000', 'Conflict'],
    ] as const) {
      const a = await project.device(`a-${code}`);
      await a.signUp(`${code.toLowerCase()}@example.test`);
      await a.sync();
      await a.on(() => putStories(library(4)));
      project.front.requests.length = 0;
      project.front.failNext(1, status, { pathPrefix: '/rest/v1/stories', code, message });
      const report = await a.sync();
      expect(report.outcome, code).toBe('failed');
      expect(storyPosts(), code).toHaveLength(1);
      const view = await a.on(loadSyncView);
      expect(view, code).toMatchObject({ pending: 4, rejected: [] });
      expect(view.status.lastError, code).toMatch(/supabase\/migrations \(see supabase\/README\.md\).*Your changes are kept/);
    }
  });
});

describe('one conflict key twice in a batch', () => {
  it('the front answers 500 with 21000, as PostgREST does', async () => {
    const { client } = await signedUpClient(project.front, 'ren@example.test');
    const id = randomUUID();
    const twice = [1, 2].map((n) => ({ id, content: { n }, level: 'N5', title_jp: `話${n}` }));
    const { status, error } = await client.from('stories').upsert(twice, { onConflict: 'user_id,id' });
    expect({ status, code: error?.code }).toEqual({ status: 500, code: '21000' });
    expect(error?.message).toMatch(/cannot affect row a second time/);
  });

  it('the push sends the newest change once, and the older row leaves the outbox with it', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.sync();
    await a.on(async () => {
      await saveSettings({ theme: 'dark' });
      // A second row for the one settings row, queued under another key by an older version.
      await a.db.outbox.put({ id: 'user_settings:legacy', table: 'user_settings', rowKey: 'legacy', deleted: false, queuedAt: 1, attempts: 0, rejected: null });
    });
    project.front.requests.length = 0;
    const report = await a.sync();
    expect(report).toMatchObject({ outcome: 'synced', push: { sent: 1, rejected: 0 } });
    expect(requestsTo(project.front, 'POST', '/rest/v1/user_settings').map((r) => [r.status, (r.body as unknown[]).length])).toEqual([[201, 1]]);
    expect(await a.db.outbox.count()).toBe(0);
  });
});

describe('a project whose "Max rows" is below the page size', () => {
  it('a second device pulls every story, in short pages, and a later sync ends too', async () => {
    const front = await startSupabaseFront({ db: project.db, maxRows: 3 });
    try {
      const a = await project.device('a', front);
      await a.signUp('kumi@example.test');
      await a.on(() => putStories(library(10)));
      expect((await a.sync()).push?.sent).toBe(10);
      const b = await project.device('b', front);
      await b.signIn('kumi@example.test');
      expect((await b.sync()).pull?.stories).toMatchObject({ transferred: 10, applied: 10 });
      expect(await b.db.stories.count()).toBe(10);
      // Every page the front answered was cut to 3 rows, whatever the pull asked for.
      const pages = front.requests.filter((r) => r.method === 'GET' && r.path === '/rest/v1/stories');
      expect(pages.every((r) => r.query.some(([k, v]) => k === 'limit' && v === '250'))).toBe(true);
      expect((await b.sync()).pull?.stories).toMatchObject({ transferred: 10, applied: 0 });
    } finally {
      await front.close();
    }
  });
});

describe('a gateway body limit', () => {
  it('a story too large for it is set aside with the reason, with or without CORS on the 413; the others arrive', async () => {
    for (const cors of [true, false]) {
      const front = await startSupabaseFront({ db: project.db, maxBodyBytes: 20_000, bodyLimitCors: cors });
      try {
        const a = await project.device(`a-${cors}`, front);
        await a.signUp(`cors-${cors}@example.test`);
        await a.sync();
        // 15 000 characters of Japanese: under the limit in string length, 45 000 bytes as sent.
        const content = Array.from({ length: 10 }, () => ({ jp: '雨'.repeat(1500), readings: [], en: '', vocab: [] }));
        const big = makeStory(2, { content });
        await a.on(() => putStories([makeStory(1), big, makeStory(3)]));
        const report = await a.sync();
        expect(report, String(cors)).toMatchObject({ outcome: 'synced', push: { sent: 2, rejected: 1 } });
        expect((await project.serverStories(`cors-${cors}@example.test`)).map((s) => s.id)).toEqual([storyId(1), storyId(3)]);
        const [kept] = await a.db.outbox.toArray();
        expect(kept, String(cors)).toMatchObject({ rowKey: storyId(2), rejected: { status: cors ? 413 : 0 } });
        expect(kept!.rejected!.message).toMatch(/too large/);
      } finally {
        await front.close();
      }
    }
  });
});
