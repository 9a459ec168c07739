import type { CardFacts } from '../domain/card-facts';
import { toFacts } from '../domain/card-facts-of';
import type { ReadingProgress } from '../domain/progress';
import { type Coverage, coverageByStory, type KnownWords, knownWords, type StoryWords } from '../domain/words-coverage';
import { getDb } from './database';

export { type CardFacts, NO_CARD_FACTS } from '../domain/card-facts';


/**
 * Progress and media of every story; `coverage` is left empty here. The Library reads it apart
 * (loadCoverage) after its first page is on screen: 2,000 stories' keys are a larger read than
 * the first paint can wait for.
 */
export async function loadCardFacts(): Promise<CardFacts> {
  const db = getDb();
  // Media keys only: the blobs are never read (or structured-cloned) for a list.
  const [rows, mediaKeys] = await Promise.all([db.progress.toArray(), db.media.toCollection().primaryKeys()]);
  return toFacts(rows, mediaKeys, [], knownWords([]));
}

/** Every story's coverage: the stored keys against the known set, read once (a lookup, never a parse). */
export async function loadCoverage(): Promise<Map<string, Coverage>> {
  const [storyWords, known] = await Promise.all([getDb().storyWords.toArray(), knownKeys()]);
  return coverageByStory(storyWords, known);
}

/** The same facts for a few stories only (Home's cards), read by key. */
export async function loadCardFactsFor(ids: readonly string[]): Promise<CardFacts> {
  const db = getDb();
  const [rows, mediaKeys, storyWords, known] = await Promise.all([
    db.progress.bulkGet([...ids]),
    db.media.where('storyId').anyOf([...ids]).primaryKeys(),
    db.storyWords.bulkGet([...ids]),
    knownKeys(),
  ]);
  const words = storyWords.filter((w): w is StoryWords => w !== undefined);
  return toFacts(rows.filter((p): p is ReadingProgress => p !== undefined), mediaKeys, words, known);
}

/** Index keys only: the known set is thousands of short strings, never whole rows. */
async function knownKeys(): Promise<KnownWords> {
  return knownWords(await getDb().words.where('state').equals('known').primaryKeys());
}
