import type { TableProp } from 'dexie';
import type { Annotation } from '../domain/annotations';
import type { WordRef } from '../domain/job';
import { FIT_LIMITS } from '../domain/job-row';
import { containsCredential } from '../domain/secrets';
import type { WordEntry } from '../domain/words';
import { type WordPlace, withState } from '../domain/words-state';
import { type StoryWords, storyWordKeys, storyWordList } from '../domain/words-coverage';
import type { WordState } from '../domain/words-key';
import { getDb, type NihongoDb } from './database';
import { queueChange, queueChanges } from './outbox-repo';

/**
 * What the learner knows (issue 14): `words` (one entry per word whose state was set) and
 * `storyWords` (each story's running-word keys, written with its tokens). Every change returns
 * what it replaced, so the UI's Undo can put it back, and is queued for sync in its transaction
 * (src/db/outbox-repo.ts; only while signed in). `storyWords` never syncs: each device computes it.
 */

/** The tables to open for `writeStoryWordsIn` alongside the annotation's own (ANNOTATION_TABLES). */
export const STORY_WORD_TABLES = ['storyWords'] as const satisfies readonly TableProp<NihongoDb>[];

/**
 * Stores a story's running-word keys, computed once from the annotation as written (call it with
 * the annotation row the write stored, in the same transaction).
 */
export async function writeStoryWordsIn(target: Pick<NihongoDb, 'storyWords'>, annotation: Pick<Annotation, 'storyId' | 'segments'>): Promise<StoryWords> {
  const row = storyWordKeys(annotation);
  await target.storyWords.put(row);
  return row;
}

/** One word's change: its key and the entry before (undefined: the word had never been set). */
export interface WordChange {
  key: string;
  previous: WordEntry | undefined;
}

/** Sets one word's state (the popover's "I know this" / "Learning"); returns the change for Undo. */
export async function setWordState(key: string, state: WordState, where: WordPlace): Promise<WordChange> {
  const db = getDb();
  return db.transaction('rw', db.words, db.outbox, db.syncState, async () => {
    const previous = await db.words.get(key);
    await db.words.put(withState(previous, key, state, where));
    await queueChange(db, 'words', key, false);
    return { key, previous };
  });
}

/**
 * "Mark the rest of this story's words as known": every word of the story not yet learning or
 * known becomes known, first met in the sentence it first occurs in. Returns the changes for Undo
 * (empty when there was nothing left to mark).
 */
export async function markStoryKnown(storyId: string, now = Date.now()): Promise<WordChange[]> {
  const db = getDb();
  return db.transaction('rw', [db.annotations, db.words, db.outbox, db.syncState], async () => {
    // The keys themselves, from the story's tokens: storyWords holds only their hashes.
    const annotation = await db.annotations.get(storyId);
    if (!annotation) return [];
    const words = storyWordList(annotation);
    const keys = words.keys;
    const stored = await db.words.bulkGet(keys);
    const changes: WordChange[] = [];
    const rows: WordEntry[] = [];
    keys.forEach((key, i) => {
      const previous = stored[i];
      if (previous?.state === 'learning' || previous?.state === 'known') return;
      rows.push(withState(previous, key, 'known', { storyId, segment: words.segments[i] ?? 0, at: now }));
      changes.push({ key, previous });
    });
    await db.words.bulkPut(rows);
    await queueChanges(db, 'words', rows.map((w) => w.key), false);
    return changes;
  });
}

/**
 * Undo: every changed word back to its state before. Written as a newer change (never by deleting
 * or rewinding `updatedAt`), so the undo also wins over the change on a device that already got it;
 * a word that had never been set goes back to `new`, keeping where it was first met.
 */
export async function undoWordChanges(changes: readonly WordChange[], now = Date.now()): Promise<void> {
  if (changes.length === 0) return;
  const db = getDb();
  await db.transaction('rw', db.words, db.outbox, db.syncState, async () => {
    const current = await db.words.bulkGet(changes.map((c) => c.key));
    const rows = changes.flatMap((change, i): WordEntry[] => {
      const stored = current[i];
      if (!stored) return change.previous ? [change.previous] : [];
      const updatedAt = Math.max(now, stored.updatedAt + 1);
      return [change.previous ? { ...change.previous, updatedAt } : { ...stored, state: 'new', updatedAt }];
    });
    await db.words.bulkPut(rows);
    await queueChanges(db, 'words', rows.map((w) => w.key), false);
  });
}

/** Every word's state, by key (live-queryable: wrap in liveQuery / LiveQueryController). */
export async function wordStates(): Promise<Map<string, WordState>> {
  const rows = await getDb().words.toArray();
  return new Map(rows.map((w) => [w.key, w.state]));
}

/** The keys of every known word (index keys only, no rows read). */
export async function knownWordKeys(): Promise<Set<string>> {
  return new Set(await getDb().words.where('state').equals('known').primaryKeys());
}

export async function getWord(key: string): Promise<WordEntry | undefined> {
  return getDb().words.get(key);
}

/** Every word entry (the export's snapshot). */
export async function allWords(): Promise<WordEntry[]> {
  return getDb().words.toArray();
}

/**
 * The learner's words in one state as `{base, reading}`, most recently set first, for the
 * generator's "use my learning words" and known-words sample (issue 14). Walks the updatedAt index
 * newest first and stops at `limit`, so 5,000 known words cost a few reads, not a table scan. Words
 * too long for a story request (FIT_LIMITS) are left out rather than failing the request.
 */
export async function recentWordRefs(state: WordState, limit: number): Promise<WordRef[]> {
  // A key-shaped word (from an import or a pull) would make the story request refuse itself.
  const fits = (w: WordEntry) =>
    w.base.length <= FIT_LIMITS.base && w.reading.length <= FIT_LIMITS.reading && !containsCredential(w.base) && !containsCredential(w.reading);
  const rows = await getDb().words.orderBy('updatedAt').reverse().filter((w) => w.state === state && fits(w)).limit(limit).toArray();
  return rows.map((w) => ({ base: w.base, reading: w.reading }));
}

/** The words the learner set to learning or known, as keys (what the Reader needs per word). */
export interface WordStateKeys {
  known: ReadonlySet<string>;
  learning: ReadonlySet<string>;
}

/**
 * The keys of every learning and known word, from the state index alone (no rows read), so the
 * Reader's live query of them stays cheap with thousands of words. Live-queryable.
 */
export async function wordStateKeys(): Promise<WordStateKeys> {
  const db = getDb();
  const [known, learning] = await Promise.all([
    db.words.where('state').equals('known').primaryKeys(),
    db.words.where('state').equals('learning').primaryKeys(),
  ]);
  return { known: new Set(known), learning: new Set(learning) };
}
