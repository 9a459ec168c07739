import type { JobParams } from './job';

/**
 * Job rows and states, free of zod so the page's first route can read the queue without it.
 *
 * Glossary (DESIGN §3)
 * - job: one unit of background work persisted in the `jobs` table.
 * - job type: `story` | `audio` | `image` | `annotate` (a story's words) | `explain` (a grammar note on
 *   one sentence); each has a params schema and one handler.
 * - attempt: one run of a handler for a job; transient failures spend one, going offline does not.
 * - lease: `{owner, expiresAt}` on a processing job; a runner renews it (heartbeat) while it works,
 *   and an expired lease makes the job claimable again (the holder crashed or was killed).
 * - runner: the loop that claims and runs jobs; at most one at a time per origin (Web Lock).
 */
export const JOB_STATUSES = {
  pending: 'pending',
  processing: 'processing',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
} as const;
export type JobStatus = (typeof JOB_STATUSES)[keyof typeof JOB_STATUSES];

export const JOB_TYPES = ['story', 'audio', 'image', 'annotate', 'explain'] as const;
export type JobType = (typeof JOB_TYPES)[number];

/**
 * Why a pending job is not running: `storage` is a finished result kept in the job's checkpoint
 * until there is room on the device to save it (src/jobs/storage-wait.ts).
 */
export const WAITING_REASONS = ['network', 'backoff', 'dependency', 'storage'] as const;
export type WaitingReason = (typeof WAITING_REASONS)[number];

export interface JobError {
  /** Stable code, e.g. `api-key-invalid`, `network`, `invalid-output`. */
  code: string;
  /** A sentence a learner understands. Never contains the API key. */
  message: string;
  retryable: boolean;
  details?: Record<string, unknown>;
}

export interface JobProgress {
  done: number;
  total: number;
  label: string;
}

export interface JobRow<T extends JobType = JobType> {
  id: string;
  type: T;
  params: JobParams[T];
  status: JobStatus;
  priority: number;
  /** queueRank(priority): what the queue index sorts by, so its ascending order is the run order. */
  rank: number;
  createdAt: number;
  updatedAt: number;
  /** Earliest time (epoch ms) of the next attempt. */
  runAfter: number;
  attempts: number;
  maxAttempts: number;
  lease: { owner: string; expiresAt: number } | null;
  progress: JobProgress | null;
  /** Handler-owned resumable state (e.g. sentences already narrated). */
  checkpoint: unknown;
  result: unknown;
  error: JobError | null;
  dependsOn: string[];
  waitingFor: WaitingReason | null;
  /** Groups the jobs of one request ("story + narration + illustration"). */
  groupId: string | null;
  finishedAt: number | null;
  /**
   * Runs whose answer could not be read (bad JSON, schema mismatch, truncation). Bounded on its own
   * (src/jobs/constants MAX_INVALID_OUTPUT_TRIES). Optional: rows written before it existed read as 0.
   */
  invalidOutputs?: number;
  /**
   * Times a runner died mid-run (tab closed, worker killed) and the lease expired. Such a resume does
   * not spend an attempt, so this count is what makes a job that kills its worker terminate.
   */
  leaseLosses?: number;
  /**
   * Whether some job depends on this one: false for a new row, set to true when a dependant is
   * queued. Completing a job looks for dependants to wake only when it may have some (undefined,
   * on rows written before this field existed, means "look").
   */
  hasDependants?: boolean;
  /**
   * The app version (`<semver>+<build stamp>`) whose code last wrote the params: set at enqueue, and
   * at claim (which stores the params as this version parsed them). An older runner leaves such a
   * row untouched and pending for that version, since it cannot know what the newer fields mean.
   * Optional: rows written before it existed read as the oldest version.
   */
  writtenBy?: string;
}

/** −priority, written as `0 - p` so priority 0 gives +0 (IndexedDB and equality checks agree). */
export function queueRank(priority: number): number {
  return 0 - (priority ?? 0);
}

/**
 * Stories written to fit the learner (issue 14): the learning words to use and a sample of known
 * words go into the prompt as data, so each is bounded here (a word, not a paragraph) and the lists
 * are capped, which keeps the prompt a sane size whatever the words store holds.
 */
export const FIT_LIMITS = { learningWords: 20, knownWords: 100, base: 24, reading: 48 } as const;
