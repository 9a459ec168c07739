import { describe, expect, it } from 'vitest';
import { withRefreshBackoff } from '../../../src/sync/refresh-backoff';
import { readRefreshWait, refreshWaitWords } from '../../../src/sync/refresh-wait';
import { withTestDb } from '../../support/test-db';

/**
 * The refresh retry's timing against a scripted server: which requests it repeats, how long it
 * pauses (backoff, never shorter than Retry-After), and when it hands the 429 to auth-js instead.
 */
const REFRESH = 'https://p.supabase.co/auth/v1/token?grant_type=refresh_token';

function scripted(statuses: Array<[number, Record<string, string>?]>) {
  const calls: string[] = [];
  const answeredAt: number[] = [];
  const inner = (async (input: RequestInfo | URL) => {
    calls.push(String(input));
    answeredAt.push(Date.now());
    const [status, headers] = statuses.shift() ?? [200];
    return new Response('{}', { status, headers: headers ?? {} });
  }) as typeof fetch;
  return { inner, calls, answeredAt };
}

function setup(statuses: Array<[number, Record<string, string>?]>, tokenLifeMs: number) {
  const server = scripted(statuses);
  const pauses: number[] = [];
  /** When each pause ends: the next request goes out then. */
  const resumesAt: number[] = [];
  const expiresAt = Date.now() + tokenLifeMs;
  const fetch = withRefreshBackoff(server.inner, {
    accessTokenExpiresAt: async () => expiresAt,
    sleep: async (ms) => {
      pauses.push(ms);
      resumesAt.push(Date.now() + ms);
    },
    random: () => 0,
  });
  return { fetch, pauses, resumesAt, calls: server.calls, answeredAt: server.answeredAt };
}

const post = { method: 'POST', body: '{}' };

describe('withRefreshBackoff', () => {
  it('repeats a refresh refused with 429, waiting at least what Retry-After asks', () =>
    withTestDb(async () => {
      const { fetch, resumesAt, answeredAt, calls } = setup([[429, { 'Retry-After': '7' }], [429], [200]], 3_600_000);
      expect((await fetch(REFRESH, post)).status).toBe(200);
      expect(calls).toHaveLength(3);
      const waited = resumesAt.map((at, i) => at - (answeredAt[i] ?? 0));
      expect(waited[0]).toBeGreaterThanOrEqual(7_000);
      expect(waited[1]).toBeGreaterThanOrEqual(2_000); // the second retry's backoff: 4 s ceiling, equal jitter
      expect(await readRefreshWait()).toBeNull();
    }));

  it('hands the 429 over at once when no retry fits before the access token expires, or the server asks for hours', () =>
    withTestDb(async () => {
      const soon = setup([[429]], 3_000);
      expect((await soon.fetch(REFRESH, post)).status).toBe(429);
      expect(soon.pauses).toEqual([]);
      const hours = setup([[429, { 'Retry-After': String(2 * 3600) }]], 3_600_000 * 3);
      expect((await hours.fetch(REFRESH, post)).status).toBe(429);
      expect(hours.pauses).toEqual([]);
      expect(await readRefreshWait()).toBeNull();
    }));

  it('leaves every other request alone', () =>
    withTestDb(async () => {
      const { fetch, pauses, calls } = setup([[429], [429]], 3_600_000);
      expect((await fetch('https://p.supabase.co/auth/v1/token?grant_type=password', post)).status).toBe(429);
      expect((await fetch('https://p.supabase.co/rest/v1/stories', post)).status).toBe(429);
      expect(calls).toHaveLength(2);
      expect(pauses).toEqual([]);
    }));

  it('words the wait for Settings, counting down', () => {
    const now = Date.now();
    expect(refreshWaitWords({ retryAt: now + 4_200, refused: 2 }, now)).toBe(
      'Supabase is limiting sign-in requests; retrying in 5 s. You are still signed in.',
    );
    expect(refreshWaitWords({ retryAt: now - 10, refused: 2 }, now)).toMatch(/retrying now/);
    expect(refreshWaitWords(null, now)).toBeNull();
  });
});
