import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type SupabaseDb, type SupabaseFront, startSupabaseDb, startSupabaseFront } from './supabase';

/**
 * The one set-up of every test against the Supabase double (integration and e2e): one migrated
 * Postgres (PGlite) per test file, emptied before each test, and — unless `front: false` — a fresh
 * Supabase front over it per test (no requests, tokens or injected failures carried over).
 */
export interface SupabaseProject {
  readonly db: SupabaseDb;
  /** Only with a front (the default). */
  readonly front: SupabaseFront;
  /** The learner's story rows as the project stores them (read as the database owner), by id. */
  serverStories(email: string): Promise<Array<{ id: string; deleted: boolean }>>;
}

export interface SupabaseProjectOptions {
  /** Start a front per test (default true); `false` for tests that talk SQL to the database only. */
  front?: boolean;
}

/** Booting Postgres in WebAssembly takes seconds, more on a busy machine. */
const BOOT_TIMEOUT_MS = 180_000;

export function useSupabaseProject(options: SupabaseProjectOptions = {}): SupabaseProject {
  let db: SupabaseDb | undefined;
  let front: SupabaseFront | undefined;
  beforeAll(async () => {
    db = await startSupabaseDb();
  }, BOOT_TIMEOUT_MS);
  beforeEach(async () => {
    await db!.reset();
    if (options.front ?? true) front = await startSupabaseFront({ db: db! });
  });
  afterEach(async () => {
    await front?.close();
    front = undefined;
  });
  afterAll(async () => {
    await db?.close();
  });
  return {
    get db() {
      if (!db) throw new Error('useSupabaseProject: the database is not started yet');
      return db;
    },
    get front() {
      if (!front) throw new Error('useSupabaseProject: no front outside a test (or `front: false`)');
      return front;
    },
    serverStories: (email) =>
      db!.exclusive(async (pg) => {
        const { rows } = await pg.query<{ id: string; deleted: boolean }>(
          'select s.id, s.deleted from public.stories s join auth.users u on u.id = s.user_id where u.email = $1 order by s.id',
          [email],
        );
        return rows;
      }),
  };
}
