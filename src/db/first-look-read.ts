import { type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import { toFacts } from '../domain/card-facts-of';
import type { JobRow } from '../domain/job';
import type { ReadingProgress } from '../domain/progress';
import { CONTINUE_SCAN_FACTOR, startedNotFinished } from '../domain/progress-ops';
import type { StorySummary } from '../domain/summary';
import { knownWords, type StoryWords } from '../domain/words-coverage';
import type { FirstLook } from './first-look';
import { HOME_LIMITS, keyIsSet, newestFailed, titleStoryId, withTitles } from './home-shape';
import { LATEST_DB_VERSION, SAMPLES_SEEDED_KEY } from './names';
import type { SecretRow, SettingsRow } from './rows';

const STORES = ['settings', 'syncState', 'secrets', 'storySummaries', 'progress', 'jobs', 'media', 'storyWords', 'words'] as const;
type Store = (typeof STORES)[number];
type LookTransaction = IDBPTransaction<unknown, Store[], 'readonly'>;

/** Home's first look from a database that exists (first-look.ts says when to ask, and why). */
export async function readExistingLook(name: string): Promise<FirstLook | 'no-database' | null> {
  const db = await openExisting(name);
  if (db === 'no-database' || db === null) return db;
  try {
    return await readAll(db);
  } catch {
    return null;
  } finally {
    // At once: an open connection would hold up Dexie's open (or a newer tab's upgrade) behind it.
    db.close();
  }
}

async function openExisting(name: string): Promise<IDBPDatabase | 'no-database' | null> {
  // Where the browser cannot say which databases exist (first-look.ts asks where it can): an open
  // of a missing database creates it, so that is undone, which races any other open of that name.
  let none = false;
  try {
    const db = await openDB(name, undefined, {
      upgrade(_db, _oldVersion, _newVersion, transaction) {
        // Opening without a version creates a missing database: undo that, Dexie creates it properly.
        none = true;
        // idb turns the abort into a rejected `done` too: expected here, so not an unhandled rejection.
        transaction.done.catch(() => undefined);
        transaction.abort();
      },
      blocking: () => db.close(),
    });
    if (db.version === LATEST_DB_VERSION * 10) return db;
    db.close();
    return null;
  } catch {
    return none ? 'no-database' : null;
  }
}

async function readAll(db: IDBPDatabase): Promise<FirstLook | null> {
  const tx: LookTransaction = db.transaction([...STORES], 'readonly');
  const summaries = tx.objectStore('storySummaries');
  const status = tx.objectStore('jobs').index('status');
  const [settings, seeded, key, recent, progress, failed, pending, processing] = await Promise.all([
    tx.objectStore('settings').get('app') as Promise<SettingsRow | undefined>,
    tx.objectStore('syncState').get(SAMPLES_SEEDED_KEY),
    tx.objectStore('secrets').get('geminiApiKey') as Promise<SecretRow | undefined>,
    newest<StorySummary>(tx, 'storySummaries', 'createdAt', HOME_LIMITS.recent),
    newest<ReadingProgress>(tx, 'progress', 'lastReadAt', HOME_LIMITS.continueReading * CONTINUE_SCAN_FACTOR),
    status.getAll('failed') as Promise<JobRow[]>,
    status.count('pending'),
    status.count('processing'),
  ]);
  // Not seeded yet: the samples go in first, through the usual start.
  if (seeded === undefined) return null;
  const reading = startedNotFinished(progress, HOME_LIMITS.continueReading);
  const failedJobs = newestFailed(failed, HOME_LIMITS.failed);
  const [continued, titles] = await Promise.all([
    Promise.all(reading.map((p) => summaries.get(p.storyId) as Promise<StorySummary | undefined>)),
    Promise.all(failedJobs.map((job) => summaries.get(titleStoryId(job)) as Promise<StorySummary | undefined>)),
  ]);
  const continueReading = continued.filter((s): s is StorySummary => s !== undefined);
  const ids = [...continueReading, ...recent].map((s) => s.id);
  const [rows, mediaKeys, storyWords, known] = await Promise.all([
    Promise.all(ids.map((id) => tx.objectStore('progress').get(id) as Promise<ReadingProgress | undefined>)),
    Promise.all(ids.map((id) => tx.objectStore('media').index('storyId').getAllKeys(id))),
    Promise.all(ids.map((id) => tx.objectStore('storyWords').get(id) as Promise<StoryWords | undefined>)),
    tx.objectStore('words').index('state').getAllKeys('known'),
  ]);
  const facts = toFacts(
    rows.filter((p): p is ReadingProgress => p !== undefined),
    mediaKeys.flat() as Array<[string, string, number]>,
    storyWords.filter((w): w is StoryWords => w !== undefined),
    knownWords(known as string[]),
  );
  return {
    settings: settings?.value,
    home: { continueReading, recent, facts, hasKey: keyIsSet(key?.value), failed: withTitles(failedJobs, titles) },
    activeJobs: pending + processing,
  };
}

/** The first `limit` values in descending index order: Dexie's orderBy(index).reverse().limit(). */
async function newest<T>(tx: LookTransaction, store: Store, index: string, limit: number): Promise<T[]> {
  const values: T[] = [];
  for (let cursor = await tx.objectStore(store).index(index).openCursor(null, 'prev'); cursor && values.length < limit; cursor = await cursor.continue()) {
    values.push(cursor.value as T);
  }
  return values;
}
