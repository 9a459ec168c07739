import { type NihongoDb, setDbForTests } from '../../src/db/database';
import { createSyncClient, type SyncClient } from '../../src/sync/client';
import { saveSyncConfig } from '../../src/sync/config';
import { inProcessLocks, type Locks } from '../../src/jobs/lock';
import { signIn, signUp } from '../../src/sync/session';
import { type SyncOptions, type SyncReport, syncNow } from '../../src/sync/sync-now';
import type { SupabaseFront } from './supabase';
import { createTestDb, deleteTestDb } from './test-db';

/**
 * Devices for the sync's integration tests and benchmark: each its own IndexedDB (fake-indexeddb) and its own
 * auth client of the real sync code, pointed at the Supabase front. The app code reads "the"
 * database through getDb(), so a device is made current before anything runs on it.
 */
export const PASSWORD = 'correct horse battery';

/** One process stands for every context of every device: the same in-process locks for all. */
const locks: Locks = inProcessLocks();

export interface Device {
  readonly name: string;
  readonly db: NihongoDb;
  /** The page's client; `worker()` makes the worker's (same database, same session). */
  readonly client: SyncClient;
  worker(): SyncClient;
  /** Makes this device current and runs `fn` on it. */
  on<T>(fn: () => Promise<T>): Promise<T>;
  sync(options?: SyncOptions): Promise<SyncReport>;
  signUp(email: string): Promise<void>;
  signIn(email: string): Promise<void>;
  close(): Promise<void>;
}

export async function newDevice(front: Pick<SupabaseFront, 'url' | 'anonKey'>, name: string): Promise<Device> {
  const db = createTestDb(name);
  const config = { url: front.url, anonKey: front.anonKey };
  const client = createSyncClient(config, 'page', { locks });
  const device: Device = {
    name,
    db,
    client,
    worker: () => createSyncClient(config, 'worker', { locks }),
    async on(fn) {
      setDbForTests(db);
      return fn();
    },
    sync: (options = {}) => device.on(() => syncNow({ client, locks, sleep: async () => undefined, ...options })),
    async signUp(email) {
      const result = await device.on(() => signUp(email, PASSWORD, client));
      if (!result.ok || !result.signedIn) throw new Error(`${name}: sign-up failed: ${result.message}`);
    },
    async signIn(email) {
      const result = await device.on(() => signIn(email, PASSWORD, client));
      if (!result.ok) throw new Error(`${name}: sign-in failed: ${result.message}`);
    },
    async close() {
      await client.auth.stopAutoRefresh();
      await deleteTestDb(db);
    },
  };
  await device.on(() => saveSyncConfig(config.url, config.anonKey));
  return device;
}

export function requestsTo(front: SupabaseFront, method: string, path: string) {
  return front.requests.filter((r) => r.method === method && r.path === path);
}
