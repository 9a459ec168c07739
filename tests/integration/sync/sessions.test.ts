import { describe, expect, it } from 'vitest';
import { putStories } from '../../../src/db/stories-repo';
import { signOut, signUp } from '../../../src/sync/session';
import { loadSyncView } from '../../../src/sync/status';
import { startSupabaseFront } from '../../support/supabase';
import { PASSWORD, requestsTo } from '../../support/sync-devices';
import { library, useSyncProject } from './harness';

/**
 * Sessions and failures with the real sync code and the Supabase front: expired and revoked tokens,
 * one refresh across page and worker, transient failures, email confirmation, signing out.
 */
const project = useSyncProject();

describe('sessions and failures', () => {
  it('an access token the server considers expired is refreshed once, then the push goes through', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.on(() => putStories(library(3)));
    project.front.expireIssuedTokens();
    project.front.requests.length = 0;
    const report = await a.sync();
    expect(report.outcome).toBe('synced');
    expect(project.front.requests.filter((r) => r.path === '/auth/v1/token')).toHaveLength(1);
    expect(project.front.requests.filter((r) => r.status === 401)).toHaveLength(1);
    expect(await project.serverStories('kumi@example.test')).toHaveLength(3);
  });

  it('page and worker syncing at once after expiry: one refresh, no refresh token spent twice', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.on(() => putStories(library(2)));
    project.front.expireIssuedTokens();
    project.front.requests.length = 0;
    const worker = a.worker();
    const [page, fromWorker] = await Promise.all([a.sync(), a.sync({ client: worker })]);
    expect([page.outcome, fromWorker.outcome]).toEqual(['synced', 'synced']);
    const grants = project.front.requests.filter((r) => r.path === '/auth/v1/token');
    expect(grants).toHaveLength(1);
    expect(grants.every((r) => r.status === 200)).toBe(true);
  });

  it('a transient failure is retried within the sync', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.sync(); // the first sync pulls before it pushes; from now on a sync pushes first
    await a.on(() => putStories(library(4)));
    project.front.requests.length = 0;
    project.front.failNext(1, 503, { pathPrefix: '/rest/v1/stories' });
    const report = await a.sync();
    expect(report.outcome).toBe('synced');
    expect(requestsTo(project.front, 'POST', '/rest/v1/stories').map((r) => r.status)).toEqual([503, 201]);
    expect(await project.serverStories('kumi@example.test')).toHaveLength(4);
  });

  it('offline: the sync fails softly, keeps the outbox, and says why', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.on(() => putStories(library(2)));
    project.front.failNext(10, 0, { pathPrefix: '/rest/v1/' });
    const report = await a.sync();
    expect(report).toMatchObject({ outcome: 'failed', transient: true });
    expect(report.error).toMatch(/Could not reach/);
    expect(await a.db.outbox.count()).toBe(2);
  });

  it('a session that cannot be refreshed asks to sign in again and keeps the outbox; signing in sends it', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.on(() => putStories(library(2)));
    // Someone rotates the stored token twice, then spends it again: reusing a grandparent (unlike
    // the active token's parent, which GoTrue forgives) revokes the whole session.
    const { item } = JSON.parse((await a.db.secrets.get('supabaseSession'))!.value) as { item: string };
    const stored = (JSON.parse(item) as { refresh_token: string }).refresh_token;
    const spend = async (token: string) => {
      const res = await fetch(`${project.front.url}/auth/v1/token?grant_type=refresh_token`, {
        method: 'POST',
        headers: { apikey: project.front.anonKey, 'Content-Type': 'application/json' },
        body: JSON.stringify({ refresh_token: token }),
      });
      return { status: res.status, body: (await res.json()) as { refresh_token?: string } };
    };
    const child = await spend(stored);
    expect((await spend(child.body.refresh_token ?? '')).status).toBe(200);
    expect((await spend(stored)).status).toBe(400);
    project.front.expireIssuedTokens();
    const report = await a.sync();
    expect(report.outcome).toBe('sign-in-needed');
    expect(await a.db.outbox.count()).toBe(2);
    expect((await a.db.syncState.get('sync-status'))?.value).toMatchObject({ needsSignIn: true });
    await a.signIn('kumi@example.test');
    expect((await a.sync()).outcome).toBe('synced');
    expect(await project.serverStories('kumi@example.test')).toHaveLength(2);
  });
});

describe('accounts', () => {
  it('a project that wants email confirmation: sign-up says "check your email" and records no account', async () => {
    const strict = await startSupabaseFront({ db: project.db, requireEmailConfirmation: true });
    try {
      const a = await project.device('strict', strict);
      const result = await a.on(() => signUp('yuki@example.test', PASSWORD, a.client, 'http://localhost:4173'));
      expect(result).toMatchObject({ ok: true, signedIn: false });
      expect(result.message).toMatch(/Check your email/);
      // The confirmation link is to come back to the app, not to the project's default Site URL.
      const signup = strict.requests.find((r) => r.path === '/auth/v1/signup');
      expect(signup?.query).toContainEqual(['redirect_to', 'http://localhost:4173']);
      expect(await a.on(loadSyncView)).toMatchObject({ account: null, hasSession: false });
      await strict.confirmEmail('yuki@example.test');
      await a.signIn('yuki@example.test');
      expect((await a.sync()).outcome).toBe('synced');
    } finally {
      await strict.close();
    }
  });

  it('signing out keeps the library or removes it from the device; the server keeps everything', async () => {
    const a = await project.device('a');
    await a.signUp('kumi@example.test');
    await a.on(() => putStories(library(2)));
    await a.sync();
    await a.on(() => putStories(library(1, 3)));
    await a.on(() => signOut({ keepLibrary: true }, a.client));
    expect(await a.db.stories.count()).toBe(3);
    expect(await a.db.outbox.count()).toBe(0);
    expect(await a.db.secrets.get('supabaseSession')).toBeUndefined();
    expect(await a.on(loadSyncView)).toMatchObject({ account: null, hasSession: false, pending: 0 });

    // Back as the same learner: the story made while signed out is sent; the two the project has
    // already are not sent again.
    await a.signIn('kumi@example.test');
    project.front.requests.length = 0;
    expect((await a.sync()).push).toMatchObject({ sent: 1 });
    const words = (await a.db.stories.toCollection().primaryKeys()).map((storyId) => ({ storyId, segments: [], model: null, updatedAt: 1 }));
    await a.db.annotations.bulkPut(words as never);
    await a.on(() => signOut({ keepLibrary: false }, a.client));
    expect(await a.db.stories.count()).toBe(0);
    expect(await a.db.annotations.count()).toBe(0);
    expect(await project.serverStories('kumi@example.test')).toHaveLength(3);
  });

  it('a library made before sync was set up is sent on the first sign-in, but not to another learner', async () => {
    const a = await project.device('a');
    await a.on(() => putStories(library(4)));
    expect(await a.db.outbox.count()).toBe(0); // local-only: nothing is queued
    await a.signUp('kumi@example.test');
    expect((await a.sync()).push).toMatchObject({ sent: 4, rejected: 0 });
    await a.on(() => signOut({ keepLibrary: true }, a.client));
    await a.signUp('ren@example.test');
    const other = await a.sync();
    expect(other.push).toMatchObject({ sent: 0, rejected: 0 });
    expect(await project.serverStories('ren@example.test')).toEqual([]);
  });
});

