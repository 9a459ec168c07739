import { randomUUID } from 'node:crypto';
import { type AuthUserRow, findUserByEmail, findUserById, insertAuthUser, userJson, verifyPassword } from './auth-users';
import type { SupabaseDb } from './database';
import type { SessionStore } from './gotrue-sessions';
import { type ParsedRequest, bearerOf } from './http';
import type { TokenIssuer } from './jwt';
import { type JwtClaims, type Reply, isJsonObject, jsonReply } from './types';

/**
 * The GoTrue (Supabase Auth) endpoints supabase-js uses for email sign-in: /signup, /token (password
 * and refresh_token grants), /user, /logout. Answers copy GoTrue's status codes, error codes and
 * messages; errors take the 2024-01-01 shape (`{code, message}` + echoed version header) when the
 * client sends X-Supabase-Api-Version, as supabase-js does, else the legacy `{code, error_code, msg}`.
 * With `hideApiVersion` the version header is left out of the answer, as a gateway that does not expose
 * it to the browser's CORS makes it unreadable: auth-js then reads no error code at all.
 */

export interface AuthContext {
  db: SupabaseDb;
  issuer: TokenIssuer;
  sessions: SessionStore;
  requireEmailConfirmation: boolean;
  /** Leave X-Supabase-Api-Version out of error answers (a switch: the front flips it at run time). */
  hideApiVersion: boolean;
}

const API_VERSION = '2024-01-01';

function authError(ctx: Pick<AuthContext, 'hideApiVersion'>, req: ParsedRequest, status: number, code: string, message: string, extra?: object): Reply {
  if (req.header('x-supabase-api-version') === API_VERSION) {
    const headers = ctx.hideApiVersion ? undefined : { 'X-Supabase-Api-Version': API_VERSION };
    return jsonReply(status, { code, message, ...extra }, headers);
  }
  return jsonReply(status, { code: status, error_code: code, msg: message, ...extra });
}

/** A failure the front injects on an auth path (failNext): 429 as GoTrue's rate limiter words it. */
export function injectedAuthError(ctx: Pick<AuthContext, 'hideApiVersion'>, req: ParsedRequest, status: number, headers?: Record<string, string>): Reply {
  const reply =
    status === 429
      ? authError(ctx, req, 429, 'over_request_rate_limit', 'Request rate limit reached')
      : authError(ctx, req, status, 'unexpected_failure', `Injected failure (HTTP ${status}) by failNext`);
  return { ...reply, headers: { ...reply.headers, ...headers } };
}

async function sessionReply(ctx: AuthContext, user: AuthUserRow, sessionId: string, refreshToken: string): Promise<Reply> {
  const now = Math.floor(Date.now() / 1000);
  const json = userJson(user);
  const { token, expiresAt } = await ctx.issuer.accessToken({
    sub: user.id,
    email: user.email,
    phone: '',
    app_metadata: json.app_metadata as Record<string, unknown>,
    user_metadata: json.user_metadata as Record<string, unknown>,
    aal: 'aal1',
    amr: [{ method: 'password', timestamp: now }],
    session_id: sessionId,
    is_anonymous: false,
  });
  return jsonReply(200, {
    access_token: token,
    token_type: 'bearer',
    expires_in: expiresAt - now,
    expires_at: expiresAt,
    refresh_token: refreshToken,
    user: json,
  });
}

async function signup(ctx: AuthContext, req: ParsedRequest): Promise<Reply> {
  const body = isJsonObject(req.body) ? req.body : {};
  const { email, password, data } = body;
  if (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    return authError(ctx, req, 400, 'validation_failed', 'Unable to validate email address: invalid format');
  }
  if (typeof password !== 'string' || password.length === 0) {
    return authError(ctx, req, 400, 'validation_failed', 'Signup requires a valid password');
  }
  if (password.length < 6) {
    const weak = { weak_password: { reasons: ['length'] } };
    return authError(ctx, req, 422, 'weak_password', 'Password should be at least 6 characters.', weak);
  }
  const existing = await ctx.db.exclusive((pg) => findUserByEmail(pg, email));
  if (existing && !ctx.requireEmailConfirmation) return authError(ctx, req, 422, 'user_already_exists', 'User already registered');
  if (existing) {
    // With confirmation on, GoTrue hides whether the address is taken: a made-up user, no identities.
    return jsonReply(200, { ...userJson(existing), id: randomUUID(), identities: [] });
  }
  const confirmed = !ctx.requireEmailConfirmation;
  const metadata = isJsonObject(data) ? data : {};
  const user = await ctx.db.exclusive(async (pg) => {
    const id = await insertAuthUser(pg, { email, password, confirmed, userMetadata: metadata });
    if (confirmed) await pg.query('update auth.users set last_sign_in_at = now() where id = $1', [id]);
    return findUserById(pg, id);
  });
  if (!user) throw new Error('signup: the inserted user is gone');
  if (!confirmed) return jsonReply(200, userJson(user)); // a user, no session: "check your email"
  const { sessionId, refreshToken } = ctx.sessions.start(user.id);
  return sessionReply(ctx, user, sessionId, refreshToken);
}

async function passwordGrant(ctx: AuthContext, req: ParsedRequest): Promise<Reply> {
  const body = isJsonObject(req.body) ? req.body : {};
  const email = typeof body.email === 'string' ? body.email : '';
  const password = typeof body.password === 'string' ? body.password : '';
  const user = await ctx.db.exclusive((pg) => findUserByEmail(pg, email));
  if (!user || !(await verifyPassword(password, user.encrypted_password))) {
    return authError(ctx, req, 400, 'invalid_credentials', 'Invalid login credentials');
  }
  if (user.email_confirmed_at === null) return authError(ctx, req, 400, 'email_not_confirmed', 'Email not confirmed');
  const signedIn = await ctx.db.exclusive(async (pg) => {
    await pg.query('update auth.users set last_sign_in_at = now() where id = $1', [user.id]);
    return findUserById(pg, user.id);
  });
  const { sessionId, refreshToken } = ctx.sessions.start(user.id);
  return sessionReply(ctx, signedIn ?? user, sessionId, refreshToken);
}

async function refreshGrant(ctx: AuthContext, req: ParsedRequest): Promise<Reply> {
  const token = isJsonObject(req.body) ? req.body.refresh_token : undefined;
  if (typeof token !== 'string' || token === '') return authError(ctx, req, 400, 'validation_failed', 'refresh_token required');
  const outcome = ctx.sessions.refresh(token);
  if (!outcome.ok) return authError(ctx, req, 400, outcome.code, outcome.message);
  const user = await ctx.db.exclusive((pg) => findUserById(pg, outcome.userId));
  if (!user) return authError(ctx, req, 400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
  return sessionReply(ctx, user, outcome.sessionId, outcome.refreshToken);
}

/** GoTrue's check of the bearer token on /user and /logout (403 bad_jwt, not PostgREST's 401). */
async function requireUser(ctx: AuthContext, req: ParsedRequest): Promise<{ claims: JwtClaims } | { reply: Reply }> {
  const token = bearerOf(req);
  if (!token) return { reply: authError(ctx, req, 401, 'no_authorization', 'This endpoint requires a valid Bearer token') };
  const verified = await ctx.issuer.verify(token);
  if (!verified.ok) {
    const why = verified.expired ? 'token has invalid claims: token is expired' : 'signature is invalid';
    return { reply: authError(ctx, req, 403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${why}`) };
  }
  const { claims } = verified;
  if (!claims.sub) return { reply: authError(ctx, req, 403, 'bad_jwt', 'invalid claim: missing sub claim') };
  if (claims.session_id && !ctx.sessions.exists(claims.session_id)) {
    return { reply: authError(ctx, req, 403, 'session_not_found', 'Session from session_id claim in JWT does not exist') };
  }
  return { claims };
}

export async function handleAuth(ctx: AuthContext, req: ParsedRequest, path: string): Promise<Reply> {
  if (req.method === 'POST' && path === '/signup') return signup(ctx, req);
  if (req.method === 'POST' && path === '/token') {
    const grant = req.query.get('grant_type');
    if (grant === 'password') return passwordGrant(ctx, req);
    if (grant === 'refresh_token') return refreshGrant(ctx, req);
    return authError(ctx, req, 400, 'validation_failed', `unsupported_grant_type: ${grant ?? ''}`);
  }
  if ((req.method === 'GET' && path === '/user') || (req.method === 'POST' && path === '/logout')) {
    const auth = await requireUser(ctx, req);
    if ('reply' in auth) return auth.reply;
    const { sub, session_id: sessionId } = auth.claims;
    if (path === '/logout') {
      const scope = req.query.get('scope');
      const chosen = scope === 'local' || scope === 'others' ? scope : 'global';
      ctx.sessions.logout(sessionId ?? '', sub ?? '', chosen);
      return { status: 204 };
    }
    const user = await ctx.db.exclusive((pg) => findUserById(pg, sub ?? ''));
    if (!user) return authError(ctx, req, 403, 'user_not_found', 'User from sub claim in JWT does not exist');
    return jsonReply(200, userJson(user));
  }
  return authError(ctx, req, 404, 'not_found', `no route for ${req.method} /auth/v1${path}`);
}
