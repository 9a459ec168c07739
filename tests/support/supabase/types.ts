/**
 * Shapes shared by the Supabase test double: the JWT claims it issues and reads, the request log it
 * keeps, and the Postgres error fields it turns into PostgREST / GoTrue answers.
 */

/** Roles a request may run as; the same three Supabase's API gateway lets through. */
export type ApiRole = 'anon' | 'authenticated' | 'service_role';

export const API_ROLES: readonly ApiRole[] = ['anon', 'authenticated', 'service_role'];

/** Claims of a Supabase access token (what GoTrue signs), or of an anon / service key. */
export interface JwtClaims {
  role: ApiRole;
  iss?: string;
  sub?: string;
  aud?: string;
  exp?: number;
  iat?: number;
  email?: string;
  phone?: string;
  session_id?: string;
  aal?: string;
  amr?: { method: string; timestamp: number }[];
  app_metadata?: Record<string, unknown>;
  user_metadata?: Record<string, unknown>;
  is_anonymous?: boolean;
}

/** One request the front answered, for assertions ("how many requests did the push use?"). */
export interface FrontRequest {
  method: string;
  /** Path without query string, e.g. `/rest/v1/stories`. */
  path: string;
  /** Decoded query parameters in order (repeated keys kept). */
  query: [string, string][];
  /** Parsed JSON body, or undefined for none. */
  body: unknown;
  /** The `Authorization: Bearer` token as sent (to prove which tokens reached which project). */
  bearer: string | null;
  status: number;
  /** Role the request ran as, once its token was accepted. */
  role: ApiRole | null;
  /** `sub` of the accepted token (the user id). */
  userId: string | null;
  /** Set when `failNext` produced the answer instead of the real handler. */
  injected: boolean;
}

/** The fields of a Postgres error the mapping reads (PGlite's DatabaseError has them all). */
export interface PgErrorLike {
  code: string;
  message: string;
  detail?: string | undefined;
  hint?: string | undefined;
  table?: string | undefined;
}

export function isPgError(value: unknown): value is PgErrorLike {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { code?: unknown; message?: unknown };
  return typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code) && typeof candidate.message === 'string';
}

/** A JSON object body (what PostgREST accepts row by row). */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An HTTP answer built by a handler before it is written. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Already-serialised body (PostgREST bodies come straight from Postgres as JSON text). */
  text?: string;
}

export function jsonReply(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return { status, text: JSON.stringify(body), headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } };
}
