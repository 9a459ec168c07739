import type { Subscription } from 'dexie';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { reportPageFault } from '../app/error-handlers';
import { storageReady } from '../app/storage-ready';

type Query<T> = () => Promise<T> | T;

/**
 * Where a controller's query comes from: the function itself, or a loader of the module that holds
 * it. A loader keeps the query's code (and Dexie under it) out of the first route: Home and the
 * header draw their first look without it (db/first-look.ts).
 */
export type QuerySource<T> = Query<T> | { load: () => Promise<Query<T>> };

export interface LiveQueryOptions<T> {
  /** A deferred query waits for start(), e.g. until a cheaper query painted the first screen. */
  deferred?: boolean;
  /** A value read before storage opened (the first look): drawn at once, replaced by the live one. */
  initial?: T;
}

/**
 * Keeps a component in step with IndexedDB through Dexie's liveQuery: it re-renders when a commit
 * (from this page, another tab or the service worker) changes what the query read. No polling.
 *
 * A query that fails ends its subscription for good (Dexie does not re-run it), so the failure is
 * kept in `error` for the host to render (see `readFailure` in load-error.ts, which offers a retry
 * that calls `refresh()`), and recorded for Diagnostics. Without this, a failed read looked like an
 * empty result: "Story not found" for a story that is there.
 *
 * Subscribing waits for storage to be open (app/storage-ready.ts) and for Dexie's code, which the
 * first paint of Home does without; both are immediate everywhere else.
 */
export class LiveQueryController<T> implements ReactiveController {
  value: T | undefined;
  /** Why the last run failed; undefined while the query works. Cleared by `refresh()`. */
  error: unknown;
  /** True once the first result (or failure) arrived: lets a page tell "loading" from "empty". */
  loaded = false;
  private subscription: Subscription | undefined;
  /** Bumped by every (un)subscribe, so a subscription still waiting on its code can tell it was cancelled. */
  private generation = 0;
  private deferred: boolean;
  /** The first look, until it has been reported once through onValue. */
  private firstLook: T | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: QuerySource<T>,
    private readonly onValue?: (value: T) => void,
    options: LiveQueryOptions<T> | boolean = {},
  ) {
    const { deferred = false, initial } = typeof options === 'boolean' ? { deferred: options } : options;
    this.deferred = deferred;
    if (initial !== undefined) {
      this.value = initial;
      this.loaded = true;
      this.firstLook = initial;
    }
    host.addController(this);
  }

  hostConnected(): void {
    if (this.deferred) return;
    // The first look is a value like any other (Home says it is shown) without waiting for storage.
    const firstLook = this.firstLook;
    this.firstLook = undefined;
    if (firstLook !== undefined) this.onValue?.(firstLook);
    this.subscribe();
  }

  start(): void {
    if (!this.deferred) return;
    this.deferred = false;
    if (!this.subscription) this.subscribe();
  }

  hostDisconnected(): void {
    this.generation++;
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
    const generation = ++this.generation;
    const source = this.source;
    // Storage first: on Home's first look nothing of Dexie downloads until that paint is done.
    storageReady()
      .then(() => Promise.all([typeof source === 'function' ? source : source.load(), import('dexie')]))
      .then(([run, { liveQuery }]) => {
        if (generation !== this.generation) return;
        this.subscription = liveQuery(run).subscribe({
          next: (value) => this.took(value),
          error: (error: unknown) => this.failed(error),
        });
      })
      .catch((error: unknown) => {
        if (generation === this.generation) this.failed(error);
      });
  }

  private took(value: T): void {
    this.value = value;
    this.loaded = true;
    this.error = undefined;
    this.onValue?.(value);
    this.host.requestUpdate();
  }

  private failed(error: unknown): void {
    this.error = error ?? new Error('The query failed without saying why.');
    this.loaded = true;
    reportPageFault(`${hostName(this.host)} reading storage`, error);
    this.host.requestUpdate();
  }
}

/** "nm-reader-page": which component's read failed, for the fault log. */
function hostName(host: ReactiveControllerHost): string {
  const name = (host as Partial<Element>).localName;
  return typeof name === 'string' ? name : 'a component';
}
