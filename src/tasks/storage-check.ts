import { JobFailure } from '../jobs/errors';

/**
 * Disk space for media jobs. Before the first paid call, the job checks the browser's estimate of
 * the space left for this origin against a generous guess of what it will store, and fails at once
 * (permanently: retrying does not free space) instead of paying for audio it cannot keep. A
 * QuotaExceededError while writing still happens (the estimate is only an estimate, other tabs write
 * too): it fails the job the same way, and what was already stored stays (domain/error-kinds.ts
 * recognises it however Dexie wrapped it; media-steps.ts runs the check and handles the error).
 */

export interface SpaceEstimate {
  usage: number;
  quota: number;
}

export type EstimateFn = () => Promise<SpaceEstimate | null>;

/** navigator.storage.estimate() in a page or worker; null where it is missing or fails. */
export const browserEstimate: EstimateFn = async () => {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (typeof storage?.estimate !== 'function') return null;
  try {
    const { usage, quota } = await storage.estimate();
    return typeof usage === 'number' && typeof quota === 'number' && quota > 0 ? { usage, quota } : null;
  } catch {
    return null;
  }
};

/** Space is always left free beyond the estimate: a full disk breaks the rest of the app too. */
export const SPACE_MARGIN_BYTES = 5 * 1024 * 1024;

export const STORAGE_CODES = { insufficient: 'storage-insufficient', full: 'storage-full' } as const;

export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.max(0.1, Math.round(mb * 10) / 10)} MB`;
}

/**
 * Throws a permanent JobFailure when `neededBytes` (+ margin) do not fit in what the browser says is
 * left. Does nothing when the browser cannot tell (the write itself is then the check).
 */
export async function ensureSpace(neededBytes: number, what: string, estimate: EstimateFn): Promise<void> {
  const space = await estimate();
  if (space === null) return;
  const free = Math.max(0, space.quota - space.usage);
  if (free >= neededBytes + SPACE_MARGIN_BYTES) return;
  throw new JobFailure(
    'permanent',
    STORAGE_CODES.insufficient,
    `Not enough storage space for ${what}: it needs about ${megabytes(neededBytes)} and this browser has ${megabytes(free)} left for the app. ` +
      'Free some space (Settings → Storage lists what each story takes), then press Retry.',
    { details: { neededBytes, freeBytes: free, quotaBytes: space.quota } },
  );
}

/** The job's end when the disk fills mid-way: permanent, and it says what was kept. */
export function storageFullFailure(saved: number, total: number, noun: string): JobFailure {
  return new JobFailure(
    'permanent',
    STORAGE_CODES.full,
    `Your device is out of storage space. ${saved} of ${total} ${noun} were saved and are kept. ` +
      'Free some space (Settings → Storage), then press Retry to finish the rest.',
    { details: { saved, total } },
  );
}
