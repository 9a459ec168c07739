/** Choices the Settings schema allows, kept free of zod so pages can list them without loading it. */
export const THEMES = ['light', 'dark', 'system'] as const;
export const FONT_SIZES = ['small', 'medium', 'large'] as const;
export const VIEW_MODES = ['side-by-side', 'stacked'] as const;
export const VOICES = ['Kore', 'Aoede', 'Puck', 'Charon', 'Fenrir', 'Leda'] as const;

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
