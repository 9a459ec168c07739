import type { Route } from '../app/router';
import { NAV } from './app-nav';

/**
 * The header, main and footer layout of `<nm-app>`, as plain text so it has two users: the shell's
 * shadow styles (app-shell.ts) and the build, which prerenders the same header into index.html
 * (scripts/build/prerender-shell.ts). The page then paints its header from HTML and CSS alone, before
 * any script, and the live shell replaces it with boxes of the same size: nothing moves.
 */
export const SHELL_LAYOUT_CSS = `
  header { background: var(--nm-surface); border-bottom: 1px solid var(--nm-border); position: sticky; top: 0; z-index: 10; }
  .bar { max-width: 60rem; margin: 0 auto; display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1rem; padding: 0.25rem 0.75rem; }
  .brand { font-weight: 800; text-decoration: none; color: var(--nm-text); font-size: 1.1rem; }
  .brand span { font-family: var(--nm-font-jp); color: var(--nm-accent); }
  nav ul { display: flex; flex-wrap: wrap; gap: 0.1rem; list-style: none; margin: 0; padding: 0; }
  nav a { display: inline-flex; align-items: center; gap: 0.3rem; min-height: 44px; padding: 0 0.6rem; text-decoration: none; color: var(--nm-text); border-radius: 0.4rem; }
  nav a[aria-current='page'] { background: var(--nm-accent); color: var(--nm-accent-text); }
  /* The nav shares its line with the toggle, wrapping inside itself, so a phone's header stays short. */
  nav { flex: 1 1 14rem; min-width: 0; }
  .end { margin-left: auto; display: flex; gap: 0.5rem; align-items: center; flex: none; }
  button.theme { min-width: 44px; padding: 0.4rem 0.6rem; justify-content: center; }
  button.theme[aria-pressed='true'] { background: var(--nm-surface); color: var(--nm-accent); border-color: var(--nm-accent); }
  button.theme svg { width: 1.25rem; height: 1.25rem; fill: currentColor; }
  @media (max-width: 40rem) {
    header { position: static; }
    nav a { padding: 0 0.45rem; }
  }
  /* At least a screen tall: the footer starts below the fold, so a page whose content arrives late
     grows into space already there instead of pushing the footer down through the view. */
  main { max-width: 60rem; margin: 0 auto; padding: 0.75rem; min-height: 100vh; box-sizing: border-box; }
  footer { max-width: 60rem; margin: 2rem auto 1rem; padding: 0 0.75rem; font-size: 0.9rem; }
`;

/** The moon of the theme toggle (one path, shared so both headers draw the same icon). */
export const THEME_ICON_PATH = 'M21 14.5A9 9 0 0 1 9.5 3a9 9 0 1 0 11.5 11.5z';
export const THEME_LABEL = 'Dark theme';
export const BRAND = { text: 'Nihongo Monogatari', jp: '日本語物語' } as const;

/**
 * The header before any script: the same elements and classes as NmApp.render()'s header, with
 * the page it was built for marked current (none in app.html, which serves every route) and a
 * toggle that starts working when the app does. Only constants go in (and `mainContent`, markup the build made from constants), so there
 * is nothing to escape.
 */
export function staticShellMarkup(mainContent = '', current?: Route['name']): string {
  // The Queue's badge element is there (empty) as in the live header: a flex item, so it adds the same gap.
  const badge = (route: string) => (route === 'queue' ? '<nm-jobs-badge></nm-jobs-badge>' : route === 'review' ? '<nm-review-badge></nm-review-badge>' : '');
  const links = NAV.map((item) => `<li><a href="${item.href}" aria-current="${item.route === current ? 'page' : 'false'}">${item.label}${badge(item.route)}</a></li>`).join('');
  return `<header><div class="bar"><a class="brand" href="/">${BRAND.text} <span lang="ja">${BRAND.jp}</span></a>`
    + `<nav aria-label="Main"><ul>${links}</ul></nav>`
    + `<div class="end"><button class="theme" aria-pressed="false" aria-label="${THEME_LABEL}" title="Switch to the dark theme">`
    + `<svg viewBox="0 0 24 24" aria-hidden="true"><path d="${THEME_ICON_PATH}"/></svg></button></div></div></header>`
    + `<main id="main">${mainContent}</main>`;
}
