import { isAuthRetryableFetchError } from '@supabase/supabase-js';
import { scrubSecrets } from '../domain/secrets';
import { defaultLocks, type Locks } from '../jobs/lock';
import { type SyncClient, type SyncContext, syncClientFor } from './client';
import { loadSyncConfig } from './config';
import { PUSHED_AFTER_PULL, SYNC_LOCK, SYNC_TABLES } from './constants';
import { type PullOptions, type PullReports, pullTables } from './pull';
import { type PushOptions, type PushReport, pushOutbox } from './push';
import { failureKind, isSetupProblem, type RestClient, ServerWaitTooLongError, SignInNeededError, SyncHttpError } from './rest';
import { accountKey, readAccount, readWatermark, type SyncAccount, updateStatus, writeAccount } from './state';
import { isTransient } from './transient-retry';

/**
 * One sync: push the outbox, then pull what changed — under a Web Lock, so the page and the service
 * worker never sync at the same time. A device's first sync with an account pulls BEFORE pushing:
 * what the server has is merged first, so a stale local copy is not sent over a newer one. Tables
 * that merge on pull (a story's words) always pull before they push (exchange).
 * Never throws: the outcome (and the words for the learner) is returned and kept in `sync-status`.
 */
export interface SyncOptions extends PushOptions, PullOptions {
  /** Defaults to this context's client for the configured project. */
  client?: SyncClient;
  context?: SyncContext;
  locks?: Locks;
}

export type SyncOutcome = 'synced' | 'not-configured' | 'signed-out' | 'sign-in-needed' | 'failed';

export interface SyncReport {
  outcome: SyncOutcome;
  push?: PushReport;
  pull?: PullReports;
  /** For the learner, when something went wrong. */
  error?: string;
  /** A network or server hiccup: worth retrying later (Background Sync, a timer). */
  transient?: boolean;
}

export async function syncNow(options: SyncOptions = {}): Promise<SyncReport> {
  const config = options.client?.config ?? (await loadSyncConfig());
  if (!config) return { outcome: 'not-configured' };
  const account = await readAccount();
  if (!account || account.url !== config.url) return { outcome: 'signed-out' };
  const client = options.client ?? syncClientFor(config, options.context ?? 'page');
  return (options.locks ?? defaultLocks()).run(SYNC_LOCK, {}, () => syncLocked(client, account, options));
}

async function syncLocked(client: SyncClient, account: SyncAccount, options: SyncOptions): Promise<SyncReport> {
  const startedAt = Date.now();
  try {
    const signedIn = await currentAccount(client, account);
    const key = accountKey(signedIn);
    const { push, pull } = await exchange(client.rest, key, options);
    const transferred = Object.values(pull).reduce((n, r) => n + r.transferred, 0);
    const applied = Object.values(pull).reduce((n, r) => n + r.applied, 0);
    await updateStatus({
      lastSyncAt: Date.now(),
      lastAttemptAt: startedAt,
      lastError: null,
      needsSignIn: false,
      last: { sent: push.sent, rejected: push.rejected, pulled: transferred, applied },
    });
    return { outcome: 'synced', push, pull };
  } catch (error) {
    if (error instanceof SignInNeededError) {
      await updateStatus({ lastAttemptAt: startedAt, lastError: error.message, needsSignIn: true });
      return { outcome: 'sign-in-needed', error: error.message };
    }
    const message = describeFailure(error);
    await updateStatus({ lastAttemptAt: startedAt, lastError: message });
    return { outcome: 'failed', error: message, transient: isTransient(error) };
  }
}

/**
 * The pushes and pulls of one sync. Last-writer-wins tables as before: a device's first sync pulls
 * them before pushing. The late ones (constants.ts PUSHED_AFTER_PULL) come after, one table at a
 * time, each pulled first; so a project without the newest table yet still syncs everything else.
 */
async function exchange(rest: RestClient, account: string, options: SyncOptions): Promise<{ push: PushReport; pull: PullReports }> {
  const lww = SYNC_TABLES.filter((t) => !PUSHED_AFTER_PULL.includes(t));
  const first = (await Promise.all(lww.map((t) => readWatermark(t, account)))).some((w) => w === null);
  let push: PushReport;
  let pull: Partial<PullReports>;
  if (first) {
    pull = await pullTables(rest, account, lww, options);
    push = await pushOutbox(rest, options, lww);
  } else {
    push = await pushOutbox(rest, options, lww);
    pull = await pullTables(rest, account, lww, options);
  }
  for (const table of SYNC_TABLES.filter((t) => PUSHED_AFTER_PULL.includes(t))) {
    pull = { ...pull, ...(await pullTables(rest, account, [table], options)) };
    push = addedUp(push, await pushOutbox(rest, options, [table]));
  }
  return { push, pull: pull as PullReports };
}

function addedUp(a: PushReport, b: PushReport): PushReport {
  return { sent: a.sent + b.sent, rejected: a.rejected + b.rejected, requests: a.requests + b.requests };
}

/** The session's user; a session of another user than the recorded account takes over the record. */
async function currentAccount(client: SyncClient, account: SyncAccount): Promise<SyncAccount> {
  const { data, error } = await client.auth.getSession();
  if (!data.session) {
    if (error && isAuthRetryableFetchError(error)) throw new SyncHttpError(error.message, 0, null, null);
    throw new SignInNeededError();
  }
  const user = data.session.user;
  if (user.id === account.userId) return account;
  const next = { ...account, userId: user.id, email: user.email ?? account.email, since: Date.now() };
  await writeAccount(next);
  return next;
}

function describeFailure(error: unknown): string {
  if (error instanceof ServerWaitTooLongError) return error.message;
  if (error instanceof SyncHttpError) {
    const code = `HTTP ${error.status}${error.code ? `, ${error.code}` : ''}`;
    if (error.status === 0 && error.network === 'timeout') {
      return 'Your Supabase project did not answer in time. Changes are kept and sent by a later sync.';
    }
    if (error.status === 0) return 'Could not reach your Supabase project. Changes are kept and sent when the connection is back.';
    if (error.status === 404) return `Your Supabase project is missing sync tables: apply every file in supabase/migrations (see supabase/README.md). (${error.message})`;
    if (isSetupProblem(error)) {
      return `Your Supabase project's tables are not set up for this version of the app: apply every file in supabase/migrations (see supabase/README.md). Your changes are kept. (${error.message})`;
    }
    if (error.status === 401) return `The project refused the anon key: check it in Settings. (${error.message})`;
    if (failureKind(error) === 'transient') return `Your Supabase project is having trouble (HTTP ${error.status}); trying again later.`;
    // Whatever else the project refuses is not one row's fault (those are set aside, not reported
    // here): its set-up differs from what this app expects, and nothing was set aside or lost.
    return (
      `Your Supabase project refused the sync (${error.message}; ${code}). This is not about one of your changes: ` +
      "check the project's tables match supabase/migrations (see supabase/README.md). Your changes are kept."
    );
  }
  // Anything else may be a raw error from fetch or supabase-js, whose text can carry a token.
  return scrubSecrets(`Sync failed: ${error instanceof Error ? error.message : String(error)}`);
}
