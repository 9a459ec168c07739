/**
 * Messages between pages and the service worker. Each carries the sender's app version so a page and
 * a worker of different versions can tell (and the older side reloads or stops instead of writing).
 */
export const MESSAGE_TYPES = {
  /** Page → worker: the waiting worker may take over now (the learner chose "Reload to update"). */
  skipWaiting: 'nm:skip-waiting',
  /** Page → worker: there may be runnable jobs (sent on load, on enqueue and on `online`). */
  drainQueue: 'nm:drain-queue',
  /** Page → worker: cancel this job's in-flight request at once. */
  cancelJob: 'nm:cancel-job',
  /** Worker → page: the run loop stopped with work left that only a page can re-schedule. */
  queueStopped: 'nm:queue-stopped',
} as const;

export type MessageType = (typeof MESSAGE_TYPES)[keyof typeof MESSAGE_TYPES];

export interface AppMessage {
  type: MessageType;
  version: string;
  jobId?: string;
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
