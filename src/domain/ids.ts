import { v5 as uuidv5 } from 'uuid';

/**
 * Namespace for ids of stories imported from the older app. Fixed forever: changing it would make a
 * re-import of the same backup create duplicates.
 */
export const LEGACY_ID_NAMESPACE = '6f1c1b0e-4a53-5b8e-9d6e-3b2f0a7c9e11';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

export function newId(): string {
  return crypto.randomUUID();
}

/** A uuid for an imported id: kept when it already is one, else a deterministic v5 of the old id. */
export function idFromLegacy(legacyId: string): string {
  return isUuid(legacyId) ? legacyId.toLowerCase() : uuidv5(legacyId, LEGACY_ID_NAMESPACE);
}

/**
 * Namespace for the new id of a story restored from a backup after it was deleted here. Fixed
 * forever, like LEGACY_ID_NAMESPACE: the same file imported twice must produce the same id.
 */
export const RESTORED_ID_NAMESPACE = 'b3e2f1a0-7c4d-5e6f-8a9b-0c1d2e3f4a5b';

/**
 * The id of a restored copy. A tombstone is final (the server never undoes one), so the old id can
 * never be live again; the copy gets a new id derived from the old id and when it was deleted, so
 * a second import finds the copy instead of making another, and a later deletion of the copy (a
 * new tombstone, a new time) leads to a new copy again.
 */
export function restoredId(oldId: string, deletedAt: number): string {
  return uuidv5(`${oldId}@${deletedAt}`, RESTORED_ID_NAMESPACE);
}
