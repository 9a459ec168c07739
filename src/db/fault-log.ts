import { scrubDetail } from '../domain/secrets';
import { getDb } from './database';
import { captureUncaughtErrors, type ErrorScope } from './fault-capture';

export { type ErrorScope, uncaughtErrorPlace } from './fault-capture';

/**
 * The last things that went wrong outside a job (an unhandled rejection, a watcher whose query
 * failed), for Diagnostics' "last errors". Failed jobs keep their own error on their row; this log
 * is for faults nothing else would remember. It lives in one `syncState` row rather than a table of
 * its own so it needs no schema version: a ring of a few short entries, rewritten whole.
 */

/** `syncState` key of the fault ring. */
export const FAULT_LOG_KEY = 'faultLog';
/** Enough to see a pattern, small enough to rewrite on every fault. */
export const FAULT_LOG_SIZE = 20;
const MAX_MESSAGE_CHARS = 400;
const MAX_WHERE_CHARS = 80;
/** The same fault repeating (an error in a render loop) is written once per this many ms. */
const REPEAT_WINDOW_MS = 5000;

export type FaultContext = 'page' | 'worker';

export interface Fault {
  at: number;
  context: FaultContext;
  /** What was running: "unhandled rejection", "queue watcher"… */
  where: string;
  /** Passed through scrubSecrets (then shortened), so no key or token is stored. */
  message: string;
}

let last: { key: string; at: number } | undefined;

/** Records a fault; never throws (it runs inside error handlers, where a throw would be lost or loop). */
export async function recordFault(context: FaultContext, where: string, error: unknown): Promise<void> {
  try {
    const at = Date.now();
    const fault: Fault = { at, context, where: scrubDetail(where, MAX_WHERE_CHARS), message: scrubDetail(describe(error), MAX_MESSAGE_CHARS) };
    const key = `${fault.context}|${fault.where}|${fault.message}`;
    if (last && last.key === key && at - last.at < REPEAT_WINDOW_MS) return;
    last = { key, at };
    const db = getDb();
    await db.transaction('rw', db.syncState, async () => {
      const earlier = asFaults((await db.syncState.get(FAULT_LOG_KEY))?.value);
      await db.syncState.put({ key: FAULT_LOG_KEY, value: [fault, ...earlier].slice(0, FAULT_LOG_SIZE) });
    });
  } catch (failure) {
    // Storage itself may be what failed; the console is the only place left to say so.
    console.warn('Could not record a fault for Diagnostics', failure);
  }
}

/** The recorded faults, newest first. */
export async function readFaults(): Promise<Fault[]> {
  return asFaults((await getDb().syncState.get(FAULT_LOG_KEY))?.value);
}

/**
 * Records every error nothing caught in this context (a thrown event handler, a promise no one
 * awaited) where Diagnostics shows it. The browser still logs it too: no preventDefault.
 */
export function recordUncaughtErrors(scope: ErrorScope, context: FaultContext): void {
  captureUncaughtErrors(scope, (where, error) => void recordFault(context, where, error));
}

/** Tests: forget the repeat guard between cases. */
export function resetFaultRepeatGuard(): void {
  last = undefined;
}

/** "TypeError: x is undefined"; the class name only when it says more than "Error". */
function describe(error: unknown): string {
  if (error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    const text = typeof message === 'string' && message !== '' ? message : 'no message';
    return typeof name === 'string' && name !== '' && name !== 'Error' ? `${name}: ${text}` : text;
  }
  if (typeof error === 'string') return error || 'no message';
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** A row written by another version of the app may hold anything: keep only well-formed entries. */
function asFaults(value: unknown): Fault[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (f): f is Fault =>
      typeof f === 'object' && f !== null && typeof f.at === 'number' && (f.context === 'page' || f.context === 'worker') &&
      typeof f.where === 'string' && typeof f.message === 'string',
  );
}
