/**
 * A copy of "seeded" in localStorage, read synchronously at boot, only to decide whether to start
 * downloading the samples before storage has answered. The database flag stays the truth.
 */
const HINT_KEY = 'nm-samples-seeded';

export const loadSamples = () => import('../domain/samples/sample-stories');
export const loadSampleWords = () => Promise.all([import('../domain/samples/sample-annotations'), import('../db/sample-annotations')]);

/**
 * On what looks like a first visit, starts fetching the samples (and their words, when the route
 * needs them before its first paint) while storage opens: one round trip less before the library
 * shows. The seeding (seed.ts) and the first look (first-look.ts) pick up the same modules.
 */
export function prefetchSamples(options: { words: boolean }): void {
  if (readHint()) return;
  void loadSamples().catch(() => undefined);
  if (options.words) void loadSampleWords().catch(() => undefined);
}

function readHint(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) !== null;
  } catch {
    return false;
  }
}

export function writeHint(): void {
  try {
    localStorage.setItem(HINT_KEY, '1');
  } catch {
    // Storage refused (a private window): the next visit just fetches the samples early again.
  }
}
