import type { LibraryQuery } from '../../domain/library-query';

/** Why a Library search shows nothing, in one sentence naming what the learner asked for. */
export function emptyResultText(query: LibraryQuery, total: number): string {
  if (total === 0) return 'Your library is empty. Have Gemini write a story, or import a backup in Settings.';
  const search = query.search.trim();
  const level = query.level === 'all' ? '' : ` at level ${query.level}`;
  if (search) return `No stories match: none of your ${total} stories mention “${search}”${level}.`;
  return level ? `No stories match: none of your ${total} stories are${level}.` : 'No stories match.';
}
