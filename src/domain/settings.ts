import { z } from 'zod';

import { ENDPOINT_MESSAGES, isAllowedEndpoint } from './device-settings';
import {
  DEFAULT_GEMINI_BASE_URL,
  FONT_SIZES,
  FURIGANA_MODES,
  GOAL_AMOUNT,
  GOAL_KINDS,
  PARALLEL_REQUESTS,
  REVIEW_MAX_INTERVAL_DAYS,
  REVIEW_NEW_PER_DAY,
  REVIEW_RETENTION,
  THEMES,
  VIEW_MODES,
} from './settings-options';
import { EpochMsSchema } from './untrusted-text';

export { DEFAULT_GEMINI_BASE_URL, FONT_SIZES, FURIGANA_MODES, PARALLEL_REQUESTS, THEMES, VIEW_MODES, VOICES } from './settings-options';

/**
 * Learner preferences. Never holds the Gemini API key: that lives in the device-only `secrets`
 * table so it cannot leak through export or sync.
 */
export const SettingsSchema = z.looseObject({
  theme: z.enum(THEMES).default('system'),
  fontSize: z.enum(FONT_SIZES).default('medium'),
  viewMode: z.enum(VIEW_MODES).default('stacked'),
  // Kept beside furiganaMode for rows and versions from before the modes (false: none).
  showFurigana: z.boolean().default(true),
  // No default on purpose: a row without it means what its showFurigana says (furiganaModeOf).
  furiganaMode: z.enum(FURIGANA_MODES).optional(),
  // Words the learner is learning are underlined (dotted) in the Reader.
  highlightLearning: z.boolean().default(true),
  showEnglish: z.boolean().default(true),
  showImages: z.boolean().default(true),
  playbackSpeed: z.number().min(0.5).max(1.5).default(1),
  // Where the key is sent: https, or http only to this computer (src/domain/device-settings.ts).
  geminiBaseUrl: z.string().refine(isAllowedEndpoint, ENDPOINT_MESSAGES.notSecure).default(DEFAULT_GEMINI_BASE_URL),
  textModel: z.string().min(1).default('gemini-2.5-flash'),
  ttsModel: z.string().min(1).default('gemini-2.5-flash-preview-tts'),
  imageModel: z.string().min(1).default('gemini-2.5-flash-image'),
  voice: z.string().min(1).default('Kore'),
  // Requests a media job keeps in flight at most (Settings → Voice; lower it on a free-tier key).
  parallelRequests: z.number().int().min(PARALLEL_REQUESTS.min).max(PARALLEL_REQUESTS.max).default(PARALLEL_REQUESTS.default),
  notifyOnFinish: z.boolean().default(false),
  // Spaced review (issue 15): FSRS parameters sync with the settings, so devices schedule alike.
  reviewNewPerDay: z.int().min(REVIEW_NEW_PER_DAY.min).max(REVIEW_NEW_PER_DAY.max).default(REVIEW_NEW_PER_DAY.default),
  reviewRetention: z.number().min(REVIEW_RETENTION.min).max(REVIEW_RETENTION.max).default(REVIEW_RETENTION.default),
  reviewMaxIntervalDays: z.int().min(REVIEW_MAX_INTERVAL_DAYS.min).max(REVIEW_MAX_INTERVAL_DAYS.max).default(REVIEW_MAX_INTERVAL_DAYS.default),
  // ts-fsrs `w` (an optimiser's output); absent: ts-fsrs' defaults.
  reviewWeights: z.array(z.number().finite()).min(17).max(21).optional(),
  // The reading habit's daily goal (issue 15).
  goalKind: z.enum(GOAL_KINDS).default('minutes'),
  goalAmount: z.int().min(GOAL_AMOUNT.min).max(GOAL_AMOUNT.max).default(GOAL_AMOUNT.default),
  supabaseUrl: z.string().refine((v) => v === '' || isAllowedEndpoint(v), ENDPOINT_MESSAGES.notSecure).default(''),
  supabaseAnonKey: z.string().default(''),
  updatedAt: EpochMsSchema.default(0),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type Theme = (typeof THEMES)[number];
export type FontSize = (typeof FONT_SIZES)[number];
