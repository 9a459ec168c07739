/// <reference lib="webworker" />
import { type AppMessage, MESSAGE_TYPES } from '../domain/worker-protocol';

/**
 * Whether the learner accepted an update: then this worker is the outdated side, finishes the job
 * in hand and claims no new one, so the waiting worker can take over (src/sw/take-over.ts). A
 * message from a newer page alone does not stop it: rows a newer version wrote are already left
 * alone by `claim` (their `writtenBy`), and stopping on every newer message would stall the queue
 * while a new worker waits for tabs to close. Lasts for the life of this worker.
 */
let outdated = false;

export function notePeer(message: AppMessage): void {
  if (message.type === MESSAGE_TYPES.updateAccepted) outdated = true;
}

export function isOutdated(): boolean {
  return outdated;
}
