import type { z } from 'zod';
import { isDeviceOnlySetting } from '../device-settings';
import { type Settings, SettingsSchema } from '../settings';
import { isSecretSettingKey } from './backup-format';
import { isRecord } from './legacy-values';

/**
 * Settings from a file are taken field by field: a single bad value (a font size this version does
 * not know) drops that field only, not the learner's other preferences. `updatedAt` is never taken
 * from the file; the importer stamps it when something actually changes. Device settings (endpoint,
 * Supabase project) are never taken either: a shared file must not decide where the key goes.
 */
export interface ImportedSettings {
  /** The fields to apply over the current settings; null when the file has none we can use. */
  settings: Partial<Settings> | null;
  /** The file had settings, but none of them could be used. */
  ignored: boolean;
  /** The file named an endpoint or Supabase project, which were left as this device has them. */
  deviceSettingsKept: boolean;
}

/** What the older app called its settings; `theme` was a separate key beside them. */
export const LEGACY_SETTING_KEYS = [
  'fontSize',
  'showFurigana',
  'showEnglish',
  'viewMode',
  'showImages',
  'playbackSpeed',
  'theme',
] as const;

const SHAPE: Record<string, z.ZodType | undefined> = SettingsSchema.shape;

/**
 * Names every JavaScript object already has (`__proto__`, `constructor`, `toString`…): never a
 * setting, and copying one over the settings object would change how it behaves.
 */
function isObjectMagic(key: string): boolean {
  return key in Object.prototype || key === 'prototype';
}

function skipped(key: string, only: readonly string[] | undefined): boolean {
  if (key === 'updatedAt' || isObjectMagic(key) || isSecretSettingKey(key)) return true;
  return only !== undefined && !only.includes(key);
}

/**
 * @param only when given, just these keys are read (the older app's); otherwise every non-secret
 * key is, and keys this version does not know are kept for the newer version that wrote them.
 */
export function importableSettings(raw: unknown, only?: readonly string[]): ImportedSettings {
  if (raw === undefined || raw === null) return { settings: null, ignored: false, deviceSettingsKept: false };
  if (!isRecord(raw)) return { settings: null, ignored: true, deviceSettingsKept: false };
  const picked: Record<string, unknown> = {};
  let deviceSettingsKept = false;
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || skipped(key, only)) continue;
    if (isDeviceOnlySetting(key)) {
      deviceSettingsKept = true;
      continue;
    }
    // Own keys only: `SHAPE.toString` is Object.prototype's, not a schema.
    const schema = Object.hasOwn(SHAPE, key) ? SHAPE[key] : undefined;
    if (!schema) {
      picked[key] = value;
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) picked[key] = parsed.data;
  }
  const empty = Object.keys(picked).length === 0;
  return { settings: empty ? null : (picked as Partial<Settings>), ignored: empty && Object.keys(raw).some((k) => !isDeviceOnlySetting(k)), deviceSettingsKept };
}

/** The older app's settings plus its separate theme; its speeds may lie outside this app's range. */
export function legacySettings(settings: unknown, theme: unknown): ImportedSettings {
  const badShape = settings !== undefined && settings !== null && !isRecord(settings);
  const base: Record<string, unknown> = isRecord(settings) ? { ...settings } : {};
  if (typeof base.playbackSpeed === 'number') base.playbackSpeed = Math.min(1.5, Math.max(0.5, base.playbackSpeed));
  if (theme !== undefined && theme !== null) base.theme = theme;
  const result = importableSettings(Object.keys(base).length ? base : null, LEGACY_SETTING_KEYS);
  return { ...result, ignored: result.ignored || badShape };
}
