import { getDb } from '../db/database';
import { putStories } from '../db/stories-repo';

const SEEDED_KEY = 'samples-seeded';

/**
 * Puts the bundled sample stories into a new library once, so the first visit (online or not) has
 * something to read. Remembered, so a learner who deletes them does not get them back.
 */
export async function seedSamplesOnce(): Promise<boolean> {
  const db = getDb();
  if (await db.syncState.get(SEEDED_KEY)) return false;
  const { SAMPLE_STORIES } = await import('../domain/samples/sample-stories');
  await putStories(SAMPLE_STORIES);
  await db.syncState.put({ key: SEEDED_KEY, value: Date.now() });
  return true;
}
