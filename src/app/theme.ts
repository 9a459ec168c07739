import type { Settings } from '../domain/settings';

/** Applies theme and reader font size to the document at once (CSS custom properties follow). */
export function applyAppearance(settings: Pick<Settings, 'theme' | 'fontSize'>, doc: Document = document): void {
  const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  const dark = settings.theme === 'dark' || (settings.theme === 'system' && prefersDark);
  doc.documentElement.dataset.theme = dark ? 'dark' : 'light';
  doc.documentElement.dataset.themeSetting = settings.theme;
  doc.documentElement.dataset.fontSize = settings.fontSize;
  doc.querySelector('meta[name="theme-color"]')?.setAttribute('content', dark ? '#17161a' : '#b23a48');
}
