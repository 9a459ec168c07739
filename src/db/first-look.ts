import type { Settings } from '../domain/settings';
import type { HomeData } from './home-shape';
import { DB_NAME } from './names';

/**
 * Home's first look: what its first screen and the header draw, read through plain IndexedDB (`idb`,
 * 1 KB) before Dexie (33 KB gzip, and a long task to start) has even downloaded. The same rows as
 * the live reads in home-facts.ts, the same limits and the same shaping (home-shape.ts,
 * domain/card-facts.ts); tests/unit/db/first-look.test.ts holds the two readers equal.
 *
 * It only ever reads, and never creates the database: a first visit (no database yet) answers
 * 'no-database', and a database this code cannot read as it is (another schema version, samples
 * not in yet, any failure) answers null, so the caller opens storage first as before.
 */
export interface FirstLook {
  settings: Partial<Settings> | undefined;
  home: HomeData;
  activeJobs: number;
}

/**
 * A first visit (no database) is answered without loading the reader of a used library
 * (first-look-read.ts: idb, the word counts): a first visit's Home is drawn from the samples, and
 * its first scripts are what every learner waits for.
 */
export async function readFirstLook(name = DB_NAME): Promise<FirstLook | 'no-database' | null> {
  if (typeof indexedDB.databases === 'function' && !(await indexedDB.databases()).some((d) => d.name === name)) return 'no-database';
  const { readExistingLook } = await import('./first-look-read');
  return readExistingLook(name);
}
