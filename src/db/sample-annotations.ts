import type { Annotation } from '../domain/annotations';
import { storyWordKeys } from '../domain/words-coverage';
import { getDb } from './database';

/**
 * Writes the bundled samples' words (annotations) for the samples that are stored and have none,
 * with their running-word keys (storyWords), so the Library shows their coverage from the start.
 * Apart from src/db/annotations-repo.ts on purpose: that repo validates with zod, and this runs on
 * the first visit, whose route loads no zod. The samples' words need no check here: they are ours,
 * checked by tests/unit/domain/sample-words.test.ts (every sentence adds up with zero repairs).
 * Returns how many were written.
 */
export async function putMissingSampleAnnotations(rows: readonly Annotation[]): Promise<number> {
  const db = getDb();
  return db.transaction('rw', db.stories, db.annotations, db.storyWords, async () => {
    const ids = rows.map((r) => r.storyId);
    const [stories, stored] = await Promise.all([db.stories.bulkGet(ids), db.annotations.bulkGet(ids)]);
    const missing = rows.filter((_, i) => stories[i] !== undefined && stored[i] === undefined);
    await db.annotations.bulkPut(missing);
    await db.storyWords.bulkPut(missing.map(storyWordKeys));
    return missing.length;
  });
}
