import type { SupportedStorage } from '@supabase/supabase-js';
import { getDb } from '../db/database';
import { AUTH_STORAGE_KEY } from './constants';

/**
 * supabase-js's `auth.storage`, on IndexedDB: the session lives in the device-only `secrets` table
 * (row `supabaseSession`), where the service worker can read it after the tab has closed. Never
 * localStorage (a worker has none, and every script of the origin can read it). Other items
 * supabase-js might store (a PKCE verifier; password sign-in makes none) stay in memory.
 */
export const SESSION_SECRET = 'supabaseSession';

export function indexedDbAuthStorage(): SupportedStorage {
  const memory = new Map<string, string>();
  return {
    async getItem(key: string): Promise<string | null> {
      if (key !== AUTH_STORAGE_KEY) return memory.get(key) ?? null;
      return (await getDb().secrets.get(SESSION_SECRET))?.value ?? null;
    },
    async setItem(key: string, value: string): Promise<void> {
      if (key !== AUTH_STORAGE_KEY) {
        memory.set(key, value);
        return;
      }
      await getDb().secrets.put({ key: SESSION_SECRET, value, updatedAt: Date.now() });
    },
    async removeItem(key: string): Promise<void> {
      if (key !== AUTH_STORAGE_KEY) {
        memory.delete(key);
        return;
      }
      await getDb().secrets.delete(SESSION_SECRET);
    },
  };
}

/** Whether a session is stored (for the UI: never returns the tokens themselves). */
export async function hasStoredSession(): Promise<boolean> {
  return (await getDb().secrets.get(SESSION_SECRET)) !== undefined;
}

/** Forgets the session on this device, whatever the server said (sign-out while offline). */
export async function forgetStoredSession(): Promise<void> {
  await getDb().secrets.delete(SESSION_SECRET);
}
