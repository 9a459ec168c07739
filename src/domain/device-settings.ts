import type { Settings } from './settings';

/**
 * Settings that describe this device, not the learner's taste: which Supabase project and which
 * Gemini endpoint it talks to, i.e. where the API key and the session go. One list for every
 * boundary (sync push and pull, export, import), because a shared file or a pulled row that could
 * set one of these could send the key to a stranger's server (DESIGN §10).
 */
export const DEVICE_ONLY_SETTINGS = ['supabaseUrl', 'supabaseAnonKey', 'geminiBaseUrl'] as const;

export type DeviceOnlySetting = (typeof DEVICE_ONLY_SETTINGS)[number];

export function isDeviceOnlySetting(key: string): key is DeviceOnlySetting {
  return (DEVICE_ONLY_SETTINGS as readonly string[]).includes(key);
}

/** A copy without the device-only fields (for files and rows that leave, or arrive on, the device). */
export function withoutDeviceSettings<T extends object>(settings: T): Omit<T, DeviceOnlySetting> {
  const entries = Object.entries(settings).filter(([key]) => !isDeviceOnlySetting(key));
  return Object.fromEntries(entries) as Omit<T, DeviceOnlySetting>;
}

/**
 * Stored endpoints that fail today's rule (written by an older version, or straight into IndexedDB)
 * fall back to the safe value on load: Google's endpoint, and no Supabase project (sync off) rather
 * than a project the key or session should not be sent to.
 */
export function withSafeEndpoints(settings: Settings, defaults: Pick<Settings, 'geminiBaseUrl'>): Settings {
  const gemini = isAllowedEndpoint(settings.geminiBaseUrl) ? settings.geminiBaseUrl : defaults.geminiBaseUrl;
  const supabase = settings.supabaseUrl === '' || isAllowedEndpoint(settings.supabaseUrl) ? settings.supabaseUrl : '';
  if (gemini === settings.geminiBaseUrl && supabase === settings.supabaseUrl) return settings;
  return { ...settings, geminiBaseUrl: gemini, supabaseUrl: supabase };
}

/**
 * The one rule for an address the app sends the API key or a session to (the Gemini endpoint, the
 * Supabase project): `https:`, or `http:` only for a server on this computer. Plain http elsewhere
 * would put the key on the network in clear text. Kept free of zod so the first route can use it.
 */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

export const ENDPOINT_MESSAGES = {
  notAUrl: 'Enter a full address starting with https://, for example https://generativelanguage.googleapis.com.',
  notSecure: 'The address must start with https:// (http:// works only for a server on this computer, such as http://localhost).',
  hasCredentials: 'The address must not contain a user name or password.',
} as const;

export type EndpointCheck = { ok: true; url: string } | { ok: false; message: string };

/** Checks an address and returns it cleaned: origin and path, without trailing slashes. */
export function checkEndpoint(raw: string): EndpointCheck {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: ENDPOINT_MESSAGES.notAUrl };
  }
  const local = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !local) return { ok: false, message: ENDPOINT_MESSAGES.notSecure };
  // `https://me:pw@host` would be sent as an Authorization header by fetch; never meant for us.
  if (url.username || url.password) return { ok: false, message: ENDPOINT_MESSAGES.hasCredentials };
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

export function isAllowedEndpoint(value: unknown): boolean {
  return typeof value === 'string' && checkEndpoint(value).ok;
}
