import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Story } from '../../../src/domain/story';
import { putStories } from '../../../src/db/stories-repo';
import { makeStory } from '../../support/fixtures/library';
import { type SupabaseDb, type SupabaseFront, startSupabaseDb, startSupabaseFront } from '../../support/supabase';
import { type Device, newDevice } from '../../support/sync-devices';

/**
 * One migrated Postgres (PGlite) per test file, emptied before each test, a fresh Supabase front per
 * test, and devices that are closed after it.
 */
export interface SyncProject {
  readonly db: SupabaseDb;
  readonly front: SupabaseFront;
  device(name: string, front?: SupabaseFront): Promise<Device>;
  /** Device `name` of a new learner who wrote `stories` stories and synced them. */
  learnerWithLibrary(name: string, email: string, stories: number): Promise<Device>;
  /** Another device of an existing learner, signed in and synced once. */
  syncedDevice(name: string, email: string): Promise<Device>;
  /** The learner's story rows as the project stores them (read as the database owner). */
  serverStories(email: string): Promise<Array<{ id: string; deleted: boolean }>>;
}

export function useSyncProject(): SyncProject {
  let db: SupabaseDb | undefined;
  let front: SupabaseFront | undefined;
  const devices: Device[] = [];
  beforeAll(async () => {
    db = await startSupabaseDb();
  }, 180_000);
  beforeEach(async () => {
    await db!.reset();
    front = await startSupabaseFront({ db: db! });
  });
  afterEach(async () => {
    for (const d of devices.splice(0)) await d.close();
    await front?.close();
  });
  afterAll(async () => {
    await db?.close();
  });
  const device = async (name: string, on = front!): Promise<Device> => {
    const d = await newDevice(on, name);
    devices.push(d);
    return d;
  };
  return {
    get db() {
      return db!;
    },
    get front() {
      return front!;
    },
    device,
    async learnerWithLibrary(name, email, stories) {
      const d = await device(name);
      await d.signUp(email);
      await d.on(() => putStories(library(stories)));
      await d.sync();
      return d;
    },
    async syncedDevice(name, email) {
      const d = await device(name);
      await d.signIn(email);
      await d.sync();
      return d;
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

export const library = (n: number, from = 1): Story[] => Array.from({ length: n }, (_, i) => makeStory(from + i));
