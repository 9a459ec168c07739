/**
 * Last-writer-wins, decided per pulled row from what this device has. Pure, so every rule is
 * tested on its own (tests/unit/sync/merge.test.ts). The clocks compared are the devices' own write
 * times carried in the rows (see rows.ts), so a stale copy pushed late never beats a newer one.
 *
 * - `apply`: the remote row is newer (or new here): write it locally. Never queued for push.
 * - `delete-local`: the server has a tombstone: remove the local copy (tombstones always win: a story
 *   deleted on one device stays deleted everywhere, whatever its clocks say).
 * - `push-local`: this device has a newer version than the server: queue it (it converges).
 * - `push-deletion`: deleted here, alive on the server: make sure the deletion is queued.
 * - `skip`: nothing to do (already the same; or a tombstone for something this device never had).
 */
export type MergeDecision = 'apply' | 'delete-local' | 'push-local' | 'push-deletion' | 'skip';

export interface RemoteVersion {
  deleted: boolean;
  /** The writer's clock (ms); null when the row carries none that can be read. */
  writtenAt: number | null;
}

export interface LocalVersion {
  writtenAt: number;
}

export function decideStory(remote: RemoteVersion, local: LocalVersion | null, tombstoned: boolean): MergeDecision {
  if (remote.deleted) return local ? 'delete-local' : 'skip';
  if (tombstoned) return 'push-deletion';
  return newerWins(remote, local);
}

/** Progress of a story deleted here is not brought back; otherwise the same rule as stories. */
export function decideProgress(remote: RemoteVersion, local: LocalVersion | null, storyTombstoned: boolean): MergeDecision {
  if (storyTombstoned) return 'skip';
  if (remote.deleted) return local ? 'delete-local' : 'skip';
  return newerWins(remote, local);
}

/**
 * A word the learner set: the newer `updatedAt` wins per word (Undo writes a newer entry, so it
 * wins too); a tombstone removes the word here.
 */
export function decideWord(remote: RemoteVersion, local: LocalVersion | null): MergeDecision {
  if (remote.deleted) return local ? 'delete-local' : 'skip';
  return newerWins(remote, local);
}

/**
 * A day of reading on one device (issue 15): the newer `updatedAt` wins. Never deleted; each device
 * writes only its own rows, so this only ever meets two versions of one device's day.
 */
export function decideReadingDay(remote: RemoteVersion, local: LocalVersion | null): MergeDecision {
  return newerWins({ ...remote, deleted: false }, local);
}

/** One settings object per learner; never deleted. */
export function decideSettings(remote: RemoteVersion, local: LocalVersion | null): MergeDecision {
  return newerWins({ ...remote, deleted: false }, local);
}

function newerWins(remote: RemoteVersion, local: LocalVersion | null): MergeDecision {
  if (remote.writtenAt === null) return local ? 'push-local' : 'skip';
  if (!local) return 'apply';
  if (remote.writtenAt > local.writtenAt) return 'apply';
  if (remote.writtenAt < local.writtenAt) return 'push-local';
  return 'skip';
}
