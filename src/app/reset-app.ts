import { reloadWhenIdle, unregisterServiceWorkers } from './sw-bridge';

/**
 * "Reset the app, keep my data", for the day an update goes wrong: no service worker, no cached
 * copy of the app, then a reload that fetches and registers the current version from the network.
 * IndexedDB (stories, progress, settings, the API key, the queue) is not touched; a job that was
 * running resumes after the reload, as after any closed tab.
 */
export interface ResetReport {
  workers: number;
  caches: number;
}

export async function clearAppCaches(storage: CacheStorage | undefined = globalThis.caches): Promise<number> {
  if (!storage) return 0;
  const names = await storage.keys();
  const deleted = await Promise.all(names.map((name) => storage.delete(name)));
  return deleted.filter(Boolean).length;
}

export async function resetAppKeepData(reload: () => Promise<void> = reloadWhenIdle): Promise<ResetReport> {
  const workers = await unregisterServiceWorkers();
  const caches = await clearAppCaches();
  await reload();
  return { workers, caches };
}
