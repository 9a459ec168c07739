import { cancel } from '../jobs/cancel';
import { getDb } from '../db/database';
import { deleteAllMediaOfKind } from '../db/media-repo';
import type { MediaKind } from '../db/rows';
import { wipeDatabase } from '../db/wipe';
import { reloadWhenIdle } from './sw-bridge';

/**
 * The Settings actions that delete more than one story's worth: all media of one kind, and
 * everything this app keeps in IndexedDB on this device.
 */

/** Deletes every story's narration (`audio`) or pictures (`image`). @returns how many stories lost media. */
export function deleteAllMedia(kind: MediaKind): Promise<number> {
  return deleteAllMediaOfKind(kind);
}

/**
 * Empties the database, then reloads so the app starts as on a first visit. Running jobs are
 * cancelled first: their runner (maybe the worker) aborts the request in flight instead of writing
 * a story into the emptied library afterwards.
 */
export async function deleteEverything(reload: () => Promise<void> = reloadWhenIdle): Promise<void> {
  const active = await getDb().jobs.where('status').anyOf('pending', 'processing').primaryKeys();
  for (const id of active) await cancel(id);
  await wipeDatabase();
  await reload();
}
