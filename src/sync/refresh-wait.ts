import { getDb } from '../db/database';

/**
 * "Supabase is limiting sign-in requests; retrying in N s": the one piece of the rate-limited token
 * refresh (refresh-backoff.ts) that Settings shows. Kept in the `syncState` table, so a tab sees a
 * wait the service worker is in too. Light on purpose: Settings imports it without the auth client.
 */
export const REFRESH_WAIT_KEY = 'auth-refresh-wait';

export interface RefreshWait {
  /** When the next refresh request goes out (ms since the epoch). */
  retryAt: number;
  /** Refresh requests refused with 429 so far in this wait. */
  refused: number;
}

/**
 * A record whose retry is this far in the past belongs to a context that died mid-wait (a worker the
 * browser stopped): it says nothing about now.
 */
const STALE_AFTER_MS = 60_000;

export async function readRefreshWait(now = Date.now()): Promise<RefreshWait | null> {
  const value = (await getDb().syncState.get(REFRESH_WAIT_KEY))?.value as Partial<RefreshWait> | undefined;
  if (typeof value?.retryAt !== 'number' || typeof value.refused !== 'number') return null;
  return value.retryAt > now - STALE_AFTER_MS ? { retryAt: value.retryAt, refused: value.refused } : null;
}

export async function writeRefreshWait(wait: RefreshWait): Promise<void> {
  await getDb().syncState.put({ key: REFRESH_WAIT_KEY, value: wait });
}

export async function clearRefreshWait(): Promise<void> {
  await getDb().syncState.delete(REFRESH_WAIT_KEY);
}

/** The sentence for Settings, or null when no refresh is waiting. */
export function refreshWaitWords(wait: RefreshWait | null, now = Date.now()): string | null {
  if (!wait) return null;
  const seconds = Math.max(0, Math.ceil((wait.retryAt - now) / 1000));
  const when = seconds > 0 ? `retrying in ${seconds} s` : 'retrying now';
  return `Supabase is limiting sign-in requests; ${when}. You are still signed in.`;
}
