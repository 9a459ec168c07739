/**
 * What kind of thing was thrown, for the few kinds every layer has to tell apart: a cancel (an
 * AbortError) and a full disk (a QuotaExceededError, however deeply Dexie wrapped it). One copy, so
 * the job engine, the AI adapter and the media tasks cannot drift apart on what counts.
 */

function errorName(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('name' in value)) return undefined;
  return typeof value.name === 'string' ? value.name : undefined;
}

/**
 * An AbortError: what `fetch`, the SDKs and the engine throw when a signal aborts. Only the thrown
 * value itself counts: a cancel is never wrapped, and looking inside would mistake a Dexie error
 * about an aborted transaction for a cancel.
 */
export function isAbortError(error: unknown): boolean {
  return errorName(error) === 'AbortError';
}

/** Names browsers and Dexie give a full disk: the standard one, and old Firefox's. */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** The legacy DOMException code of QuotaExceededError; old WebKit reports it under another name. */
const QUOTA_CODE = 22;

/** Bound on the walk: real wrapping is two or three levels; a cycle must not loop forever. */
const MAX_DEPTH = 8;

function isQuotaLevel(value: unknown): boolean {
  if (QUOTA_NAMES.has(errorName(value) ?? '')) return true;
  return typeof DOMException !== 'undefined' && value instanceof DOMException && value.code === QUOTA_CODE;
}

/** The errors `value` wraps: Dexie's `inner`, the standard `cause`. */
function wrapped(value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null) return [];
  const out: unknown[] = [];
  if ('inner' in value) out.push(value.inner);
  if ('cause' in value) out.push(value.cause);
  return out;
}

/**
 * A QuotaExceededError as the browser throws it, or wrapped: Dexie turns it into its own AbortError
 * (the transaction aborted) with the original in `inner`, sometimes one wrapper deeper, and other
 * code wraps with `cause`. Every level is looked at.
 */
export function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let level: unknown[] = [error];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const value of level) {
      if (value === undefined || value === null || seen.has(value)) continue;
      seen.add(value);
      if (isQuotaLevel(value)) return true;
      next.push(...wrapped(value));
    }
    level = next;
  }
  return false;
}
