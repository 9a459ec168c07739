import { type ApiRole, type PgErrorLike, type Reply, jsonReply } from './types';

/**
 * PostgREST's error answers: `{code, details, hint, message}` with the HTTP status PostgREST picks for
 * each SQLSTATE (docs.postgrest.org, "Errors"), plus its own PGRST codes for what fails before SQL.
 * The app classifies sync failures by these (codes first, then status), so they must be right.
 */

/** An answer decided before or instead of running SQL. */
export class RestError extends Error {
  constructor(readonly reply: Reply) {
    super(reply.text ?? String(reply.status));
  }
}

export function pgrstReply(
  status: number,
  code: string,
  message: string,
  details: string | null = null,
  hint: string | null = null,
  headers?: Record<string, string>,
): Reply {
  return jsonReply(status, { code, details, hint, message }, headers);
}

export function pgrstError(status: number, code: string, message: string, details: string | null = null): RestError {
  return new RestError(pgrstReply(status, code, message, details));
}

/** 401 for a JWT PostgREST refuses; the WWW-Authenticate header is PostgREST's too. */
export function jwtReply(expired: boolean, message: string): Reply {
  return pgrstReply(401, expired ? 'PGRST303' : 'PGRST301', message, null, null, {
    'WWW-Authenticate': `Bearer error="invalid_token", error_description="${message}"`,
  });
}

/**
 * HTTP status for a SQLSTATE, as PostgREST maps it (its Error.hs; the docs' table leaves out 21000).
 * `message` matters for one code: 21000 is a 500 ("ON CONFLICT DO UPDATE command cannot affect row a
 * second time", a subquery returning more than one row) except pg-safeupdate's "… requires a WHERE
 * clause", which PostgREST answers 400.
 */
export function statusForSqlState(code: string, role: ApiRole | null, message = ''): number {
  if (code === '21000') return /requires a WHERE clause$/.test(message) ? 400 : 500;
  const exact: Record<string, number> = {
    '23503': 409, // foreign_key_violation
    '23505': 409, // unique_violation
    '25006': 405, // read_only_sql_transaction
    '42883': 404, // undefined_function
    '42P01': 404, // undefined_table
    '42P17': 500, // infinite_recursion (a policy that selects its own table)
    '53400': 500, // configuration_limit_exceeded (before the 53 class's 503)
    P0001: 400, // raise_exception
  };
  if (exact[code] !== undefined) return exact[code];
  // insufficient_privilege: 401 while anonymous (a token would help), 403 once authenticated.
  if (code === '42501') return role === 'anon' || role === null ? 401 : 403;
  const byClass: Record<string, number> = {
    '08': 503,
    '09': 500,
    '0L': 403,
    '0P': 403,
    '25': 500,
    '28': 403,
    '2D': 500,
    '38': 500,
    '39': 500,
    '3B': 500,
    '40': 500,
    '53': 503,
    '54': 500,
    '55': 500,
    '57': 500,
    '58': 500,
    F0: 500,
    HV: 500,
    P0: 500,
    XX: 500,
  };
  return byClass[code.slice(0, 2)] ?? 400;
}

export function pgErrorReply(error: PgErrorLike, role: ApiRole | null): Reply {
  return pgrstReply(statusForSqlState(error.code, role, error.message), error.code, error.message, error.detail ?? null, error.hint ?? null);
}

/** PGRST116: `.single()` asked for one row and the result has another count. */
export function singularError(rows: number): RestError {
  return pgrstError(406, 'PGRST116', 'Cannot coerce the result to a single JSON object', `The result contains ${rows} rows`);
}
