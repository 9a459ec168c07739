import { getDb } from '../db/database';
import { putStories } from '../db/stories-repo';

const SEEDED_KEY = 'samples-seeded';
/** Set once the samples' words were added; a library seeded before they existed gets them once. */
const WORDS_SEEDED_KEY = 'sample-words-seeded';

/**
 * Puts the bundled sample stories into a new library once, so the first visit (online or not) has
 * something to read. Remembered, so a learner who deletes them does not get them back. Their words
 * (annotations, issue 13) come with them, and come once to samples seeded by an older version.
 */
export async function seedSamplesOnce(): Promise<boolean> {
  const db = getDb();
  if (await db.syncState.get(SEEDED_KEY)) {
    await seedSampleWordsOnce();
    return false;
  }
  const { SAMPLE_STORIES } = await import('../domain/samples/sample-stories');
  await putStories(SAMPLE_STORIES);
  await db.syncState.put({ key: SEEDED_KEY, value: Date.now() });
  await seedSampleWordsOnce();
  return true;
}

async function seedSampleWordsOnce(): Promise<void> {
  const db = getDb();
  if (await db.syncState.get(WORDS_SEEDED_KEY)) return;
  // Loaded here, not at the top: the repo validates with zod, which the first route does not load.
  const [{ SAMPLE_ANNOTATIONS }, { putMissingAnnotations }] = await Promise.all([
    import('../domain/samples/sample-stories'),
    import('../db/annotations-repo'),
  ]);
  await putMissingAnnotations(SAMPLE_ANNOTATIONS);
  await db.syncState.put({ key: WORDS_SEEDED_KEY, value: Date.now() });
}
