/**
 * Background Sync and Periodic Background Sync are Chromium-only and missing from TypeScript's DOM
 * and WebWorker libs; these are the parts the app uses (https://wicg.github.io/background-sync/spec/).
 */
interface SyncManager {
  register(tag: string): Promise<void>;
  getTags(): Promise<string[]>;
}

interface PeriodicSyncManager {
  register(tag: string, options?: { minInterval?: number }): Promise<void>;
  getTags(): Promise<string[]>;
}

interface ServiceWorkerRegistration {
  readonly sync: SyncManager;
  readonly periodicSync?: PeriodicSyncManager;
}
