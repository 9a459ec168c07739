import { longWaitInWords, parseRetryAfter } from '../domain/retry-timing';
import { scrubSecrets } from '../domain/secrets';
import { REQUEST_TIMEOUT_MS } from './constants';

/**
 * The few PostgREST calls the sync makes (a keyset select and an upsert), over fetch. supabase-js's
 * own REST client would add ~33 KB (gzip) to the service worker for nothing the sync uses; the wire
 * format is the same (`apikey` + bearer token, `on_conflict`, `Prefer: resolution=merge-duplicates`).
 */

/** How a request failed without any answer: the browser offline, our own timeout, or anything else. */
export type NetworkFailure = 'offline' | 'timeout' | 'failed';

/**
 * An HTTP answer (or a network failure: status 0) that was not a success. Its message becomes a
 * refused row's reason and the status line, so it is scrubbed: a gateway may echo the token back.
 */
export class SyncHttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
    /** From Retry-After, when the server sent one. */
    readonly retryAfterMs: number | null,
    /** Status 0 only: why there was no answer. */
    readonly network: NetworkFailure | null = null,
  ) {
    super(scrubSecrets(message));
    this.name = 'SyncHttpError';
  }
}

/** The server asked for a pause of more than an hour (domain/retry-timing.ts): this sync stops. */
export class ServerWaitTooLongError extends Error {
  constructor(
    readonly askedMs: number,
    readonly response: SyncHttpError,
  ) {
    super(
      `Your Supabase project asked to wait ${longWaitInWords(askedMs)} before syncing again (HTTP ${response.status}). ` +
        'Your changes are kept and sent by a later sync.',
    );
    this.name = 'ServerWaitTooLongError';
  }
}

/** The session is gone and cannot be refreshed: the learner has to sign in again. */
export class SignInNeededError extends Error {
  constructor(message = 'Your Supabase session has ended. Sign in again; your unsent changes are kept.') {
    super(message);
    this.name = 'SignInNeededError';
  }
}

/**
 * transient: try again later. row: this request's rows were refused (split to find which one).
 * batch: the request as a whole was too much (413, or two rows on one conflict key, 21000): smaller
 * requests may go through. fatal: the project is not set up for this app; nothing is set aside.
 */
export type FailureKind = 'transient' | 'row' | 'batch' | 'fatal';

/**
 * Error codes that say the project is not set up for this version of the app (a migration not
 * applied, a stale schema cache, a missing grant or column), not that a row is bad. Setting rows
 * aside for these would refuse every row one by one; instead the push stops with the outbox intact.
 * 42P10: no unique constraint matches on_conflict (e.g. stories keyed (user_id, id) not applied yet).
 * Kept for the words of the status line; failureKind treats every code it does not know as setup.
 */
const SETUP_CODES: ReadonlySet<string> = new Set(['42P10', '42P01', '42703', 'PGRST204', 'PGRST205', 'PGRST102']);

export function isSetupProblem(error: SyncHttpError): boolean {
  if (error.code !== null && SETUP_CODES.has(error.code)) return true;
  // "permission denied for table": a missing grant. RLS refusals of one row name row-level security.
  return error.code === '42501' && !isRowSecurity(error);
}

const isRowSecurity = (error: SyncHttpError) => error.code === '42501' && /row-level security/i.test(error.message);

/**
 * Refusals about what a row holds: integrity (23xxx: a CHECK such as "no API keys", a duplicate),
 * data (22xxx: a value out of range, bad text), and RLS refusing this one row. Only these set a row
 * aside; a status alone never does (a 400 is as likely a schema cache or a gateway as a bad row).
 */
function isRowProblem(error: SyncHttpError): boolean {
  const code = error.code ?? '';
  return /^2[23][0-9A-Z]{3}$/.test(code) || isRowSecurity(error);
}

/** Decided from the error code first, the status second (auth-js, too, retries every 5xx). */
export function failureKind(error: SyncHttpError): FailureKind {
  // Before the 5xx rule: PostgREST answers 500 for 21000, which no retry of the same request fixes.
  if (error.code === CARDINALITY_VIOLATION || error.status === 413) return 'batch';
  if ([0, 408, 425, 429].includes(error.status) || error.status >= 500) return 'transient';
  if (isRowProblem(error)) return 'row';
  return 'fatal';
}

/** "ON CONFLICT DO UPDATE command cannot affect row a second time": one key twice in a batch. */
export const CARDINALITY_VIOLATION = '21000';

/**
 * A failure that a smaller request might not meet: our timeout, a gateway timeout, Postgres'
 * statement timeout (57014), or no answer at all while the browser says it is online — a gateway's
 * 413 without CORS headers reaches a page as exactly that. Offline is not: nothing would get through.
 */
export function mayBeTooLarge(error: SyncHttpError): boolean {
  if (error.status === 0) return error.network !== 'offline';
  return error.status === 408 || error.status === 504 || error.code === '57014';
}

/** Access tokens as the auth client hands them out (refreshed by it when close to expiry). */
export interface TokenSource {
  accessToken(): Promise<string>;
  /** A fresh token after the server refused `refused`; throws SignInNeededError when impossible. */
  refresh(refused: string): Promise<string>;
}

export interface RestClient {
  select<T>(table: string, query: ReadonlyArray<[string, string]>): Promise<T[]>;
  upsert(table: string, rows: readonly object[], onConflict: string): Promise<void>;
}

export function createRestClient(baseUrl: string, anonKey: string, tokens: TokenSource, fetchImpl: typeof fetch = fetch): RestClient {
  async function once(method: 'GET' | 'POST', path: string, token: string, body?: string, prefer?: string): Promise<Response> {
    const headers: Record<string, string> = {
      apikey: anonKey,
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      'Accept-Profile': 'public',
      'X-Client-Info': 'nihongo-monogatari-sync',
    };
    if (body !== undefined) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Profile': 'public' });
    if (prefer) headers.Prefer = prefer;
    try {
      return await fetchImpl(`${baseUrl}/rest/v1/${path}`, { method, headers, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (error) {
      throw new SyncHttpError(`Could not reach the Supabase project (${error instanceof Error ? error.message : String(error)})`, 0, null, null, networkFailure(error));
    }
  }

  async function send(method: 'GET' | 'POST', path: string, body?: string, prefer?: string): Promise<Response> {
    const token = await tokens.accessToken();
    let response = await once(method, path, token, body, prefer);
    if (response.status === 401 && !(await isKeyProblem(response.clone()))) {
      // The access token expired under us (the server's clock, or a revoked session): one refresh.
      response = await once(method, path, await tokens.refresh(token), body, prefer);
      if (response.status === 401 && !(await isKeyProblem(response.clone()))) throw new SignInNeededError();
    }
    if (!response.ok) throw await httpError(response);
    return response;
  }

  return {
    async select<T>(table: string, query: ReadonlyArray<[string, string]>): Promise<T[]> {
      const response = await send('GET', `${table}?${new URLSearchParams([...query]).toString()}`);
      return (await response.json()) as T[];
    },
    async upsert(table, rows, onConflict) {
      const path = `${table}?on_conflict=${encodeURIComponent(onConflict)}`;
      await send('POST', path, JSON.stringify(rows), 'resolution=merge-duplicates,return=minimal');
    },
  };
}

function networkFailure(error: unknown): NetworkFailure {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'offline';
  return error instanceof DOMException && error.name === 'TimeoutError' ? 'timeout' : 'failed';
}

/** A 401 from the gateway about the API key itself: refreshing the session cannot fix that. */
async function isKeyProblem(response: Response): Promise<boolean> {
  const body = await readError(response);
  return /api key/i.test(body.message);
}

async function readError(response: Response): Promise<{ message: string; code: string | null }> {
  try {
    const body = (await response.json()) as { message?: unknown; code?: unknown; details?: unknown; hint?: unknown };
    const parts = [body.message, body.details, body.hint].filter((p): p is string => typeof p === 'string' && p !== '');
    return { message: parts.join(' — ') || `HTTP ${response.status}`, code: typeof body.code === 'string' ? body.code : null };
  } catch {
    return { message: `HTTP ${response.status} ${response.statusText}`.trim(), code: null };
  }
}

async function httpError(response: Response): Promise<SyncHttpError> {
  const { message, code } = await readError(response);
  return new SyncHttpError(message, response.status, code, parseRetryAfter(response.headers.get('Retry-After')) ?? null);
}
