/** Choices the Settings schema allows, kept free of zod so pages can list them without loading it. */
export const THEMES = ['light', 'dark', 'system'] as const;
export const FONT_SIZES = ['small', 'medium', 'large'] as const;
export const VIEW_MODES = ['side-by-side', 'stacked'] as const;
export const VOICES = ['Kore', 'Aoede', 'Puck', 'Charon', 'Fenrir', 'Leda'] as const;

/** Google's Gemini endpoint; a setting, so tests (and proxies) can point the app elsewhere. */
export const DEFAULT_GEMINI_BASE_URL = 'https://generativelanguage.googleapis.com';
