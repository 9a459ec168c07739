import { SYNC_ACCOUNT_KEY } from '../db/outbox-repo';
import type { SyncTable } from '../db/rows';

/**
 * Every name and tuning number of the sync, in one place. Names are seen in devtools and by other
 * contexts (tabs, the service worker, other app versions): they never change once shipped.
 */

/** Background Sync tag on which the service worker pushes the outbox (and pulls). */
export const SYNC_OUTBOX_TAG = 'push-library-changes';

/** Web Lock around one whole sync: one context (tab or worker) pushes and pulls at a time. */
export const SYNC_LOCK = 'nihongo-monogatari:sync';

/**
 * supabase-js `storageKey` of the session. Its storage adapter keeps that item in the `secrets`
 * row `supabaseSession`; supabase-js names its refresh lock `lock:` + this key (shared by every tab
 * and the worker through navigator.locks, so a single-use refresh token is spent by one of them).
 */
export const AUTH_STORAGE_KEY = 'nihongo-monogatari:supabase-auth';

/** `syncState` keys. */
export const SYNC_STATE_KEYS = {
  /** `{url, userId, email, since}` of the signed-in learner; kept when the session expires. */
  account: SYNC_ACCOUNT_KEY,
  /** Last sync time, last error, "sign in again" flag. */
  status: 'sync-status',
  /** `{url, userId}` of the account last signed out here: tells a returning learner from a new one. */
  lastAccount: 'sync-last-account',
  /** Pulled annotations whose story this device has not stored yet, by story id (apply-annotations.ts). */
  waitingAnnotations: 'sync-waiting-annotations',
} as const;

export function watermarkKey(table: SyncTable): string {
  return `sync-watermark:${table}`;
}

/**
 * Pushed (and pulled) first to last: a story before the words and the progress that refer to it;
 * then the newer tables in the order of their migrations — what the learner knows (issue 14), then
 * the review log and the reading days (issue 15) — so a project without the newest yet still syncs
 * the rest: a missing table stops the sync only when its turn comes, with its changes kept.
 */
export const SYNC_TABLES: readonly SyncTable[] = ['stories', 'annotations', 'reading_progress', 'user_settings', 'words', 'review_logs', 'reading_days'];

/**
 * Tables synced after the others, each pulled before it is pushed (sync-now.ts exchange), in
 * SYNC_TABLES order:
 *  - a story's words merge on pull instead of last-writer-wins (every device's explanations are
 *    kept): a device merges what the server has before sending its row; pushing first would
 *    overwrite another device's notes there;
 *  - the words the learner knows are last-writer-wins, for which pulling first is as good, and come
 *    last so that a project set up before their migration still syncs everything else;
 *  - the review log (append-only: a pull first means the entries the server has are not sent again)
 *    and the reading days (last-writer-wins), after the words for the same reason.
 */
export const PUSHED_AFTER_PULL: readonly SyncTable[] = ['annotations', 'words', 'review_logs', 'reading_days'];

/**
 * Rows per upsert request, and a ceiling in UTF-8 bytes of JSON per request (stories carry their
 * whole text): about 1 MB, so a gateway's body limit is rarely met (a 413 halves the batch anyway)
 * and a request finishes inside REQUEST_TIMEOUT_MS on a slow connection.
 */
export const PUSH_BATCH_ROWS = 200;
export const PUSH_BATCH_BYTES = 1_000_000;

/**
 * Rows asked for per pull page. A project's "Max rows" (PostgREST db-max-rows) may return fewer:
 * the pull reads on until a page comes back empty, so any max rows works.
 */
export const PULL_PAGE_ROWS = 250;

/**
 * The pull re-reads rows stamped up to this long before the newest stamp it has seen: a
 * transaction that stamped a row earlier but committed later is still picked up (the migration's
 * "pull contract"). Far longer than any API transaction (Supabase caps statements at 8 s).
 */
export const PULL_OVERLAP_MS = 60_000;

/** A local change is pushed this long after the last one (typing, scrolling come in bursts). */
export const CHANGE_DEBOUNCE_MS = 1_500;

/**
 * A deletion waits this long before an automatic push: the Library offers "Undo" for 10 s, and a
 * tombstone on the server can never be undone (the server keeps deleted rows deleted).
 */
export const DELETE_GRACE_MS = 15_000;

/** Transient failures (network, 408, 429, 5xx) are retried this many times within one sync. */
export const PUSH_RETRIES = 3;
export const RETRY_BASE_MS = 500;
export const RETRY_MAX_MS = 30_000;

/** A page coming back to the foreground pulls when its last sync is older than this. */
export const STALE_SYNC_MS = 60_000;

/** Abandons a request the network never answers (a worker must not wait forever). */
export const REQUEST_TIMEOUT_MS = 30_000;
