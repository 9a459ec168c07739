/**
 * Client-side routing over plain `<a href>` links: every screen has a real URL, so deep links,
 * reloads and "open in new tab" work; the service worker serves index.html for all of them offline.
 */
export type Route =
  | { name: 'home' }
  | { name: 'library' }
  | { name: 'queue' }
  | { name: 'kana' }
  | { name: 'review' }
  | { name: 'settings' }
  | { name: 'diagnostics' }
  | { name: 'stats' }
  | { name: 'story'; id: string }
  | { name: 'not-found'; path: string };

const STATIC_ROUTES: Record<string, Route> = {
  '/': { name: 'home' },
  '/library': { name: 'library' },
  '/queue': { name: 'queue' },
  '/kana': { name: 'kana' },
  '/review': { name: 'review' },
  '/settings': { name: 'settings' },
  '/diagnostics': { name: 'diagnostics' },
  '/stats': { name: 'stats' },
};

export function parseRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const fixed = STATIC_ROUTES[path];
  if (fixed) return fixed;
  const story = /^\/story\/([0-9a-f-]{36})$/i.exec(path);
  if (story?.[1]) return { name: 'story', id: story[1].toLowerCase() };
  return { name: 'not-found', path };
}

export const ROUTE_CHANGED = 'nm-route-changed' as const;

export function navigate(url: string, { replace = false } = {}): void {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.dispatchEvent(new Event(ROUTE_CHANGED));
}

/**
 * Same-origin link clicks become history navigations instead of page loads. Links inside shadow
 * roots are found through composedPath(); modified clicks (new tab, download) are left alone.
 */
export function interceptLinks(root: Window = window): void {
  root.addEventListener('popstate', () => root.dispatchEvent(new Event(ROUTE_CHANGED)));
  root.document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.composedPath().find((el): el is HTMLAnchorElement => el instanceof HTMLAnchorElement);
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, root.location.href);
    if (url.origin !== root.location.origin) return;
    event.preventDefault();
    if (url.pathname + url.search !== root.location.pathname + root.location.search) {
      navigate(url.pathname + url.search + url.hash);
      root.scrollTo(0, 0);
    }
  });
}

declare global {
  interface WindowEventMap {
    /** Window event: the URL changed (a link, back or forward). */
    'nm-route-changed': Event;
  }
}
