import type { Route } from '../app/router';

/** The header's links, in order; the Queue's carries the live count of active jobs, Review's the cards due. */
export const NAV: ReadonlyArray<{ href: string; label: string; route: Route['name'] }> = [
  { href: '/', label: 'Home', route: 'home' },
  { href: '/library', label: 'Library', route: 'library' },
  { href: '/review', label: 'Review', route: 'review' },
  { href: '/queue', label: 'Queue', route: 'queue' },
  { href: '/kana', label: 'Kana', route: 'kana' },
  { href: '/settings', label: 'Settings', route: 'settings' },
];

/** The document title's first part for each route. */
export function pageTitle(route: Route): string {
  const titles: Record<Route['name'], string> = {
    home: 'Home', library: 'Library', story: 'Reader', queue: 'Queue', kana: 'Kana chart', review: 'Review',
    settings: 'Settings', diagnostics: 'Diagnostics', stats: 'Reading stats', 'not-found': 'Not found',
  };
  return titles[route.name];
}
