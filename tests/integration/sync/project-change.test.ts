import { describe, expect, it } from 'vitest';
import { putStories } from '../../../src/db/stories-repo';
import { inProcessLocks } from '../../../src/jobs/lock';
import { createSyncClient, type SyncClient } from '../../../src/sync/client';
import { saveSyncConfig } from '../../../src/sync/config';
import { signIn, signOut } from '../../../src/sync/session';
import { loadSyncView } from '../../../src/sync/status';
import { syncNow } from '../../../src/sync/sync-now';
import { type SupabaseFront, startSupabaseFront } from '../../support/supabase';
import type { Device } from '../../support/sync-devices';
import { PASSWORD } from '../../support/sync-devices';
import { library, useSyncProject } from './harness';

/**
 * Changing Supabase project: the session of project A is A's. Whatever the device does next against
 * project B (build a client, sync, refresh, sign out), none of A's tokens reaches B.
 */
const project = useSyncProject();
const locks = inProcessLocks();

/** A learner signed in and synced at project A (the harness's front); returns A's tokens. */
async function signedInAtA(): Promise<{ a: Device; tokens: string[] }> {
  const a = await project.device('a');
  await a.signUp('kumi@example.test');
  await a.on(() => putStories(library(2)));
  await a.sync();
  const { data } = await a.on(() => a.client.auth.getSession());
  return { a, tokens: [data.session!.access_token, data.session!.refresh_token] };
}

/** Requests B received that carried one of `tokens` (as bearer or anywhere in the body). */
const carrying = (b: SupabaseFront, tokens: string[]) =>
  b.requests.filter((r) => tokens.includes(r.bearer ?? '') || tokens.some((t) => JSON.stringify(r.body ?? null).includes(t)));

/** Everything that could use a stored session against B: sync, an explicit refresh, sign-out. */
async function talkTo(a: Device, clientB: SyncClient): Promise<void> {
  const report = await a.on(() => syncNow({ client: clientB, locks, sleep: async () => undefined }));
  expect(report.outcome).not.toBe('synced');
  await a.on(() => clientB.auth.refreshSession());
  await a.on(() => signOut({ keepLibrary: true }, clientB));
}

async function withProjectB(fn: (b: SupabaseFront, clientB: SyncClient) => Promise<void>): Promise<void> {
  // Same database and JWT secret: A's access token would even be ACCEPTED by B, the worst case.
  const b = await startSupabaseFront({ db: project.db });
  const clientB = createSyncClient({ url: b.url, anonKey: b.anonKey }, 'page', { locks });
  try {
    await fn(b, clientB);
  } finally {
    await clientB.auth.stopAutoRefresh();
    await b.close();
  }
}

describe('changing Supabase project', () => {
  it('a client for project B never reads project A’s stored session', async () => {
    const { a, tokens } = await signedInAtA();
    await withProjectB(async (b, clientB) => {
      await talkTo(a, clientB);
      expect(carrying(b, tokens)).toHaveLength(0);
      expect(b.requests.filter((r) => r.path.startsWith('/rest/'))).toHaveLength(0);
    });
  });

  it('saving another project forgets the old session before anything talks to the new one', async () => {
    const { a, tokens } = await signedInAtA();
    await withProjectB(async (b, clientB) => {
      await a.on(() => saveSyncConfig(b.url, b.anonKey));
      expect(await a.db.secrets.get('supabaseSession')).toBeUndefined();
      expect(await a.on(loadSyncView)).toMatchObject({ hasSession: false });
      await talkTo(a, clientB);
      expect(carrying(b, tokens)).toHaveLength(0);
      // Signing in at B works as usual, with B's own tokens.
      expect(await a.on(() => signIn('kumi@example.test', PASSWORD, clientB))).toMatchObject({ ok: true });
      expect(await a.on(loadSyncView)).toMatchObject({ hasSession: true });
      expect((await a.on(() => syncNow({ client: clientB, locks, sleep: async () => undefined }))).outcome).toBe('synced');
      expect(carrying(b, tokens)).toHaveLength(0);
    });
  });
});
