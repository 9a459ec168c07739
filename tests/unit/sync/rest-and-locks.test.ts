import { NavigatorLockAcquireTimeoutError } from '@supabase/supabase-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inProcessLocks } from '../../../src/jobs/lock';
import { authLock } from '../../../src/sync/client';
import { checkProjectUrl, syncConfigFrom } from '../../../src/sync/config';
import { createRestClient, failureKind, SignInNeededError, SyncHttpError, type TokenSource } from '../../../src/sync/rest';

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

function tokens(): TokenSource & { refreshed: string[] } {
  let current = 'token-1';
  const refreshed: string[] = [];
  return {
    refreshed,
    accessToken: async () => current,
    refresh: async (refused) => {
      refreshed.push(refused);
      current = `token-${refreshed.length + 1}`;
      return current;
    },
  };
}

describe('the REST client', () => {
  it('sends the key and token, upserts on the key with merge-duplicates', async () => {
    const seen: Request[] = [];
    const rest = createRestClient('https://p.supabase.co', 'anon', tokens(), async (input, init) => {
      seen.push(new Request(input, init));
      return new Response(null, { status: 201 });
    });
    await rest.upsert('reading_progress', [{ story_id: 'a' }], 'user_id,story_id');
    const [req] = seen;
    expect(req!.url).toBe('https://p.supabase.co/rest/v1/reading_progress?on_conflict=user_id%2Cstory_id');
    expect(req!.headers.get('apikey')).toBe('anon');
    expect(req!.headers.get('authorization')).toBe('Bearer token-1');
    expect(req!.headers.get('prefer')).toBe('resolution=merge-duplicates,return=minimal');
  });

  it('an expired token (401) is refreshed once and the request repeated', async () => {
    const source = tokens();
    const auths: string[] = [];
    const rest = createRestClient('https://p', 'anon', source, async (_input, init) => {
      const auth = new Headers(init?.headers).get('authorization') ?? '';
      auths.push(auth);
      return auth === 'Bearer token-1' ? json(401, { code: 'PGRST303', message: 'JWT expired' }) : json(200, [{ id: 1 }]);
    });
    expect(await rest.select('stories', [['select', '*']])).toEqual([{ id: 1 }]);
    expect(auths).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(source.refreshed).toEqual(['token-1']);
  });

  it('a token refused even after a refresh means "sign in again"; a refused API key does not refresh', async () => {
    const always401 = createRestClient('https://p', 'anon', tokens(), async () => json(401, { code: 'PGRST301', message: 'JWT invalid' }));
    await expect(always401.select('stories', [])).rejects.toBeInstanceOf(SignInNeededError);
    const source = tokens();
    const badKey = createRestClient('https://p', 'nope', source, async () => json(401, { message: 'Invalid API key' }));
    await expect(badKey.select('stories', [])).rejects.toMatchObject({ status: 401 });
    expect(source.refreshed).toEqual([]);
  });

  it('classifies failures and reads Retry-After', async () => {
    const offline = createRestClient('https://p', 'anon', tokens(), async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(offline.select('stories', [])).rejects.toMatchObject({ status: 0 });
    const busy = createRestClient('https://p', 'anon', tokens(), async () => json(503, { message: 'busy' }, { 'Retry-After': '3' }));
    await expect(busy.select('stories', [])).rejects.toMatchObject({ status: 503, retryAfterMs: 3000 });
    expect(failureKind(new SyncHttpError('', 429, null, null))).toBe('transient');
    expect(failureKind(new SyncHttpError('', 409, '23505', null))).toBe('row');
    expect(failureKind(new SyncHttpError('', 404, 'PGRST205', null))).toBe('fatal');
    const dated = createRestClient('https://p', 'anon', tokens(), async () =>
      json(429, { message: 'slow' }, { 'Retry-After': new Date(Date.now() + 60_000).toUTCString() }),
    );
    const error = await dated.select('stories', []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncHttpError);
    // An HTTP date has whole seconds: anything from 59 to 60 s ahead.
    expect((error as SyncHttpError).retryAfterMs).toBeGreaterThan(58_000);
    expect((error as SyncHttpError).retryAfterMs).toBeLessThanOrEqual(60_000);
    const noHint = createRestClient('https://p', 'anon', tokens(), async () => json(503, { message: 'busy' }));
    await expect(noHint.select('stories', [])).rejects.toMatchObject({ status: 503, retryAfterMs: null });
  });
});

describe('a request without an answer', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  const failingWith = (error: unknown) =>
    createRestClient('https://p', 'anon', tokens(), async () => {
      throw error;
    });

  it('says why: offline (the browser says so), our timeout, or a dropped connection', async () => {
    await expect(failingWith(new TypeError('fetch failed')).select('stories', [])).rejects.toMatchObject({ status: 0, network: 'failed' });
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    await expect(failingWith(timeout).select('stories', [])).rejects.toMatchObject({ status: 0, network: 'timeout' });
    vi.stubGlobal('navigator', { onLine: false });
    await expect(failingWith(new TypeError('Failed to fetch')).select('stories', [])).rejects.toMatchObject({ status: 0, network: 'offline' });
  });
});

describe('project settings', () => {
  it('wants https (http only for this machine) and both values; Settings win over the build', () => {
    expect(checkProjectUrl('http://example.com')).toMatchObject({ ok: false });
    expect(checkProjectUrl('https://abc.supabase.co/')).toEqual({ ok: true, url: 'https://abc.supabase.co' });
    expect(checkProjectUrl('http://127.0.0.1:54321')).toEqual({ ok: true, url: 'http://127.0.0.1:54321' });
    const env = { VITE_SUPABASE_URL: 'https://built.supabase.co', VITE_SUPABASE_ANON_KEY: 'k1' };
    expect(syncConfigFrom({ supabaseUrl: '', supabaseAnonKey: '' }, {})).toBeNull();
    expect(syncConfigFrom({ supabaseUrl: '', supabaseAnonKey: '' }, env)).toEqual({ url: 'https://built.supabase.co', anonKey: 'k1' });
    expect(syncConfigFrom({ supabaseUrl: 'https://mine.supabase.co', supabaseAnonKey: 'k2' }, env)).toEqual({ url: 'https://mine.supabase.co', anonKey: 'k2' });
  });
});

describe('locks', () => {
  it('one holder at a time; "only if free" fails fast the way supabase-js expects', async () => {
    const locks = inProcessLocks();
    const lock = authLock(locks);
    const order: string[] = [];
    let release = () => {};
    const first = lock('lock:x', -1, () => new Promise<void>((ok) => {
      order.push('first');
      release = ok;
    }));
    await expect(lock('lock:x', 0, async () => 'never')).rejects.toBeInstanceOf(NavigatorLockAcquireTimeoutError);
    await expect(lock('lock:x', 20, async () => 'never')).rejects.toBeInstanceOf(NavigatorLockAcquireTimeoutError);
    const second = lock('lock:x', -1, async () => void order.push('second'));
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
  });
});
