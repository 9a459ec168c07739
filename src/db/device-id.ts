import type { NihongoDb } from './database';

/**
 * This device's id (issue 15): minted once, at random, the first time the device writes a
 * reading-day row, and kept in `syncState` — device bookkeeping that is never exported, imported or
 * synced as the learner's data. Signing out clears only the sync keys it owns (src/sync/state.ts),
 * so the id survives; "Delete everything" empties `syncState`, and the emptied device mints a new
 * id, which is harmless: its old rows (on the server) keep adding up under the old one.
 */
export const DEVICE_ID_KEY = 'device-id';

/** Reads (or mints and stores) the id; call it inside a transaction that lists `syncState`. */
export async function deviceIdIn(target: Pick<NihongoDb, 'syncState'>): Promise<string> {
  const row = await target.syncState.get(DEVICE_ID_KEY);
  if (typeof row?.value === 'string' && row.value.length > 0) return row.value;
  const id = crypto.randomUUID();
  await target.syncState.put({ key: DEVICE_ID_KEY, value: id });
  return id;
}
