import { getDb } from '../db/database';
import type { SyncTable } from '../db/rows';
import { scrubSecrets } from '../domain/secrets';
import { SYNC_STATE_KEYS, SYNC_TABLES, watermarkKey } from './constants';

/** Sync bookkeeping in the `syncState` table: who is signed in, how the last sync went, the cursors. */

export interface SyncAccount {
  /** The project the account belongs to. */
  url: string;
  userId: string;
  email: string;
  since: number;
}

export interface SyncStatus {
  lastSyncAt: number | null;
  lastAttemptAt: number | null;
  /** What went wrong last time, in words for the learner; null after a good sync. */
  lastError: string | null;
  /** The session ended and could not be refreshed: "sign in again" (the outbox is kept). */
  needsSignIn: boolean;
  /** Figures of the last good sync. */
  last: { sent: number; rejected: number; pulled: number; applied: number } | null;
}

export const NO_STATUS: SyncStatus = { lastSyncAt: null, lastAttemptAt: null, lastError: null, needsSignIn: false, last: null };

/** A cursor belongs to one account of one project; another account starts from scratch. */
export interface Watermark {
  account: string;
  at: string;
}

export const accountKey = (account: Pick<SyncAccount, 'url' | 'userId'>): string => `${account.url}|${account.userId}`;

export async function readAccount(): Promise<SyncAccount | null> {
  const row = await getDb().syncState.get(SYNC_STATE_KEYS.account);
  const value = row?.value as Partial<SyncAccount> | undefined;
  return value && typeof value.userId === 'string' && typeof value.url === 'string' ? (value as SyncAccount) : null;
}

export async function writeAccount(account: SyncAccount): Promise<void> {
  await getDb().syncState.put({ key: SYNC_STATE_KEYS.account, value: account });
}

/** The account signed out last on this device, if any (survives sign-out, unlike the account). */
export async function readLastAccount(): Promise<Pick<SyncAccount, 'url' | 'userId'> | null> {
  const value = (await getDb().syncState.get(SYNC_STATE_KEYS.lastAccount))?.value as Partial<SyncAccount> | undefined;
  return value && typeof value.userId === 'string' && typeof value.url === 'string' ? { url: value.url, userId: value.userId } : null;
}

export async function writeLastAccount(account: Pick<SyncAccount, 'url' | 'userId'>): Promise<void> {
  await getDb().syncState.put({ key: SYNC_STATE_KEYS.lastAccount, value: { url: account.url, userId: account.userId } });
}

export async function readStatus(): Promise<SyncStatus> {
  const row = await getDb().syncState.get(SYNC_STATE_KEYS.status);
  return { ...NO_STATUS, ...(row?.value as Partial<SyncStatus> | undefined) };
}

export async function updateStatus(patch: Partial<SyncStatus>): Promise<SyncStatus> {
  // The status line is shown in Settings and kept: no error text reaches it unscrubbed.
  if (typeof patch.lastError === 'string') patch = { ...patch, lastError: scrubSecrets(patch.lastError) };
  const db = getDb();
  return db.transaction('rw', db.syncState, async () => {
    const next = { ...(await readStatus()), ...patch };
    await db.syncState.put({ key: SYNC_STATE_KEYS.status, value: next });
    return next;
  });
}

/** The cursor of `table` for this account, or null (never pulled: start from the beginning). */
export async function readWatermark(table: SyncTable, account: string): Promise<string | null> {
  const value = (await getDb().syncState.get(watermarkKey(table)))?.value as Partial<Watermark> | undefined;
  return value?.account === account && typeof value.at === 'string' ? value.at : null;
}

/** Written inside the transaction that applied the page, so cursor and data never disagree. */
export async function writeWatermark(table: SyncTable, watermark: Watermark): Promise<void> {
  await getDb().syncState.put({ key: watermarkKey(table), value: watermark });
}

/** Everything sync remembers: account, status, cursors (not the outbox; see session.ts). */
export async function clearSyncState(): Promise<void> {
  await getDb().syncState.bulkDelete([SYNC_STATE_KEYS.account, SYNC_STATE_KEYS.status, SYNC_STATE_KEYS.waitingAnnotations, ...SYNC_TABLES.map(watermarkKey)]);
}

/** The cursors, and what was pulled under them and still waits for its story (another account's). */
export async function clearWatermarks(): Promise<void> {
  await getDb().syncState.bulkDelete([SYNC_STATE_KEYS.waitingAnnotations, ...SYNC_TABLES.map(watermarkKey)]);
}
