import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';
import { API_ROLES, type ApiRole, type JwtClaims } from './types';

/**
 * HS256 tokens as a Supabase project with the legacy JWT secret issues them: the anon and service keys
 * (long-lived, role claim only) and GoTrue's access tokens. The test controls for expiry live here
 * because both PostgREST and GoTrue ask the same question: is this token still good?
 */

export type Verified = { ok: true; claims: JwtClaims } | { ok: false; expired: boolean; message: string };

const TEN_YEARS = 10 * 365 * 24 * 3600;

export class TokenIssuer {
  private readonly key: Uint8Array;
  /** Access tokens handed out so far, so `expireIssued` can end exactly those. */
  private readonly issued = new Set<string>();
  private readonly forcedExpired = new Set<string>();
  private maxAgeSeconds: number | undefined;

  constructor(
    secret: string,
    private readonly issuer: string,
    readonly accessTokenTtlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  /** An API key like Supabase's `anon` / `service_role` keys. */
  apiKey(role: ApiRole): Promise<string> {
    const iat = Math.floor(Date.now() / 1000);
    return this.sign({ iss: 'supabase-demo', role, iat, exp: iat + TEN_YEARS });
  }

  /** A GoTrue access token for a signed-in user; `claims` carries sub, email, session_id... */
  async accessToken(claims: Omit<JwtClaims, 'iat' | 'exp' | 'iss' | 'aud' | 'role'>): Promise<{ token: string; expiresAt: number }> {
    const iat = Math.floor(Date.now() / 1000);
    const expiresAt = iat + this.accessTokenTtlSeconds;
    const token = await this.sign({
      aud: 'authenticated',
      exp: expiresAt,
      iat,
      iss: this.issuer,
      role: 'authenticated',
      ...claims,
    });
    this.issued.add(token);
    return { token, expiresAt };
  }

  /**
   * From now on the server treats access tokens as expired `seconds` after they were issued, whatever
   * their `exp` says (a device clock that runs late, or a project whose JWT expiry was shortened).
   */
  expireAfter(seconds: number): void {
    this.maxAgeSeconds = seconds;
  }

  /** Every access token issued so far is expired from now on; tokens issued later are not. */
  expireIssued(): void {
    for (const token of this.issued) this.forcedExpired.add(token);
  }

  async verify(token: string): Promise<Verified> {
    const parts = token.split('.').length;
    if (parts !== 3) return { ok: false, expired: false, message: `Expected 3 parts in JWT; got ${parts}` };
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, expired: true, message: 'JWT expired' };
      return { ok: false, expired: false, message: 'JWSError JWSInvalidSignature' };
    }
    const role = payload.role;
    if (typeof role !== 'string' || !API_ROLES.includes(role as ApiRole)) {
      return { ok: false, expired: false, message: `role "${String(role)}" does not exist` };
    }
    const claims = payload as unknown as JwtClaims;
    if (this.isForcedExpired(token, claims)) return { ok: false, expired: true, message: 'JWT expired' };
    return { ok: true, claims };
  }

  private isForcedExpired(token: string, claims: JwtClaims): boolean {
    if (!this.issued.has(token)) return false; // API keys never expire this way
    if (this.forcedExpired.has(token)) return true;
    if (this.maxAgeSeconds === undefined || claims.iat === undefined) return false;
    return Date.now() / 1000 >= claims.iat + this.maxAgeSeconds;
  }

  private sign(claims: Record<string, unknown>): Promise<string> {
    // A jti keeps two tokens issued in the same second for the same session distinct, so
    // `expireIssued` can tell them apart. GoTrue has none; nothing reads it.
    return new SignJWT({ ...claims, jti: randomUUID() }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(this.key);
  }
}

/**
 * A key in Supabase's newer format (`sb_publishable_…` / `sb_secret_…`): an opaque string, not a JWT,
 * minted per run so no key-like string is committed.
 */
export function mintOpaqueKey(kind: 'publishable' | 'secret'): string {
  return `sb_${kind}_${randomBytes(24).toString('base64url')}`;
}
