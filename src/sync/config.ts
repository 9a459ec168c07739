import { getDb } from '../db/database';
import { loadSettings } from '../db/settings-repo';
import { checkEndpoint, ENDPOINT_MESSAGES } from '../domain/device-settings';
import type { Settings } from '../domain/settings';
import { forgetStoredSession } from './auth-storage';

/**
 * Which Supabase project the app syncs with: the project URL and anon key entered in Settings, or
 * else the build-time `VITE_SUPABASE_URL` / `VITE_SUPABASE_ANON_KEY`. Neither means "local only".
 */
export interface SyncConfig {
  /** e.g. `https://abcd.supabase.co`, without a trailing slash. */
  url: string;
  anonKey: string;
}

export interface BuildEnv {
  VITE_SUPABASE_URL?: string | undefined;
  VITE_SUPABASE_ANON_KEY?: string | undefined;
}

/** The build-time values; empty outside a Vite build (Node scripts). */
export function buildEnv(): BuildEnv {
  // Vite replaces these at build time; under plain Node (tsx scripts) import.meta.env is undefined.
  if (typeof import.meta.env !== 'object' || import.meta.env === null) return {};
  return { VITE_SUPABASE_URL: import.meta.env.VITE_SUPABASE_URL, VITE_SUPABASE_ANON_KEY: import.meta.env.VITE_SUPABASE_ANON_KEY };
}

export function syncConfigFrom(settings: Pick<Settings, 'supabaseUrl' | 'supabaseAnonKey'>, env: BuildEnv = buildEnv()): SyncConfig | null {
  const fromSettings = settings.supabaseUrl.trim() !== '' && settings.supabaseAnonKey.trim() !== '';
  const url = fromSettings ? settings.supabaseUrl : (env.VITE_SUPABASE_URL ?? '');
  const anonKey = fromSettings ? settings.supabaseAnonKey : (env.VITE_SUPABASE_ANON_KEY ?? '');
  const checked = checkProjectUrl(url);
  // A secret key (from a build, or stored before Settings checked keys) is never used, nor sent.
  if (!checked.ok || anonKey.trim() === '' || keyKind(anonKey.trim()) === 'secret') return null;
  return { url: checked.url, anonKey: anonKey.trim() };
}

export async function loadSyncConfig(): Promise<SyncConfig | null> {
  return syncConfigFrom(await loadSettings());
}

export type UrlCheck = { ok: true; url: string } | { ok: false; message: string };

/**
 * The one endpoint rule (domain/device-settings.ts: https, or http only on this computer, no
 * credentials in the address), worded for the Supabase form.
 */
export function checkProjectUrl(raw: string): UrlCheck {
  const text = raw.trim();
  if (text === '') return { ok: false, message: 'Enter your Supabase project URL.' };
  const checked = checkEndpoint(text);
  if (checked.ok) return checked;
  if (checked.message === ENDPOINT_MESSAGES.notAUrl) return { ok: false, message: 'That is not a URL. It looks like https://abcd.supabase.co.' };
  if (checked.message === ENDPOINT_MESSAGES.notSecure) return { ok: false, message: 'The project URL must start with https://.' };
  return checked;
}

export type KeyCheck = { ok: true; key: string } | { ok: false; message: string };

const WHERE = 'Copy it from Project Settings → API Keys in the Supabase dashboard.';

/**
 * The browser's key, in either of Supabase's formats: a publishable key (`sb_publishable_…`, not a
 * JWT: the gateway maps it to the anon role) or the legacy anon key (a JWT whose role is `anon`).
 * A secret or service_role key is refused: it bypasses row-level security and must never be shipped
 * in a page, let alone synced into a backup.
 */
export function checkAnonKey(raw: string): KeyCheck {
  const key = raw.trim();
  if (key === '') return { ok: false, message: `Enter the project's publishable key or anon key. ${WHERE}` };
  switch (keyKind(key)) {
    case 'browser':
      return { ok: true, key };
    case 'secret':
      return { ok: false, message: 'That is a secret key, which bypasses row-level security and must never be in a browser. Use the publishable key or the anon key.' };
    default:
      return { ok: false, message: `That is not a Supabase API key: it starts with sb_publishable_ or, for the legacy anon key, eyJ. ${WHERE}` };
  }
}

function keyKind(key: string): 'browser' | 'secret' | 'unknown' {
  if (key.startsWith('sb_publishable_')) return 'browser';
  if (key.startsWith('sb_secret_')) return 'secret';
  const role = jwtRole(key);
  return role === 'anon' ? 'browser' : role === 'service_role' ? 'secret' : 'unknown';
}

/** The `role` claim of a JWT-shaped key, without verifying it (only the project can). */
function jwtRole(key: string): string | null {
  const payload = key.split('.');
  if (payload.length !== 3 || !payload[1]) return null;
  try {
    const json = atob(payload[1].replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload[1].length / 4) * 4, '='));
    const claims = JSON.parse(json) as { role?: unknown } | null;
    return typeof claims?.role === 'string' ? claims.role : null;
  } catch {
    return null;
  }
}

/**
 * Stores the project in Settings. Written straight to the row, without moving `updatedAt` and
 * without queueing a push: which project a device talks to is not a preference to sync, and
 * bumping the clock would let a fresh device's defaults win over the learner's synced preferences.
 *
 * Another project forgets the stored session in the same transaction, before any client of the new
 * project exists: its tokens belong to the old project and must never be sent to the new one (the
 * storage refuses them anyway, auth-storage.ts; this also stops them lingering on the device).
 */
export async function saveSyncConfig(url: string, anonKey: string): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.settings, db.secrets, db.syncState, async () => {
    const current = await loadSettings();
    const before = syncConfigFrom(current)?.url ?? null;
    await db.settings.put({ key: 'app', value: { ...current, supabaseUrl: url, supabaseAnonKey: anonKey } });
    const after = syncConfigFrom({ supabaseUrl: url, supabaseAnonKey: anonKey })?.url ?? null;
    if (before !== after) await forgetStoredSession();
  });
}
