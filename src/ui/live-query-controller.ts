import { liveQuery, type Subscription } from 'dexie';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { reportPageFault } from '../app/error-handlers';

/**
 * Keeps a component in step with IndexedDB through Dexie's liveQuery: it re-renders when a commit
 * (from this page, another tab or the service worker) changes what the query read. No polling.
 *
 * A query that fails ends its subscription for good (Dexie does not re-run it), so the failure is
 * kept in `error` for the host to render (see `readFailure` in load-error.ts, which offers a retry
 * that calls `refresh()`), and recorded for Diagnostics. Without this, a failed read looked like an
 * empty result: "Story not found" for a story that is there.
 */
export class LiveQueryController<T> implements ReactiveController {
  value: T | undefined;
  /** Why the last run failed; undefined while the query works. Cleared by `refresh()`. */
  error: unknown;
  /** True once the first result (or failure) arrived: lets a page tell "loading" from "empty". */
  loaded = false;
  private subscription: Subscription | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly query: () => Promise<T> | T,
    private readonly onValue?: (value: T) => void,
    /** A deferred query waits for start(), e.g. until a cheaper query painted the first screen. */
    private deferred = false,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.deferred) this.subscribe();
  }

  start(): void {
    if (!this.deferred) return;
    this.deferred = false;
    if (!this.subscription) this.subscribe();
  }

  hostDisconnected(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  /** Stops re-running on commits (the value is kept) until refresh(). */
  pause(): void {
    this.hostDisconnected();
  }

  /** Re-runs the query: after the route parameter it depends on changed, or to retry a failed read. */
  refresh(): void {
    this.hostDisconnected();
    this.loaded = false;
    this.error = undefined;
    this.subscribe();
    this.host.requestUpdate();
  }

  private subscribe(): void {
    this.subscription = liveQuery(this.query).subscribe({
      next: (value) => {
        this.value = value;
        this.loaded = true;
        this.error = undefined;
        this.onValue?.(value);
        this.host.requestUpdate();
      },
      error: (error: unknown) => {
        this.error = error ?? new Error('The query failed without saying why.');
        this.loaded = true;
        reportPageFault(`${hostName(this.host)} reading storage`, error);
        this.host.requestUpdate();
      },
    });
  }
}

/** "nm-reader-page": which component's read failed, for the fault log. */
function hostName(host: ReactiveControllerHost): string {
  const name = (host as Partial<Element>).localName;
  return typeof name === 'string' ? name : 'a component';
}
