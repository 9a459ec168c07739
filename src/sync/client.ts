import { AuthClient, type GoTrueClient, isAuthRetryableFetchError, type LockFunc, NavigatorLockAcquireTimeoutError } from '@supabase/supabase-js';
import { defaultLocks, type Locks } from '../jobs/lock';
import { indexedDbAuthStorage, storedSessionExpiresAt } from './auth-storage';
import type { SyncConfig } from './config';
import { AUTH_STORAGE_KEY } from './constants';
import { withRefreshBackoff } from './refresh-backoff';
import { readRefreshWait } from './refresh-wait';
import { createRestClient, type RestClient, SignInNeededError, SyncHttpError, type TokenSource } from './rest';
import { sleep } from './transient-retry';

/**
 * The Supabase client of one context. Page and worker differ only in token refresh: the page's auth
 * client refreshes on a timer while a tab is open; the worker's never does on its own (its timers
 * die with it, PLATFORM.md) and refreshes only when a request needs a token. Both keep the session in
 * IndexedDB and take `lock:<storageKey>` on navigator.locks for every auth operation, so the page
 * and the worker never spend the same single-use refresh token.
 *
 * Only auth-js is used from supabase-js (tree-shaken: ~24 KB gzip); REST goes through rest.ts.
 */
export type SyncContext = 'page' | 'worker';

export interface SyncClient {
  readonly config: SyncConfig;
  readonly auth: GoTrueClient;
  readonly rest: RestClient;
}

export interface SyncClientOptions {
  fetch?: typeof fetch;
  locks?: Locks;
  /** The pause between rate-limited refresh attempts (refresh-backoff.ts); tests pass a clock's. */
  sleep?: (ms: number) => Promise<void>;
  /** How long an auth operation waits for another context's (default 10 s). */
  lockAcquireTimeoutMs?: number;
}

export function createSyncClient(config: SyncConfig, context: SyncContext, options: SyncClientOptions = {}): SyncClient {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const authFetch = withRefreshBackoff(fetchImpl, { accessTokenExpiresAt: () => storedSessionExpiresAt(config.url), sleep: options.sleep ?? sleep });
  const auth = new AuthClient({
    url: `${config.url}/auth/v1`,
    headers: { apikey: config.anonKey, Authorization: `Bearer ${config.anonKey}` },
    storageKey: AUTH_STORAGE_KEY,
    // Bound to this project: the client never reads (or refreshes, or revokes) another project's session.
    storage: indexedDbAuthStorage(config.url),
    persistSession: true,
    autoRefreshToken: context === 'page',
    detectSessionInUrl: false,
    lock: authLock(options.locks ?? defaultLocks()),
    lockAcquireTimeout: options.lockAcquireTimeoutMs ?? 10_000,
    fetch: authFetch,
  });
  return { config, auth, rest: createRestClient(config.url, config.anonKey, sessionTokens(auth), fetchImpl) };
}

/** Tokens from the auth client: getSession() refreshes inside supabase-js's 90 s expiry margin. */
export function sessionTokens(auth: GoTrueClient): TokenSource {
  const current = async (): Promise<string> => {
    const { data, error } = await auth.getSession();
    if (data.session) return data.session.access_token;
    if (error && isAuthRetryableFetchError(error)) throw new SyncHttpError(`Could not refresh the session: ${error.message}`, 0, null, null);
    throw new SignInNeededError();
  };
  return {
    accessToken: current,
    async refresh(refused) {
      // Another context may have refreshed already (the session is shared): then use its token.
      const stored = await current();
      if (stored !== refused) return stored;
      const { data, error } = await auth.refreshSession();
      if (data.session) return data.session.access_token;
      if (error && isAuthRetryableFetchError(error)) throw new SyncHttpError(`Could not refresh the session: ${error.message}`, 0, null, null);
      throw new SignInNeededError();
    },
  };
}

let cached: { key: string; client: SyncClient } | undefined;

/** This context's client for `config`, made once (a new one when the project changes). */
export function syncClientFor(config: SyncConfig, context: SyncContext): SyncClient {
  const key = `${context}|${config.url}|${config.anonKey}`;
  if (cached?.key !== key) {
    if (cached) void cached.client.auth.stopAutoRefresh().catch(() => undefined);
    cached = { key, client: createSyncClient(config, context) };
  }
  return cached.client;
}

/**
 * supabase-js's `auth.lock`, on the app's one Web Lock wrapper (src/jobs/lock.ts): one context at
 * a time refreshes the session, since refresh tokens are single use and every tab and the service
 * worker share them.
 *
 * `acquireTimeout` 0 means "only if free" (supabase-js's refresh timer uses that and expects a
 * LockAcquireTimeoutError otherwise), a positive value is a timeout, a negative one waits.
 */
export function authLock(locks: Locks = defaultLocks(), holderIsWaiting: () => Promise<unknown> = readRefreshWait): LockFunc {
  return async (name, acquireTimeout, fn) => {
    let sawWait = false;
    for (;;) {
      const timeout = acquireTimeout > 0 ? AbortSignal.timeout(acquireTimeout) : undefined;
      let acquired = false;
      try {
        return await locks.run(name, { ifAvailable: acquireTimeout === 0, signal: timeout }, async (held) => {
          if (!held) throw new NavigatorLockAcquireTimeoutError(`The sign-in lock "${name}" is busy`);
          acquired = true;
          return fn();
        });
      } catch (error) {
        if (acquired || !timeout?.aborted) throw error;
        // The holder may be waiting out a rate-limited refresh (refresh-backoff.ts): a wait it
        // announces and that ends before the access token expires. Its result is ours too. A wait
        // seen before and gone now has just ended: its holder is about to let go, one more try.
        const waiting = Boolean(await holderIsWaiting());
        if (waiting || sawWait) {
          sawWait = waiting;
          continue;
        }
        throw new NavigatorLockAcquireTimeoutError(`Waited ${acquireTimeout} ms for the sign-in lock "${name}"`);
      }
    }
  };
}
