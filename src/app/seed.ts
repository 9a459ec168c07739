import { getDb } from '../db/database';
import { putStories } from '../db/stories-repo';

const SEEDED_KEY = 'samples-seeded';
/** Set once the samples' words were added; a library seeded before they existed gets them once. */
const WORDS_SEEDED_KEY = 'sample-words-seeded';

/**
 * Puts the bundled sample stories into a new library once, so the first visit (online or not) has
 * something to read. Remembered, so a learner who deletes them does not get them back. Their words
 * (annotations, issue 13) come after the first paint (seedSampleWordsOnce).
 */
export async function seedSamplesOnce(): Promise<boolean> {
  const db = getDb();
  if (await db.syncState.get(SEEDED_KEY)) return false;
  const { SAMPLE_STORIES } = await import('../domain/samples/sample-stories');
  await putStories(SAMPLE_STORIES);
  await db.syncState.put({ key: SEEDED_KEY, value: Date.now() });
  return true;
}

/**
 * The samples' words, once (also to samples an older version seeded). Called after the first paint:
 * nothing on Home needs them, and the Reader splits a sentence on the device until they are there.
 */
export async function seedSampleWordsOnce(): Promise<void> {
  const db = getDb();
  if (await db.syncState.get(WORDS_SEEDED_KEY)) return;
  const [{ SAMPLE_ANNOTATIONS }, { putMissingSampleAnnotations }] = await Promise.all([
    import('../domain/samples/sample-annotations'),
    import('../db/sample-annotations'),
  ]);
  await putMissingSampleAnnotations(SAMPLE_ANNOTATIONS);
  await db.syncState.put({ key: WORDS_SEEDED_KEY, value: Date.now() });
}
