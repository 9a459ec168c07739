import type { SupportedStorage } from '@supabase/supabase-js';
import { getDb } from '../db/database';
import { AUTH_STORAGE_KEY } from './constants';
import { readAccount } from './state';

/**
 * supabase-js's `auth.storage`, on IndexedDB: the session lives in the device-only `secrets` table
 * (row `supabaseSession`), where the service worker can read it after the tab has closed. Never
 * localStorage (a worker has none, and every script of the origin can read it). Other items
 * supabase-js might store (a PKCE verifier; password sign-in makes none) stay in memory.
 *
 * The session is stored with the project URL it came from, and a storage made for another project
 * reads nothing: an auth client pointed at project B must never see project A's tokens, or its
 * first refresh (or sign-out) would send A's refresh token to B.
 */
export const SESSION_SECRET = 'supabaseSession';

/** The row's value: the project the session belongs to, and supabase-js's own item, untouched. */
interface StoredSession {
  project: string;
  item: string;
}

/** The stored session and its project. A row from before sessions were tied to a project is the account's. */
async function readStored(): Promise<StoredSession | null> {
  const value = (await getDb().secrets.get(SESSION_SECRET))?.value;
  if (value === undefined) return null;
  try {
    const parsed = JSON.parse(value) as Partial<StoredSession> | null;
    if (typeof parsed?.project === 'string' && typeof parsed.item === 'string') return { project: parsed.project, item: parsed.item };
  } catch {
    return null;
  }
  const account = await readAccount();
  return account ? { project: account.url, item: value } : null;
}

export function indexedDbAuthStorage(project: string): SupportedStorage {
  const memory = new Map<string, string>();
  return {
    async getItem(key: string): Promise<string | null> {
      if (key !== AUTH_STORAGE_KEY) return memory.get(key) ?? null;
      // Another project's session is not deleted here: a context still on the old project (a
      // worker) reading it must not wipe the new one's. Changing project forgets it (config.ts).
      const stored = await readStored();
      return stored?.project === project ? stored.item : null;
    },
    async setItem(key: string, value: string): Promise<void> {
      if (key !== AUTH_STORAGE_KEY) {
        memory.set(key, value);
        return;
      }
      const stored: StoredSession = { project, item: value };
      await getDb().secrets.put({ key: SESSION_SECRET, value: JSON.stringify(stored), updatedAt: Date.now() });
    },
    async removeItem(key: string): Promise<void> {
      if (key !== AUTH_STORAGE_KEY) {
        memory.delete(key);
        return;
      }
      // Only this project's: removing must not sign the learner out of the project they moved to.
      if ((await readStored())?.project === project) await getDb().secrets.delete(SESSION_SECRET);
    },
  };
}

/** Whether a session of `project` is stored (for the UI: never returns the tokens themselves). */
export async function hasStoredSession(project: string | null): Promise<boolean> {
  return project !== null && (await readStored())?.project === project;
}

/**
 * When the stored access token of `project` expires (ms since the epoch), read without going through
 * the auth client (which would try to refresh it): null without a session or an expiry.
 */
export async function storedSessionExpiresAt(project: string): Promise<number | null> {
  const stored = await readStored();
  if (stored?.project !== project) return null;
  try {
    const expiresAt = (JSON.parse(stored.item) as { expires_at?: unknown } | null)?.expires_at;
    return typeof expiresAt === 'number' ? expiresAt * 1000 : null;
  } catch {
    return null;
  }
}

/** Forgets the session on this device, whatever the server said (sign-out while offline). */
export async function forgetStoredSession(): Promise<void> {
  await getDb().secrets.delete(SESSION_SECRET);
}
