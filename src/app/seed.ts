import { getDb } from '../db/database';
import { SAMPLES_SEEDED_KEY } from '../db/names';
import { putStories } from '../db/stories-repo';
import { loadSampleWords, loadSamples, writeHint } from './sample-prefetch';

/** Set once the samples' words were added; a library seeded before they existed gets them once. */
const WORDS_SEEDED_KEY = 'sample-words-seeded';
/**
 * Puts the bundled sample stories into a new library once, so the first visit (online or not) has
 * something to read. Remembered, so a learner who deletes them does not get them back. Their words
 * (annotations, issue 13) come separately (seedSampleWordsOnce).
 */
export async function seedSamplesOnce(): Promise<boolean> {
  const db = getDb();
  if (await db.syncState.get(SAMPLES_SEEDED_KEY)) {
    writeHint();
    return false;
  }
  const { SAMPLE_STORIES } = await loadSamples();
  await putStories(SAMPLE_STORIES);
  await db.syncState.put({ key: SAMPLES_SEEDED_KEY, value: Date.now() });
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
