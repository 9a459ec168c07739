import { parseRetryAfter, retryTiming } from '../domain/retry-timing';
import { clearRefreshWait, writeRefreshWait } from './refresh-wait';

/**
 * The auth client's fetch, retrying a token refresh that the project rate-limits (429).
 *
 * auth-js does not retry a 429: it keeps the session while the access token is still valid, then
 * asks again only after a minute's cooldown, and a 429 after the access token has expired drops the
 * session, signing the learner out although their refresh token is good. Here the refresh request is
 * repeated with backoff (honouring Retry-After) for as long as the access token stays valid, so
 * auth-js sees the 429 only when that is over. Meanwhile refresh-wait.ts tells Settings.
 *
 * The wait happens inside auth-js's refresh, under its lock: no other context spends the same
 * refresh token meanwhile (client.ts lets their lock waits run as long as this wait announces).
 */
export interface RefreshBackoffOptions {
  /** When the stored session's access token expires (ms since the epoch); null without one. */
  accessTokenExpiresAt(): Promise<number | null>;
  sleep(ms: number): Promise<void>;
  random?: () => number;
}

const BACKOFF = { baseMs: 2_000, maxMs: 30_000 };
/** The last retry goes out at least this long before the access token expires. */
const BEFORE_EXPIRY_MS = 5_000;

function isRefreshGrant(input: RequestInfo | URL, init: RequestInit | undefined): boolean {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return (init?.method ?? 'GET').toUpperCase() === 'POST' && /\/token\?(.*&)?grant_type=refresh_token(&|$)/.test(url);
}

export function withRefreshBackoff(inner: typeof fetch, options: RefreshBackoffOptions): typeof fetch {
  const random = options.random ?? Math.random;
  return async (input, init) => {
    if (!isRefreshGrant(input, init)) return inner(input, init);
    let announced = false;
    const done = async <T>(value: T): Promise<T> => {
      if (announced) await clearRefreshWait();
      return value;
    };
    for (let refused = 1; ; refused++) {
      let response: Response;
      try {
        response = await inner(input, init);
      } catch (error) {
        throw await done(error);
      }
      if (response.status !== 429) return done(response);
      const timing = retryTiming(refused, parseRetryAfter(response.headers.get('Retry-After')), { ...BACKOFF, random });
      const retryAt = Date.now() + (timing.kind === 'wait' ? timing.delayMs : Number.POSITIVE_INFINITY);
      const expiresAt = await options.accessTokenExpiresAt();
      // No retry fits before the access token expires: auth-js decides, keeping a still-valid
      // session and dropping an expired one ("sign in again", the outbox kept).
      if (expiresAt === null || retryAt > expiresAt - BEFORE_EXPIRY_MS) return done(response);
      await writeRefreshWait({ retryAt, refused });
      announced = true;
      await options.sleep(retryAt - Date.now());
    }
  };
}
