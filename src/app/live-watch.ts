import { liveQuery, type Subscription } from 'dexie';
import { jitteredBackoff } from '../domain/retry-timing';
import { reportPageFault } from './error-handlers';

/**
 * A `liveQuery` subscription that outlives a failed read. Dexie 4.4 never re-runs a query whose
 * run threw, so a single storage hiccup would leave the watcher (the queue's wake timer, the sync
 * trigger) dead for the life of the tab. Here a failure is recorded where Diagnostics shows it and
 * the query is subscribed again after the shared jittered backoff (doubling, up to a minute).
 */
export interface LiveWatchOptions {
  /** Shown in Diagnostics' "last errors" as where it happened. */
  where: string;
  firstRetryMs?: number;
  maxRetryMs?: number;
}

export function watchLive<T>(query: () => Promise<T>, next: (value: T) => void, options: LiveWatchOptions): () => void {
  const first = options.firstRetryMs ?? 1_000;
  const max = options.maxRetryMs ?? 60_000;
  let subscription: Subscription | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;

  const subscribe = () => {
    if (stopped) return;
    subscription = liveQuery(query).subscribe({
      next: (value) => {
        failures = 0;
        next(value);
      },
      error: (error: unknown) => {
        failures += 1;
        // Through reportPageFault: the fault log loads at its first use, a watch that works never needs it.
        reportPageFault(options.where, error);
        retryTimer = setTimeout(subscribe, jitteredBackoff(failures, { baseMs: first, maxMs: max, random: Math.random }));
      },
    });
  };
  subscribe();
  return () => {
    stopped = true;
    subscription?.unsubscribe();
    clearTimeout(retryTimer);
  };
}
