import type { Settings } from '../domain/settings';
import { FONT_SIZES, THEMES } from '../domain/settings-options';

export const THEME_APPLIED = 'nm-theme-applied' as const;

/**
 * A copy of the appearance settings in localStorage, read synchronously by the bootstrap before
 * storage opens: the saved theme is on screen from the first script, not after an IndexedDB read.
 * Settings in the database stay the truth; this is only a hint, rewritten on every apply.
 */
const HINT_KEY = 'nm-appearance';

function rememberAppearance(settings: Pick<Settings, 'theme' | 'fontSize'>): void {
  try {
    localStorage.setItem(HINT_KEY, JSON.stringify({ theme: settings.theme, fontSize: settings.fontSize }));
  } catch {
    // Storage refused (private mode, quota): the first paint follows the system theme instead.
  }
}

/** Applies the remembered appearance, if any; false when there is none (first visit, storage refused). */
export function applyRememberedAppearance(doc: Document = document): boolean {
  let hint: unknown;
  try {
    hint = JSON.parse(localStorage.getItem(HINT_KEY) ?? 'null');
  } catch {
    return false;
  }
  const h = hint as Partial<Pick<Settings, 'theme' | 'fontSize'>> | null;
  const themes: ReadonlyArray<unknown> = THEMES;
  const sizes: ReadonlyArray<unknown> = FONT_SIZES;
  if (!h || !themes.includes(h.theme) || !sizes.includes(h.fontSize)) return false;
  applyAppearance(h as Pick<Settings, 'theme' | 'fontSize'>, doc, { remember: false });
  return true;
}

/** Applies theme and reader font size to the document at once (CSS custom properties follow). */
export function applyAppearance(settings: Pick<Settings, 'theme' | 'fontSize'>, doc: Document = document, { remember = true } = {}): void {
  if (remember) rememberAppearance(settings);
  const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  const dark = settings.theme === 'dark' || (settings.theme === 'system' && prefersDark);
  doc.documentElement.dataset.theme = dark ? 'dark' : 'light';
  doc.documentElement.dataset.themeSetting = settings.theme;
  doc.documentElement.dataset.fontSize = settings.fontSize;
  doc.querySelector('meta[name="theme-color"]')?.setAttribute('content', dark ? '#17161a' : '#b23a48');
  // The header's quick toggle shows what is on screen, whoever changed it (Settings, the device).
  window.dispatchEvent(new Event(THEME_APPLIED));
}

/** Whether the page is dark right now, whatever the setting that made it so. */
export function showingDark(doc: Document = document): boolean {
  return doc.documentElement.dataset.theme === 'dark';
}

/**
 * The header's one-press switch: the opposite of what is showing. From "system" it picks a fixed
 * theme, so the press always changes the screen; Settings can go back to "system".
 */
export function quickToggleTheme(dark: boolean): Settings['theme'] {
  return dark ? 'light' : 'dark';
}

declare global {
  interface WindowEventMap {
    /** Window event: theme or text size was applied to the document. */
    'nm-theme-applied': Event;
  }
}
