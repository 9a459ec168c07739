import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SupabaseDb } from './database';
import { asServicesSeeIt } from './gateway-keys';
import { type AuthContext, handleAuth, injectedAuthError } from './gotrue';
import { SessionStore } from './gotrue-sessions';
import { type ParsedRequest, apiKeyOf, bearerOf, parseRequest, preflight, writeReply } from './http';
import { TokenIssuer, mintOpaqueKey } from './jwt';
import { type RestContext, handleRest } from './postgrest';
import { type TableInfo, loadSchema } from './postgrest-sql';
import { type FrontRequest, type JwtClaims, type Reply, jsonReply } from './types';

/**
 * A local stand-in for a Supabase project's API (gateway + GoTrue + PostgREST) over a real Postgres,
 * answering what @supabase/supabase-js 2.109 sends. Requests are handled one at a time (PGlite is a
 * single connection), and every REST request's SQL runs under the caller's role and claims.
 */

export interface SupabaseFrontOptions {
  db: SupabaseDb;
  /** Default: the Supabase CLI's local secret. */
  jwtSecret?: string;
  /** Lifetime of access tokens, in seconds (Supabase's default is 3600). */
  accessTokenTtlSeconds?: number;
  /** Sign-up returns a user without a session until `confirmEmail` (Supabase's default for new projects). */
  requireEmailConfirmation?: boolean;
  /** 0 (default): only the active token's parent may be reused. >0: also any token revoked this recently (hosted: 10). */
  refreshTokenReuseIntervalSeconds?: number;
  /** PostgREST's db-max-rows (the dashboard's "Max rows", 1000 by default on hosted projects): caps every read. */
  maxRows?: number;
  /** A gateway's body limit: a larger request is refused with 413 (see `bodyLimitCors`, `limitBodies`). */
  maxBodyBytes?: number;
  /**
   * false: the 413 comes without CORS headers, as some gateways send it, so a browser sees a network
   * error. Node's fetch does not check CORS: to a request without an Origin the front then drops the
   * connection, which is what a page sees.
   */
  bodyLimitCors?: boolean;
}

export interface BodyLimit {
  bytes: number;
  cors: boolean;
}

export interface FailOptions {
  /** Only requests whose path starts with this are failed, e.g. `/rest/v1/` (default: all). */
  pathPrefix?: string;
  /** Sent as Retry-After (seconds); postgrest-js honours it when retrying a GET after 503. */
  retryAfterSeconds?: number;
  /** The answer's error code and message, for a REST path (default PGRST000 and "Injected failure…"). */
  code?: string;
  message?: string;
}

export interface SupabaseFront {
  readonly url: string;
  readonly anonKey: string;
  /** The newer key format (`sb_publishable_…`, not a JWT), as good as the anon key; minted per front. */
  readonly publishableKey: string;
  readonly serviceRoleKey: string;
  readonly jwtSecret: string;
  /** Every answered request in order (preflights excluded); clear with `requests.length = 0`. */
  readonly requests: FrontRequest[];
  /** Access tokens count as expired `seconds` after issue, whatever their exp claim says. */
  expireTokensAfter(seconds: number): void;
  /** Every access token issued so far is expired from now on; the next refresh works again. */
  expireIssuedTokens(): void;
  /** The next `count` matching requests get `status` (0: the connection is dropped, a network error). */
  failNext(count: number, status: number, options?: FailOptions): void;
  /** From now on, bodies larger than `limit.bytes` are refused with 413 (null: no limit). */
  limitBodies(limit: BodyLimit | null): void;
  /**
   * Auth errors leave out X-Supabase-Api-Version (a gateway whose CORS does not expose it): supabase-js
   * then reads no error code, only status and message. `false` turns it back.
   */
  hideAuthApiVersion(hidden?: boolean): void;
  /** Marks a signed-up user's email as confirmed, as clicking the email link would. */
  confirmEmail(email: string): Promise<void>;
  close(): Promise<void>;
}

const LOCAL_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

interface PendingFailure {
  remaining: number;
  status: number;
  options: FailOptions;
}

function injectedReply(auth: AuthContext, req: ParsedRequest, status: number, options: FailOptions): Reply {
  const message = options.message ?? `Injected failure (HTTP ${status}) by failNext`;
  const headers = options.retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(options.retryAfterSeconds) };
  if (req.path.startsWith('/auth/')) return injectedAuthError(auth, req, status, headers);
  return jsonReply(status, { code: options.code ?? 'PGRST000', details: null, hint: null, message }, headers);
}

/** Supabase's gateway (Kong) refuses any request without one of the project's API keys. */
function gatewayCheck(req: ParsedRequest, keys: string[]): Reply | undefined {
  const key = apiKeyOf(req);
  if (key === undefined) {
    return jsonReply(401, { message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' });
  }
  if (!keys.includes(key)) {
    return jsonReply(401, { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' });
  }
  return undefined;
}

export async function startSupabaseFront(options: SupabaseFrontOptions): Promise<SupabaseFront> {
  const jwtSecret = options.jwtSecret ?? LOCAL_JWT_SECRET;
  const requests: FrontRequest[] = [];
  const failures: PendingFailure[] = [];
  let bodyLimit: BodyLimit | null =
    options.maxBodyBytes === undefined ? null : { bytes: options.maxBodyBytes, cors: options.bodyLimitCors ?? true };
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = new TokenIssuer(jwtSecret, `${url}/auth/v1`, options.accessTokenTtlSeconds ?? 3600);
  const anonKey = await issuer.apiKey('anon');
  const serviceRoleKey = await issuer.apiKey('service_role');
  const publishableKey = mintOpaqueKey('publishable');
  const opaqueKeys = { roleJwtOf: new Map([[publishableKey, anonKey]]) };
  let schema: Promise<Map<string, TableInfo>> | undefined;
  const sessions = new SessionStore(options.refreshTokenReuseIntervalSeconds ?? 0);
  const auth: AuthContext = {
    db: options.db,
    issuer,
    sessions,
    requireEmailConfirmation: options.requireEmailConfirmation ?? false,
    hideApiVersion: false,
  };
  const rest: RestContext = { db: options.db, issuer, schema: () => (schema ??= loadSchema(options.db)), maxRows: options.maxRows };

  async function route(sent: ParsedRequest): Promise<{ reply: Reply; claims: JwtClaims | null }> {
    const refused = gatewayCheck(sent, [anonKey, serviceRoleKey, publishableKey]);
    if (refused) return { reply: refused, claims: null };
    const req = asServicesSeeIt(sent, opaqueKeys, apiKeyOf(sent) ?? '', bearerOf(sent));
    if ('reply' in req) return { reply: req.reply, claims: null };
    if (req.path.startsWith('/auth/v1/')) return { reply: await handleAuth(auth, req, req.path.slice(8)), claims: null };
    const table = /^\/rest\/v1\/([^/]+)$/.exec(req.path)?.[1];
    if (table !== undefined) return handleRest(rest, req, decodeURIComponent(table));
    return { reply: jsonReply(404, { message: 'no Route matched with those values' }), claims: null };
  }

  async function answer(raw: IncomingMessage, res: ServerResponse): Promise<void> {
    if (raw.method === 'OPTIONS') return preflight(raw, res);
    const req = await parseRequest(raw);
    const entry: FrontRequest = {
      method: req.method,
      path: req.path,
      query: [...req.query],
      body: req.body,
      bearer: bearerOf(req) ?? null,
      status: 0,
      role: null,
      userId: null,
      injected: false,
    };
    requests.push(entry);
    const failure = failures.find((f) => f.remaining > 0 && req.path.startsWith(f.options.pathPrefix ?? '/'));
    if (failure) {
      failure.remaining -= 1;
      entry.injected = true;
      entry.status = failure.status;
      if (failure.status === 0) return void res.destroy();
      return writeReply(res, injectedReply(auth, req, failure.status, failure.options));
    }
    if (bodyLimit !== null && req.bodyBytes > bodyLimit.bytes) {
      entry.status = 413;
      const tooLarge = jsonReply(413, { message: 'Payload too large' });
      if (bodyLimit.cors) return writeReply(res, tooLarge);
      if (req.header('origin') === undefined) return void res.destroy();
      res.writeHead(413, tooLarge.headers);
      return void res.end(tooLarge.text);
    }
    try {
      const { reply, claims } = await route(req);
      Object.assign(entry, { status: reply.status, role: claims?.role ?? null, userId: claims?.sub ?? null });
      writeReply(res, reply, req.method === 'HEAD');
    } catch (error) {
      // A bug in this double, not a Supabase answer: make it loud in the test that hits it.
      entry.status = 500;
      writeReply(res, jsonReply(500, { message: `supabase test front: ${error instanceof Error ? error.stack : String(error)}` }));
    }
  }

  server.on('request', (req, res) => void answer(req, res));

  return {
    url,
    anonKey,
    publishableKey,
    serviceRoleKey,
    jwtSecret,
    requests,
    expireTokensAfter: (seconds) => issuer.expireAfter(seconds),
    expireIssuedTokens: () => issuer.expireIssued(),
    failNext: (count, status, failOptions = {}) => void failures.push({ remaining: count, status, options: failOptions }),
    limitBodies: (limit) => {
      bodyLimit = limit;
    },
    hideAuthApiVersion: (hidden = true) => {
      auth.hideApiVersion = hidden;
    },
    confirmEmail: (email) =>
      options.db.exclusive(async (pg) => {
        await pg.query('update auth.users set email_confirmed_at = now() where email = lower($1)', [email]);
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
