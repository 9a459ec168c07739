import type { Settings } from './settings';
import { withSafeEndpoints } from './device-settings';

/**
 * Defaults as a plain object so the first route does not have to load zod to know them.
 * tests/unit/domain/schemas.test.ts proves this equals SettingsSchema.parse({}).
 */
export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  fontSize: 'medium',
  viewMode: 'stacked',
  showFurigana: true,
  highlightLearning: true,
  showEnglish: true,
  showImages: true,
  playbackSpeed: 1,
  geminiBaseUrl: 'https://generativelanguage.googleapis.com',
  textModel: 'gemini-2.5-flash',
  ttsModel: 'gemini-2.5-flash-preview-tts',
  imageModel: 'gemini-2.5-flash-image',
  voice: 'Kore',
  parallelRequests: 4,
  notifyOnFinish: false,
  reviewNewPerDay: 20,
  reviewRetention: 0.9,
  reviewMaxIntervalDays: 36_500,
  goalKind: 'minutes',
  goalAmount: 10,
  supabaseUrl: '',
  supabaseAnonKey: '',
  updatedAt: 0,
};

/**
 * The stored settings row merged over the defaults, so a field added in a later version has a
 * value, with endpoints that pass the one rule (device-settings.ts). Every reader goes through this:
 * the settings repository and the first look before storage opens.
 */
export function settingsFromStored(stored: Partial<Settings> | undefined): Settings {
  return withSafeEndpoints({ ...DEFAULT_SETTINGS, ...stored }, DEFAULT_SETTINGS);
}
