import { getDb } from '../db/database';
import { putStories } from '../db/stories-repo';

const SEEDED_KEY = 'samples-seeded';
/** Set once the samples' words were added; a library seeded before they existed gets them once. */
const WORDS_SEEDED_KEY = 'sample-words-seeded';
/**
 * A copy of "seeded" in localStorage, read synchronously at boot, only to decide whether to start
 * downloading the samples before storage has answered. The database flag stays the truth.
 */
const HINT_KEY = 'nm-samples-seeded';

const loadSamples = () => import('../domain/samples/sample-stories');
const loadSampleWords = () => Promise.all([import('../domain/samples/sample-annotations'), import('../db/sample-annotations')]);

/**
 * On what looks like a first visit, starts fetching the samples (and their words, when the route
 * needs them before its first paint) while storage opens: one round trip less before the library
 * shows. The seeding below picks up the same modules.
 */
export function prefetchSamples(options: { words: boolean }): void {
  if (readHint()) return;
  void loadSamples().catch(() => undefined);
  if (options.words) void loadSampleWords().catch(() => undefined);
}

/**
 * Puts the bundled sample stories into a new library once, so the first visit (online or not) has
 * something to read. Remembered, so a learner who deletes them does not get them back. Their words
 * (annotations, issue 13) come separately (seedSampleWordsOnce).
 */
export async function seedSamplesOnce(): Promise<boolean> {
  const db = getDb();
  if (await db.syncState.get(SEEDED_KEY)) {
    writeHint();
    return false;
  }
  const { SAMPLE_STORIES } = await loadSamples();
  await putStories(SAMPLE_STORIES);
  await db.syncState.put({ key: SEEDED_KEY, value: Date.now() });
  writeHint();
  return true;
}

/**
 * The samples' words, once (also to samples an older version seeded). Nothing on Home needs them,
 * so they usually come after the first paint; the Reader takes them first (it would split every
 * sentence on the device, then draw it again with the stored words).
 */
export async function seedSampleWordsOnce(): Promise<void> {
  const db = getDb();
  if (await db.syncState.get(WORDS_SEEDED_KEY)) return;
  const [{ SAMPLE_ANNOTATIONS }, { putMissingSampleAnnotations }] = await loadSampleWords();
  await putMissingSampleAnnotations(SAMPLE_ANNOTATIONS);
  await db.syncState.put({ key: WORDS_SEEDED_KEY, value: Date.now() });
}

function readHint(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) !== null;
  } catch {
    return false;
  }
}

function writeHint(): void {
  try {
    localStorage.setItem(HINT_KEY, '1');
  } catch {
    // Storage refused (a private window): the next visit just fetches the samples early again.
  }
}
