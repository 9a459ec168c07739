import Dexie from 'dexie';
import { afterEach, beforeEach } from 'vitest';
import { NihongoDb, setDbForTests } from '../../src/db/database';

/**
 * The one way tests get an IndexedDB (fake-indexeddb, installed by setup-unit.ts): a database with a
 * name no other test uses, made the app's current database (what getDb() returns), deleted after.
 */

/** A database name no other test uses. */
export function testDbName(prefix = 't'): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

/** A new, empty database, made current. Pair with `deleteTestDb`. */
export function createTestDb(prefix = 't'): NihongoDb {
  const db = new NihongoDb(testDbName(prefix));
  setDbForTests(db);
  return db;
}

/** Stops using `db` as the current database and deletes it. */
export async function deleteTestDb(db: NihongoDb): Promise<void> {
  setDbForTests(undefined);
  db.close();
  await db.delete();
}

/** Runs `fn` with `db` as the app's current database (a database the test opened by name). */
export async function withCurrentDb<T>(db: NihongoDb, fn: () => Promise<T>): Promise<T> {
  setDbForTests(db);
  try {
    return await fn();
  } finally {
    setDbForTests(undefined);
  }
}

/** A fresh database for one run of `fn` (a property's run, where hooks run only per test). */
export async function withTestDb<T>(fn: (db: NihongoDb) => Promise<T>, prefix = 't'): Promise<T> {
  const db = createTestDb(prefix);
  try {
    return await fn(db);
  } finally {
    await deleteTestDb(db);
  }
}

/** A fresh, current database per test, deleted after it. Returns a getter for the test's database. */
export function useTestDb(prefix = 't'): () => NihongoDb {
  let db: NihongoDb | undefined;
  beforeEach(() => {
    db = createTestDb(prefix);
  });
  afterEach(async () => {
    if (db) await deleteTestDb(db);
    db = undefined;
  });
  return () => {
    if (!db) throw new Error('useTestDb: no database outside a test');
    return db;
  };
}

/**
 * Unique database names for tests that create a database themselves (as an older app version would),
 * every one deleted after the test.
 */
export function useTestDbNames(): (prefix: string) => string {
  const names: string[] = [];
  afterEach(async () => {
    for (const name of names.splice(0)) await Dexie.delete(name);
  });
  return (prefix) => {
    const name = testDbName(prefix);
    names.push(name);
    return name;
  };
}
