/**
 * The page ↔ service-worker protocol: every message type in one table. Each message carries the
 * sender's app version: a worker does not write a newer page's job plan with its own, older
 * schemas, and job rows carry the version that wrote them so older code leaves them alone.
 *
 * Cancel is deliberately not here: it travels on a BroadcastChannel (jobs/abort-registry.ts), which
 * also reaches page runners in other tabs (Firefox, Safari), where a worker message would not.
 */
export const MESSAGE_TYPES = {
  /** Page → waiting worker: the learner chose "Reload to update"; take over once no job is running. */
  skipWaiting: 'nm:skip-waiting',
  /** Page → active worker: an update was accepted; finish the job in hand but claim no new one. */
  updateAccepted: 'nm:update-accepted',
  /** Page → worker: there may be runnable jobs (sent on load, on enqueue and on `online`). */
  drainQueue: 'nm:drain-queue',
  /** Worker → page: the run loop stopped with work left that only a page can re-schedule. */
  queueStopped: 'nm:queue-stopped',
  /**
   * Page → worker, in the task of the "Create story" click: the minted ids and validated params of
   * a new group of jobs (`detail`: a `GroupPlan`, src/jobs/enqueue-group.ts). The worker writes the
   * same rows inside `waitUntil` and drains, so the tab may close the moment the click returns.
   */
  enqueueJobs: 'nm:enqueue-jobs',
} as const;

/**
 * This build's version, carried by every message and stamped on every job row. Outside a Vite build
 * (unit tests in Node) the constant is not defined: the oldest readable version stands in.
 */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0+0';

export type MessageType = (typeof MESSAGE_TYPES)[keyof typeof MESSAGE_TYPES];

export interface AppMessage {
  type: MessageType;
  /** The sender's `__APP_VERSION__`: `<semver>+<build stamp>`. */
  version: string;
  detail?: Record<string, unknown>;
}

export function isAppMessage(value: unknown): value is AppMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { type, version } = value as Record<string, unknown>;
  return (
    typeof type === 'string' &&
    (Object.values(MESSAGE_TYPES) as string[]).includes(type) &&
    typeof version === 'string'
  );
}

/** `1.2.3+20261201224100` → comparable parts; anything unreadable sorts as oldest. */
function versionParts(version: string): number[] {
  const [core = '', build = ''] = version.split('+');
  const numbers = core.split('.').map((n) => Number.parseInt(n, 10));
  const stamp = Number.parseInt(build, 10);
  return [...[0, 1, 2].map((i) => (Number.isFinite(numbers[i]) ? (numbers[i] as number) : -1)), Number.isFinite(stamp) ? stamp : -1];
}

/** Negative when `a` is older than `b`, positive when newer, 0 when the same build. */
export function compareVersions(a: string, b: string): number {
  const pa = versionParts(a);
  const pb = versionParts(b);
  for (let i = 0; i < pa.length; i++) {
    const diff = (pa[i] as number) - (pb[i] as number);
    if (diff !== 0) return diff;
  }
  return 0;
}

export function isNewerVersion(candidate: string, than: string): boolean {
  return compareVersions(candidate, than) > 0;
}
