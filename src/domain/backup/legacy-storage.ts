import { IMPORT_NOTES } from './messages';
import { type ExistingLibrary, type ImportPlan, planImportValue, refuse } from './plan-import';

/**
 * The older app kept its library in localStorage on the same origin. Reading it is harmless and
 * never changes it (the learner may still want the old app); what to do with it is the learner's
 * decision (db/legacy-migration.ts offers it once). The one thing ever removed is the old copy of
 * the key, and only when the learner asks (removeLegacyApiKey).
 */
export const LEGACY_STORAGE_KEYS = {
  stories: 'nihongo_stories',
  progress: 'nihongo_progress',
  settings: 'nihongo_settings',
  theme: 'nihongo_theme',
  apiKeys: 'nihongo_api_keys',
} as const;

export interface LegacyStorageData {
  /** The keys that exist, in LEGACY_STORAGE_KEYS order. */
  found: string[];
  /** Keys that exist but whose value could not be read. */
  unreadable: string[];
  /** The data in the older backup file's shape, for planImportValue. */
  backup: { stories: unknown[]; progress: unknown; settings: unknown; theme: unknown };
  /** Deliberately outside `backup`: the key may only ever go to the device's secrets table. */
  googleApiKey: string | null;
}

type Reader = Pick<Storage, 'getItem'>;

export function readLegacyLocalStorage(storage: Reader): LegacyStorageData {
  const found: string[] = [];
  const unreadable: string[] = [];
  const read = (key: string): { value: unknown } | null => {
    const text = storage.getItem(key);
    if (text === null) return null;
    found.push(key);
    try {
      return { value: JSON.parse(text) };
    } catch {
      unreadable.push(key);
      return null;
    }
  };
  const stories = read(LEGACY_STORAGE_KEYS.stories);
  if (stories && !Array.isArray(stories.value)) unreadable.push(LEGACY_STORAGE_KEYS.stories);
  const progress = read(LEGACY_STORAGE_KEYS.progress);
  const settings = read(LEGACY_STORAGE_KEYS.settings);
  const theme = readTheme(storage, found);
  const apiKeys = read(LEGACY_STORAGE_KEYS.apiKeys);
  return {
    found,
    unreadable,
    backup: {
      stories: stories && Array.isArray(stories.value) ? stories.value : [],
      progress: progress?.value,
      settings: settings?.value,
      theme,
    },
    googleApiKey: googleKeyOf(apiKeys?.value),
  };
}

/** The older app wrote the theme both raw (`dark`) and JSON-encoded (`"dark"`) over its versions. */
function readTheme(storage: Reader, found: string[]): string | undefined {
  const text = storage.getItem(LEGACY_STORAGE_KEYS.theme);
  if (text === null) return undefined;
  found.push(LEGACY_STORAGE_KEYS.theme);
  if (!text.startsWith('"')) return text.trim();
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value : text;
  } catch {
    return text;
  }
}

function googleKeyOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const google = (value as Record<string, unknown>).google;
  return typeof google === 'string' && google.trim() ? google.trim() : null;
}

/**
 * Plans migrating what readLegacyLocalStorage found. Unreadable stories refuse the whole migration:
 * migrating only settings would mark it "done" and the learner's stories would never be offered again.
 */
export function planLegacyStorage(data: LegacyStorageData, existing: ExistingLibrary, now: number): ImportPlan {
  if (data.unreadable.includes(LEGACY_STORAGE_KEYS.stories)) return refuse('legacy-stories-unreadable');
  const plan = planImportValue(data.backup, existing, { now, source: 'legacy-storage' });
  if (!plan.ok) return plan;
  const notes = data.unreadable.map((key) => IMPORT_NOTES.legacyKeyUnreadable(key));
  return { ...plan, notes: [...notes, ...plan.notes] };
}

type Writer = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Removes the older app's copy of the Gemini key, once the learner agrees (after it was copied
 * here, nothing needs it but the older app, and a key at rest in localStorage is readable by any
 * script on the origin). Only the Google key goes: anything else in that entry (the older app's
 * Pollinations key) stays, so the older app keeps what it had apart from this one key.
 * @returns whether a key was there to remove.
 */
export function removeLegacyApiKey(storage: Writer): boolean {
  const text = storage.getItem(LEGACY_STORAGE_KEYS.apiKeys);
  if (text === null) return false;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Unreadable: it may still hold the key in some form, and nothing here can use it.
    storage.removeItem(LEGACY_STORAGE_KEYS.apiKeys);
    return true;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    storage.removeItem(LEGACY_STORAGE_KEYS.apiKeys);
    return true;
  }
  const { google, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length === 0) storage.removeItem(LEGACY_STORAGE_KEYS.apiKeys);
  else storage.setItem(LEGACY_STORAGE_KEYS.apiKeys, JSON.stringify(rest));
  return google !== undefined;
}
