import { ALL_CARDS, type ReviewLogEntry } from '../domain/review-log';
import { getDb } from './database';

/**
 * How entries from elsewhere (a pull, an imported file) join this device's review log (issue 15):
 * the log is append-only, so the result is the union — an entry this device lacks is added, one it
 * has is never overwritten. A card's schedule is replayed from its entries, so the cached `cards`
 * row of every card a new entry names is deleted (all of them, for a reset of every card): the
 * Review page replays a learning word without a card row from the log, which is how reviews made
 * elsewhere reach this device's schedule. Call inside a transaction listing `reviewLogs` and `cards`.
 */
export const REVIEW_MERGE_TABLES = ['reviewLogs', 'cards'] as const;

/** Adds the entries this device lacks (one per id, the first); returns those it added. */
export async function addMissingEntries(incoming: readonly ReviewLogEntry[]): Promise<ReviewLogEntry[]> {
  if (incoming.length === 0) return [];
  const db = getDb();
  const byId = new Map<string, ReviewLogEntry>();
  for (const entry of incoming) if (!byId.has(entry.id)) byId.set(entry.id, entry);
  const candidates = [...byId.values()];
  const stored = await db.reviewLogs.bulkGet(candidates.map((e) => e.id));
  const fresh = candidates.filter((_, i) => stored[i] === undefined);
  await db.reviewLogs.bulkAdd(fresh);
  await forgetCards(fresh);
  return fresh;
}

/** Deletes the cached schedules `entries` make stale; the Review page replays them from the log. */
export async function forgetCards(entries: readonly Pick<ReviewLogEntry, 'cardKey'>[]): Promise<void> {
  if (entries.length === 0) return;
  const db = getDb();
  if (entries.some((e) => e.cardKey === ALL_CARDS)) await db.cards.clear();
  else await db.cards.bulkDelete([...new Set(entries.map((e) => e.cardKey))]);
}
