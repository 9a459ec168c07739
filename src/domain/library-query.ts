import type { Level } from './levels';
import type { StorySummary } from './summary';

export const LIBRARY_SORTS = ['newest', 'oldest', 'easiest', 'hardest'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

export interface LibraryQuery {
  search: string;
  level: Level | 'all';
  sort: LibrarySort;
}

export const DEFAULT_LIBRARY_QUERY: LibraryQuery = { search: '', level: 'all', sort: 'newest' };

const COMPARATORS: Record<LibrarySort, (a: StorySummary, b: StorySummary) => number> = {
  newest: (a, b) => b.createdAt - a.createdAt,
  oldest: (a, b) => a.createdAt - b.createdAt,
  easiest: (a, b) => a.difficulty - b.difficulty || b.createdAt - a.createdAt,
  hardest: (a, b) => b.difficulty - a.difficulty || b.createdAt - a.createdAt,
};

/**
 * Filters and sorts in memory over summaries only: a few thousand rows take a few milliseconds, so
 * each keystroke can re-run it. Every search word must appear (Japanese or English, any order).
 */
export function queryLibrary(all: readonly StorySummary[], query: LibraryQuery): StorySummary[] {
  const words = query.search.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = all.filter(
    (s) => (query.level === 'all' || s.level === query.level) && words.every((w) => s.searchText.includes(w)),
  );
  return matches.sort(COMPARATORS[query.sort]);
}
