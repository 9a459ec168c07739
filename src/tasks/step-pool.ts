import { MAX_ASKS_PER_STEP } from '../domain/media-plan';

/**
 * Runs a media job's steps a few at a time (narrating 20 sentences one after another takes 20 call
 * times; four at a time, five). The width adapts to the server like TCP's congestion window:
 * - a 429 halves it (never below 1), pauses every new start for the delay the server asked for, and
 *   puts the step back at the front of the queue — handled here, so it never spends a job attempt;
 * - each success widens it by one, never above the learner's limit (Settings → Parallel requests);
 * - a step is asked at most twice for 429s in one run: a second 429 for the same step, or a pause
 *   longer than MAX_POOL_WAIT_MS, ends the run with that error, and the engine backs the whole job
 *   off as it always has (spending an attempt), so a daily quota cannot keep a job spinning.
 * Any other failure stops new starts; the calls in flight finish (and store what they paid for)
 * before the first failure is thrown. An abort ends the run at once: every call in flight got the
 * same signal, so they all stop.
 */

/** The longest 429 pause waited inside the job; longer ones go to the engine's backoff (and its message). */
export const MAX_POOL_WAIT_MS = 60_000;


export interface StepPoolOptions<S> {
  steps: readonly S[];
  /** The most calls in flight (the learner's setting, already clamped to 1–8). */
  limit: number;
  signal: AbortSignal;
  /** One step: its paid call and its storage. Rejects with the call's error. */
  run(step: S): Promise<void>;
  /** The pause a 429 asks for (ms), or undefined when `error` is not a 429. */
  rateLimitDelay(error: unknown): number | undefined;
  /** Told each width change, for tests and diagnostics. */
  onWidth?(width: number): void;
  /** Told when a 429 pauses new starts, and for how long (ms): the job's status says so. */
  onPause?(ms: number): void;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

export async function runStepPool<S>(options: StepPoolOptions<S>): Promise<void> {
  const { signal, limit } = options;
  const queue = [...options.steps];
  // Steps already asked again after a 429: their next 429 ends the run (at most MAX_ASKS_PER_STEP asks).
  const rateLimited = new Set<S>();
  const mayAskAgain = (step: S) => MAX_ASKS_PER_STEP > 1 && !rateLimited.has(step);
  const inFlight = new Set<Promise<void>>();
  let width = Math.max(1, limit);
  let resumeAt = 0;
  let failure: { error: unknown } | undefined;

  const setWidth = (next: number) => {
    if (next === width) return;
    width = next;
    options.onWidth?.(width);
  };

  const settle = (step: S, error: unknown) => {
    const delay = signal.aborted ? undefined : options.rateLimitDelay(error);
    if (delay !== undefined && delay <= MAX_POOL_WAIT_MS && mayAskAgain(step)) {
      rateLimited.add(step);
      queue.unshift(step);
      setWidth(Math.max(1, Math.floor(width / 2)));
      resumeAt = Math.max(resumeAt, Date.now() + delay);
      options.onPause?.(resumeAt - Date.now());
      return;
    }
    failure ??= { error };
  };

  const start = (step: S) => {
    const call: Promise<void> = options
      .run(step)
      .then(
        () => setWidth(Math.min(limit, width + 1)),
        (error: unknown) => settle(step, error),
      )
      .finally(() => inFlight.delete(call));
    inFlight.add(call);
  };

  while (!signal.aborted) {
    const canStart = !failure && queue.length > 0 && inFlight.size < width;
    const wait = resumeAt - Date.now();
    if (canStart && wait <= 0) {
      start(queue.shift() as S);
      continue;
    }
    if (inFlight.size === 0 && !canStart) break;
    // Wake on the first call to settle, or when the 429 pause is over and a slot is free.
    const waits: Promise<void>[] = [...inFlight];
    if (canStart) waits.push(pause(wait, signal));
    await Promise.race(waits);
  }
  if (signal.aborted) throw signal.reason;
  if (failure) throw failure.error;
}
