/**
 * Every name and tuning number of the job engine, in one place (no magic strings elsewhere).
 * Names here are seen in devtools and by other contexts (tabs, the service worker, older or newer
 * app versions), so they never change once shipped.
 */

/** Web Lock that guards the run loop: one runner at a time across every tab and the worker. */
export const LOCK_NAME = 'nihongo-monogatari:job-runner';

/**
 * Prefix of the lock each run holds for its whole life, named after its run id (the lease owner
 * without its `/n` claim suffix). The browser releases it when the runner dies, so a processing job
 * whose run lock nobody holds has no living runner and is taken over at once, not at lease expiry.
 */
export const RUN_LOCK_PREFIX = `${LOCK_NAME}:run:`;

/** Background Sync tag the service worker drains the queue on; says what it does in devtools. */
export const SYNC_TAG = 'drain-job-queue';

/** BroadcastChannel on which `cancel()` tells a runner in another context to abort at once. */
export const CANCEL_CHANNEL = 'nihongo-monogatari:job-cancel';

/** `syncState` key holding `{owner, since}` of the runner holding the lock, for Diagnostics. */
export const RUNNER_LOCK_KEY = 'runner-lock';

/**
 * How long a claim stays valid without renewal. Long enough that a busy tab's timer jitter never
 * loses a healthy job; short enough that a killed worker's job resumes within half a minute.
 */
export const LEASE_MS = 30_000;

/** Heartbeat period: three chances to renew before the lease runs out. */
export const HEARTBEAT_MS = LEASE_MS / 3;

/** Attempts a job gets by default; transient failures spend them, going offline does not. */
export const DEFAULT_MAX_ATTEMPTS = 5;

/** Unreadable model answers tolerated before the job fails (counted apart from attempts). */
export const MAX_INVALID_OUTPUT_TRIES = 3;

/** Runner deaths (expired leases) tolerated before the job fails; guarantees termination. */
export const MAX_LEASE_LOSSES = 3;

/** Backoff: first retry waits 2.5–5 s, doubling up to a ceiling of 5 minutes (equal jitter). */
export const RETRY_BASE_MS = 5_000;
export const RETRY_MAX_MS = 5 * 60_000;

/** Progress is written at most this often; a UI bar does not need more and IndexedDB is not free. */
export const PROGRESS_THROTTLE_MS = 500;

/**
 * A handler that neither finishes nor honours its signal is abandoned after this long (it counts as
 * a transient failure), so one hung request can never stop the queue.
 */
export const JOB_TIMEOUT_MS = 10 * 60_000;

/** Pruning: completed jobs older than this go (the stories they made stay, in their own table). */
export const COMPLETED_RETENTION_MS = 7 * 24 * 60 * 60_000;

/** Pruning: at most this many completed jobs are kept, newest first. */
export const MAX_COMPLETED_KEPT = 200;

/** After a request got no answer, how long navigator.onLine may take to say the device went offline. */
export const NETWORK_SETTLE_MS = 1_500;
