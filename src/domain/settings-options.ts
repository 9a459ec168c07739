/** Choices the Settings schema allows, kept free of zod so pages can list them without loading it. */
export const THEMES = ['light', 'dark', 'system'] as const;
export const FONT_SIZES = ['small', 'medium', 'large'] as const;
export const VIEW_MODES = ['side-by-side', 'stacked'] as const;
export const VOICES = ['Kore', 'Aoede', 'Puck', 'Charon', 'Fenrir', 'Leda'] as const;

/** Furigana over every word, only over words not known yet (issue 14), or none. */
export const FURIGANA_MODES = ['all', 'unknown', 'none'] as const;
export type FuriganaMode = (typeof FURIGANA_MODES)[number];

/** What the Reader and Settings call each mode. */
export const FURIGANA_MODE_LABELS: Record<FuriganaMode, string> = { all: 'All words', unknown: 'Words not known', none: 'None' };

/**
 * The furigana mode a settings row means. Rows written before the modes existed have only
 * `showFurigana` (false: none). The app writes both together (furiganaModePatch), so when they
 * disagree an older version (a synced device, an imported file) changed `showFurigana` since, and
 * it wins: off is none, on turns a "none" back to all. Settings are not validated on load: junk is all.
 */
export function furiganaModeOf(settings: { furiganaMode?: unknown; showFurigana?: unknown }): FuriganaMode {
  if (settings.showFurigana === false) return 'none';
  const mode = settings.furiganaMode;
  return mode === 'unknown' ? 'unknown' : 'all';
}

/**
 * The settings patch for a mode: `showFurigana` is written with it, so an older version of the app
 * (another device through sync, a backup opened there) still shows or hides furigana as chosen.
 */
export function furiganaModePatch(mode: FuriganaMode): { furiganaMode: FuriganaMode; showFurigana: boolean } {
  return { furiganaMode: mode, showFurigana: mode !== 'none' };
}

/** Google's Gemini endpoint; a setting, so tests (and proxies) can point the app elsewhere. */
export const DEFAULT_GEMINI_BASE_URL = 'https://generativelanguage.googleapis.com';

/**
 * How many Gemini requests one narration or illustration job may have in flight. Free-tier keys allow
 * only a few requests a minute per model, so the learner can lower it; the job also halves it by
 * itself on a 429 (src/tasks/step-pool.ts) and never goes above it.
 */
export const PARALLEL_REQUESTS = { min: 1, max: 8, default: 4 } as const;

/** The stored value as a usable limit: settings are not validated on load, so junk falls back. */
export function parallelLimit(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return PARALLEL_REQUESTS.default;
  return Math.min(PARALLEL_REQUESTS.max, Math.max(PARALLEL_REQUESTS.min, Math.floor(value)));
}

/**
 * Spaced review (issue 15): new cards a day, and the FSRS scheduler's parameters. They live in the
 * settings so they sync with them: every device schedules the same log the same way.
 */
export const REVIEW_NEW_PER_DAY = { min: 0, max: 500, default: 20 } as const;
export const REVIEW_RETENTION = { min: 0.7, max: 0.99, default: 0.9 } as const;
export const REVIEW_MAX_INTERVAL_DAYS = { min: 1, max: 36_500, default: 36_500 } as const;

/** The reading habit's daily goal: minutes actively reading, or reviews done. */
export const GOAL_KINDS = ['minutes', 'reviews'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];
export const GOAL_AMOUNT = { min: 1, max: 1_000, default: 10 } as const;

/** A stored number as a usable one: settings are not validated on load, so junk falls back. */
export function boundedSetting(value: unknown, range: { min: number; max: number; default: number }, integer = true): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return range.default;
  const whole = integer ? Math.floor(value) : value;
  return Math.min(range.max, Math.max(range.min, whole));
}

/**
 * What a review card's cached schedule depends on in the settings. When it changes (here or by a
 * sync), every cached card is dropped and replayed from the log with the new parameters, so devices
 * with the same log and settings keep computing the same cards.
 */
export function schedulingKey(settings: { reviewRetention?: unknown; reviewMaxIntervalDays?: unknown; reviewWeights?: unknown }): string {
  const weights = Array.isArray(settings.reviewWeights) ? settings.reviewWeights : null;
  return JSON.stringify([
    boundedSetting(settings.reviewRetention, REVIEW_RETENTION, false),
    boundedSetting(settings.reviewMaxIntervalDays, REVIEW_MAX_INTERVAL_DAYS),
    weights,
  ]);
}
