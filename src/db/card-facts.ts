import type { ReadingProgress } from '../domain/progress';
import { getDb } from './database';

/**
 * What a story card shows besides its summary: how far the learner read it, and whether narration
 * or pictures are stored. Read for the whole library at once, keys and small rows only, so a list
 * of thousands of cards costs two reads instead of two per card.
 */
export interface CardFacts {
  progress: Map<string, ReadingProgress>;
  /** Story ids with at least one narrated sentence stored. */
  narrated: Set<string>;
  /** Story ids with a cover or any other picture stored. */
  illustrated: Set<string>;
}

export async function loadCardFacts(): Promise<CardFacts> {
  const db = getDb();
  // Media keys only: the blobs are never read (or structured-cloned) for a list.
  const [rows, mediaKeys] = await Promise.all([db.progress.toArray(), db.media.toCollection().primaryKeys()]);
  return toFacts(rows, mediaKeys);
}

/** The same facts for a few stories only (Home's cards), read by key. */
export async function loadCardFactsFor(ids: readonly string[]): Promise<CardFacts> {
  const db = getDb();
  const [rows, mediaKeys] = await Promise.all([db.progress.bulkGet([...ids]), db.media.where('storyId').anyOf([...ids]).primaryKeys()]);
  return toFacts(rows.filter((p): p is ReadingProgress => p !== undefined), mediaKeys);
}

function toFacts(rows: readonly ReadingProgress[], mediaKeys: ReadonlyArray<[string, string, number]>): CardFacts {
  const narrated = new Set<string>();
  const illustrated = new Set<string>();
  for (const [storyId, kind] of mediaKeys) (kind === 'audio' ? narrated : illustrated).add(storyId);
  return { progress: new Map(rows.map((p) => [p.storyId, p])), narrated, illustrated };
}

export const NO_CARD_FACTS: CardFacts = { progress: new Map(), narrated: new Set(), illustrated: new Set() };
