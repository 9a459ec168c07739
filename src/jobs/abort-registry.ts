import { CANCEL_CHANNEL } from './constants';

/**
 * AbortControllers of the handlers running in THIS context (page or worker), by job id, so `cancel`
 * can abort an in-flight request at once instead of waiting for the next heartbeat. Other contexts
 * hear about a cancel through a BroadcastChannel (when the platform has one); the heartbeat remains
 * the backstop that needs no messaging at all.
 */
const running = new Map<string, AbortController>();

interface CancelMessage {
  kind: 'cancel';
  ids: string[];
}

function isCancelMessage(data: unknown): data is CancelMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Partial<CancelMessage>;
  return message.kind === 'cancel' && Array.isArray(message.ids) && message.ids.every((id) => typeof id === 'string');
}

export function cancelReason(): DOMException {
  return new DOMException('The job was cancelled.', 'AbortError');
}

/** Registers a running job's controller; the returned function unregisters it. */
export function registerRunning(jobId: string, controller: AbortController): () => void {
  running.set(jobId, controller);
  return () => {
    if (running.get(jobId) === controller) running.delete(jobId);
  };
}

function abortLocal(ids: readonly string[]): void {
  for (const id of ids) running.get(id)?.abort(cancelReason());
}

/** Aborts the given jobs here and asks other contexts to do the same. */
export function abortRunning(ids: readonly string[]): void {
  abortLocal(ids);
  if (typeof BroadcastChannel === 'undefined') return;
  try {
    const channel = new BroadcastChannel(CANCEL_CHANNEL);
    channel.postMessage({ kind: 'cancel', ids: [...ids] } satisfies CancelMessage);
    channel.close();
  } catch {
    // Best effort only: the heartbeat will notice the cancel within a third of a lease anyway.
  }
}

/** While a runner runs: abort local handlers whose jobs another context cancelled. */
export function listenForCancels(): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CANCEL_CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    if (isCancelMessage(event.data)) abortLocal(event.data.ids);
  };
  return () => channel.close();
}
