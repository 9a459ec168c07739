import type { SyncReport } from '../sync/sync-now';
import type { AuthResult } from '../sync/session';

/**
 * What Settings asks of sync, each loading the sync code on first use. Settings imports only this
 * and the light modules of src/sync (config, status, outbox), so with sync not configured the
 * Settings route downloads no Supabase client (measured by `npm run bench`: settings-route-js).
 */
export async function signUp(email: string, password: string): Promise<AuthResult> {
  return (await import('../sync/session')).signUp(email, password);
}

export async function signIn(email: string, password: string): Promise<AuthResult> {
  return (await import('../sync/session')).signIn(email, password);
}

export async function signOut(options: { keepLibrary: boolean }): Promise<void> {
  await (await import('../sync/session')).signOut(options);
}

/** "Sync now": starts the page's triggers if they are not running yet, then syncs at once. */
export async function syncNowFromSettings(): Promise<SyncReport> {
  const [{ startSync }, { requestSync }] = await Promise.all([import('./sync-boot'), import('./page-sync')]);
  await startSync();
  return requestSync();
}
