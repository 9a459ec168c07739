/// <reference lib="webworker" />
import { type AppMessage, isNewerVersion, MESSAGE_TYPES } from '../domain/worker-protocol';

/**
 * What this worker has heard of newer code. A page running a newer build (it bypassed the cache, or
 * its worker is waiting) or a learner who accepted an update means this worker is the outdated
 * side: the job in hand finishes, but it claims no new one (newer code may write rows it does not
 * understand, and a waiting worker takes over only once this one is idle). Lasts for the life of
 * this worker; a restarted worker starts fresh and hears again.
 */
let outdated = false;

export function notePeer(message: AppMessage): void {
  if (message.type === MESSAGE_TYPES.updateAccepted || isNewerVersion(message.version, __APP_VERSION__)) outdated = true;
}

export function isOutdated(): boolean {
  return outdated;
}
