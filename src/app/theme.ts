import type { Settings } from '../domain/settings';

export const THEME_APPLIED = 'nm-theme-applied' as const;

/** Applies theme and reader font size to the document at once (CSS custom properties follow). */
export function applyAppearance(settings: Pick<Settings, 'theme' | 'fontSize'>, doc: Document = document): void {
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
