import { liveQuery, type Subscription } from 'dexie';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps a component in step with IndexedDB through Dexie's liveQuery: it re-renders when a commit
 * (from this page, another tab or the service worker) changes what the query read. No polling.
 */
export class LiveQueryController<T> implements ReactiveController {
  value: T | undefined;
  error: unknown;
  /** True once the first result arrived (lets a page tell "loading" from "empty"). */
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

  /** Re-runs the query, e.g. after the route parameter it depends on changed. */
  refresh(): void {
    this.hostDisconnected();
    this.loaded = false;
    this.subscribe();
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
        this.error = error;
        this.loaded = true;
        this.host.requestUpdate();
      },
    });
  }
}
