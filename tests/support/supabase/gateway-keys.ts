import type { ParsedRequest } from './http';
import { type Reply, jsonReply } from './types';

/**
 * The gateway's handling of Supabase's newer API keys (`sb_publishable_…`, `sb_secret_…`). They are
 * opaque strings, not JWTs, so neither PostgREST nor GoTrue could read a role from them: supabase-js
 * sends the key both as `apikey` and as `Authorization: Bearer`, and the gateway, seeing the same
 * key in both, hands the services a JWT of the key's role instead (anon for a publishable key). An
 * opaque key in Authorization that is not the request's apikey is refused.
 */
export interface OpaqueKeys {
  /** Each opaque key and the JWT-shaped key of the same role the services get instead. */
  readonly roleJwtOf: ReadonlyMap<string, string>;
}

export const isOpaqueKey = (key: string): boolean => key.startsWith('sb_');

export function asServicesSeeIt(req: ParsedRequest, keys: OpaqueKeys, apiKey: string, bearer: string | undefined): ParsedRequest | { reply: Reply } {
  if (bearer === undefined || !isOpaqueKey(bearer)) return req;
  const roleJwt = keys.roleJwtOf.get(bearer);
  if (bearer !== apiKey || roleJwt === undefined) {
    return { reply: jsonReply(401, { message: 'Invalid API key', hint: 'The Authorization header must be a JWT, or the same key as apikey.' }) };
  }
  const header = (name: string) => (name.toLowerCase() === 'authorization' ? `Bearer ${roleJwt}` : req.header(name));
  return { ...req, header };
}
