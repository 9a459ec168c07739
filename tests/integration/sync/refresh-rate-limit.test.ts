import { afterEach, describe, expect, it, vi } from 'vitest';
import { putStories } from '../../../src/db/stories-repo';
import { inProcessLocks, type Locks } from '../../../src/jobs/lock';
import { storedSessionExpiresAt } from '../../../src/sync/auth-storage';
import { createSyncClient, type SyncClient } from '../../../src/sync/client';
import { type RefreshWait, readRefreshWait } from '../../../src/sync/refresh-wait';
import { loadSyncView } from '../../../src/sync/status';
import { type SupabaseFront, startSupabaseFront } from '../../support/supabase';
import type { Device } from '../../support/sync-devices';
import { waitUntil } from '../../support/wait-until';
import { library, useSyncProject } from './harness';

/**
 * The project answers 429 to token refreshes. auth-js alone keeps a still-valid session but drops it
 * at the first 429 after the access token expired; the app retries the refresh with backoff while the
 * token is valid, says so, and keeps the learner signed in when the limit lifts in time.
 *
 * Access tokens live 60 s, so every sync is inside supabase-js's 90 s refresh margin. Time is the
 * test's: the client's pauses move the (shared) Date clock on instead of sleeping.
 */
const project = useSyncProject();

let short: SupabaseFront | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await short?.close();
  short = undefined;
});

interface Setup {
  a: Device;
  client: SyncClient;
  /** What Settings would read at each pause. */
  waits: Array<RefreshWait | null>;
  tokenStatuses(): number[];
}

async function signedUpWithShortTokens(): Promise<Setup> {
  short = await startSupabaseFront({ db: project.db, accessTokenTtlSeconds: 60 });
  const front = short;
  const a = await project.device('a', front);
  await a.signUp('kumi@example.test');
  const waits: Array<RefreshWait | null> = [];
  const sleep = async (ms: number) => {
    waits.push(await readRefreshWait());
    vi.setSystemTime(Date.now() + ms);
  };
  const client = createSyncClient(a.client.config, 'worker', { locks: inProcessLocks(), sleep });
  vi.useFakeTimers({ toFake: ['Date'] });
  front.requests.length = 0;
  const tokenStatuses = () => front.requests.filter((r) => r.path === '/auth/v1/token').map((r) => r.status);
  return { a, client, waits, tokenStatuses };
}

describe('a rate-limited token refresh', () => {
  it('is retried with backoff while the access token is valid: the session survives and sync goes on', async () => {
    const { a, client, waits, tokenStatuses } = await signedUpWithShortTokens();
    await a.on(() => putStories(library(2)));
    short?.failNext(3, 429, { pathPrefix: '/auth/v1/token' });
    expect((await a.sync({ client })).outcome).toBe('synced');
    // (Tokens this short-lived are refreshed before every request: later refreshes are the sync's own.)
    expect(tokenStatuses().slice(0, 4)).toEqual([429, 429, 429, 200]);
    expect(tokenStatuses().slice(4).every((s) => s === 200)).toBe(true);
    // Settings had something to say at every pause, and has nothing once it is over.
    expect(waits.map((w) => w?.refused)).toEqual([1, 2, 3]);
    expect(await a.on(readRefreshWait)).toBeNull();

    // Past the first access token's expiry: the refreshed session carries on.
    vi.setSystemTime(Date.now() + 61_000);
    await a.on(() => putStories(library(1, 3)));
    expect((await a.sync({ client })).outcome).toBe('synced');
    expect(await project.serverStories('kumi@example.test')).toHaveLength(3);
    expect(await a.on(loadSyncView)).toMatchObject({ hasSession: true, pending: 0, status: { needsSignIn: false } });
  });

  it('that never recovers before the access token expires ends in "sign in again", the unsent changes kept', async () => {
    const { a, client, waits, tokenStatuses } = await signedUpWithShortTokens();
    const expiresAt = (await a.on(() => storedSessionExpiresAt(a.client.config.url))) ?? 0;
    short?.failNext(1_000, 429, { pathPrefix: '/auth/v1/token' });
    // The first sync still has a valid access token: it syncs, after retries that all fit before expiry.
    expect((await a.sync({ client })).outcome).toBe('synced');
    expect(tokenStatuses().length).toBeGreaterThan(2);
    expect(tokenStatuses().every((s) => s === 429)).toBe(true);
    expect(waits.every((w) => w !== null && w.retryAt < expiresAt)).toBe(true);
    expect(await a.on(readRefreshWait)).toBeNull();

    await a.on(() => putStories(library(2)));
    vi.setSystemTime(expiresAt + 1_000);
    const report = await a.sync({ client });
    expect(report).toMatchObject({ outcome: 'sign-in-needed', error: expect.stringMatching(/Sign in again; your unsent changes are kept/) });
    expect(await a.on(loadSyncView)).toMatchObject({ pending: 2, status: { needsSignIn: true } });
  });

  it('another context waiting for the sign-in lock meanwhile waits the retries out and gets the new session', async () => {
    short = await startSupabaseFront({ db: project.db, accessTokenTtlSeconds: 60 });
    const a = await project.device('a', short);
    await a.signUp('kumi@example.test');
    const inner = inProcessLocks();
    let workerLockRequests = 0;
    const locks: Locks = {
      held: () => inner.held(),
      run: (name, options, fn) => {
        if (options.signal && name.startsWith('lock:') && asWorker) workerLockRequests += 1;
        return inner.run(name, options, fn);
      },
    };
    let asWorker = false;
    let release = () => {};
    let pausing = false;
    const sleep = () => new Promise<void>((resume) => {
      pausing = true;
      release = resume;
    });
    const page = createSyncClient(a.client.config, 'worker', { locks, sleep, lockAcquireTimeoutMs: 50 });
    const worker = createSyncClient(a.client.config, 'worker', { locks, lockAcquireTimeoutMs: 50 });
    short.failNext(1, 429, { pathPrefix: '/auth/v1/token' });
    const pageSession = a.on(() => page.auth.getSession());
    await waitUntil(() => pausing, { what: 'the page to pause between refresh attempts' });
    asWorker = true;
    const workerSession = worker.auth.getSession();
    await waitUntil(() => workerLockRequests >= 2, { what: 'the worker to outwait one lock timeout' });
    release();
    const [fromPage, fromWorker] = await Promise.all([pageSession, workerSession]);
    expect(fromPage.error).toBeNull();
    expect(fromWorker.error).toBeNull();
    expect(fromWorker.data.session?.user.email).toBe('kumi@example.test');
    // The worker refreshed after the page, from the page's new token (60 s tokens are always due):
    // no token was spent twice.
    expect(short.requests.filter((r) => r.path === '/auth/v1/token').map((r) => r.status)).toEqual([429, 200, 200]);
  });
});
