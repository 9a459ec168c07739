import type { Level } from './levels';
import type { StorySummary } from './summary';
import { distanceFromComfort } from './words-comfort';
import type { Coverage } from './words-coverage';

export const LIBRARY_SORTS = ['newest', 'oldest', 'easiest', 'hardest', 'best'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

export interface LibraryQuery {
  search: string;
  level: Level | 'all';
  sort: LibrarySort;
}

export const DEFAULT_LIBRARY_QUERY: LibraryQuery = { search: '', level: 'all', sort: 'newest' };

type Comparator = (a: StorySummary, b: StorySummary) => number;

const COMPARATORS: Record<Exclude<LibrarySort, 'best'>, Comparator> = {
  newest: (a, b) => b.createdAt - a.createdAt,
  oldest: (a, b) => a.createdAt - b.createdAt,
  easiest: (a, b) => a.difficulty - b.difficulty || b.createdAt - a.createdAt,
  hardest: (a, b) => b.difficulty - a.difficulty || b.createdAt - a.createdAt,
};

/**
 * Filters and sorts in memory over summaries only: a few thousand rows take a few milliseconds, so
 * each keystroke can re-run it. Every search word must appear (Japanese or English, any order).
 */
export function queryLibrary(
  all: readonly StorySummary[],
  query: LibraryQuery,
  coverage: ReadonlyMap<string, Coverage> = new Map(),
): StorySummary[] {
  const words = query.search.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = all.filter(
    (s) => (query.level === 'all' || s.level === query.level) && words.every((w) => s.searchText.includes(w)),
  );
  return matches.sort(query.sort === 'best' ? bestForMe(coverage) : COMPARATORS[query.sort]);
}

/**
 * "Best for me" (issue 14): closest to comfortable reading (95–98 % of running words known) first,
 * the easier of two equally far first; stories without words yet come last, newest first.
 */
function bestForMe(coverage: ReadonlyMap<string, Coverage>): Comparator {
  return (a, b) => {
    const ca = coverage.get(a.id);
    const cb = coverage.get(b.id);
    if (!ca || !cb) return (ca ? -1 : cb ? 1 : 0) || COMPARATORS.newest(a, b);
    return distanceFromComfort(ca) - distanceFromComfort(cb) || cb.knownShare - ca.knownShare || COMPARATORS.newest(a, b);
  };
}
