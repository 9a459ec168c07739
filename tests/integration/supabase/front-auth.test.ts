import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, it, vi } from 'vitest';
import { createTestClient, signedUpClient, startSupabaseFront } from '../../support/supabase';
import { useSupabaseProject } from '../../support/supabase-project';

/**
 * The auth side of the front, driven by the real supabase-js 2.109: sign-up with and without email
 * confirmation, password sign-in, access tokens that expire under the client, and single-use refresh
 * tokens — the situations the app's session handling (page + service worker) must survive.
 */

const project = useSupabaseProject();

const readStories = (client: SupabaseClient) => client.from('stories').select('id');

describe('sign-up and sign-in', () => {
  it('signs up with a session, signs in again with the password, and knows the user', async () => {
    const { client, userId } = await signedUpClient(project.front, 'kenji@example.test', 'hiragana-123');
    const other = createTestClient(project.front);
    const signIn = await other.auth.signInWithPassword({ email: 'kenji@example.test', password: 'hiragana-123' });
    expect(signIn.error).toBeNull();
    expect(signIn.data.user?.id).toBe(userId);
    expect(signIn.data.session?.expires_in).toBe(3600);
    const { data } = await client.auth.getUser();
    expect(data.user).toMatchObject({ id: userId, email: 'kenji@example.test', role: 'authenticated' });
  });

  it('refuses a wrong password and a taken address with GoTrue’s error codes', async () => {
    await signedUpClient(project.front, 'kenji@example.test', 'hiragana-123');
    const client = createTestClient(project.front);
    const wrong = await client.auth.signInWithPassword({ email: 'kenji@example.test', password: 'katakana-456' });
    expect(wrong.error).toMatchObject({ status: 400, code: 'invalid_credentials', message: 'Invalid login credentials' });
    const taken = await client.auth.signUp({ email: 'kenji@example.test', password: 'another-pass' });
    expect(taken.error).toMatchObject({ status: 422, code: 'user_already_exists' });
    const weak = await client.auth.signUp({ email: 'new@example.test', password: '123' });
    expect(weak.error).toMatchObject({ status: 422, code: 'weak_password' });
  });

  it('with email confirmation required, sign-up returns a user but no session until confirmed', async () => {
    const strict = await startSupabaseFront({ db: project.db, requireEmailConfirmation: true });
    try {
      const client = createTestClient(strict);
      const signUp = await client.auth.signUp({ email: 'yuki@example.test', password: 'snow-snow-1' });
      expect(signUp.error).toBeNull();
      expect(signUp.data.session).toBeNull();
      expect(signUp.data.user?.email).toBe('yuki@example.test');
      const early = await client.auth.signInWithPassword({ email: 'yuki@example.test', password: 'snow-snow-1' });
      expect(early.error).toMatchObject({ status: 400, code: 'email_not_confirmed' });
      await strict.confirmEmail('yuki@example.test');
      const later = await client.auth.signInWithPassword({ email: 'yuki@example.test', password: 'snow-snow-1' });
      expect(later.error).toBeNull();
      expect(later.data.session?.access_token).toBeTruthy();
    } finally {
      await strict.close();
    }
  });
});

describe('expired access tokens', () => {
  it('a token the server considers expired gets 401 PGRST303; refreshSession recovers', async () => {
    const { client } = await signedUpClient(project.front, 'mika@example.test');
    expect((await readStories(client)).status).toBe(200);
    project.front.expireIssuedTokens();
    const refused = await readStories(client);
    expect(refused.status).toBe(401);
    expect(refused.error).toMatchObject({ code: 'PGRST303', message: 'JWT expired' });
    const refreshed = await client.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    expect((await readStories(client)).status).toBe(200);
  });

  it('expireTokensAfter(seconds) ends tokens by age, whatever their exp claim says', async () => {
    const { client } = await signedUpClient(project.front, 'mika@example.test');
    project.front.expireTokensAfter(1);
    // The clock moves on 1.1 s (only Date: the sockets keep their real timers) instead of the test sleeping.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 1_100);
      expect((await readStories(client)).error?.code).toBe('PGRST303');
      const user = await client.auth.getUser();
      expect(user.error).toMatchObject({ status: 403, code: 'bad_jwt' });
      expect((await client.auth.refreshSession()).error).toBeNull();
      expect((await readStories(client)).status).toBe(200); // the new token is younger than a second
    } finally {
      vi.useRealTimers();
    }
  });

  it('short-lived tokens: supabase-js refreshes before every request inside its 90 s margin', async () => {
    const shortLived = await startSupabaseFront({ db: project.db, accessTokenTtlSeconds: 60 });
    try {
      const { client } = await signedUpClient(shortLived, 'sora@example.test');
      await readStories(client);
      await readStories(client);
      const grants = shortLived.requests.filter((r) => r.path === '/auth/v1/token').length;
      expect(grants).toBe(2);
    } finally {
      await shortLived.close();
    }
  });
});

describe('refresh tokens are single use', () => {
  /** Signs up on `front` and rotates the refresh token `rotations` times; token `i`, oldest first. */
  async function rotatedTokens(front: typeof project.front, rotations: number): Promise<(i: number) => string> {
    const page = createTestClient(front);
    await page.auth.signUp({ email: 'ren@example.test', password: 'single-use-1' });
    const tokens = [(await page.auth.getSession()).data.session?.refresh_token ?? ''];
    for (let i = 0; i < rotations; i++) {
      const rotated = await page.auth.refreshSession();
      expect(rotated.error).toBeNull();
      tokens.push(rotated.data.session?.refresh_token ?? '');
    }
    expect(new Set(tokens).size).toBe(rotations + 1);
    return (i) => tokens[i] ?? '';
  }

  it('reusing the parent of the active token answers with the active token and keeps the session', async () => {
    const token = await rotatedTokens(project.front, 1);
    const [first, second] = [token(0), token(1)];
    // A second context (the service worker) still holds the first token: it refreshed, but never stored the answer.
    const reuse = await createTestClient(project.front).auth.refreshSession({ refresh_token: first });
    expect(reuse.error).toBeNull();
    expect(reuse.data.session?.refresh_token).toBe(second);
    const after = await createTestClient(project.front).auth.refreshSession({ refresh_token: second });
    expect(after.error).toBeNull();
  });

  it('reusing an older spent token (the grandparent) fails and ends the session for every holder', async () => {
    const token = await rotatedTokens(project.front, 2);
    const [first, third] = [token(0), token(2)];
    const reuse = await createTestClient(project.front).auth.refreshSession({ refresh_token: first });
    expect(reuse.error).toMatchObject({ status: 400, code: 'refresh_token_already_used', message: 'Invalid Refresh Token: Already Used' });
    // GoTrue revokes the whole token family on reuse: the page's newer token is dead too.
    const after = await createTestClient(project.front).auth.refreshSession({ refresh_token: third });
    expect(after.error).toMatchObject({ status: 400 });
  });

  it('with hosted GoTrue’s reuse interval, a grandparent revoked moments ago answers with the current token', async () => {
    const lenient = await startSupabaseFront({ db: project.db, refreshTokenReuseIntervalSeconds: 10 });
    try {
      const token = await rotatedTokens(lenient, 2);
      const [first, third] = [token(0), token(2)];
      const reuse = await createTestClient(lenient).auth.refreshSession({ refresh_token: first });
      expect(reuse.error).toBeNull();
      expect(reuse.data.session?.refresh_token).toBe(third);
    } finally {
      await lenient.close();
    }
  });

  it('after sign-out the refresh token is gone and the access token no longer reaches /user', async () => {
    const { client } = await signedUpClient(project.front, 'aoi@example.test');
    const session = (await client.auth.getSession()).data.session;
    expect((await client.auth.signOut()).error).toBeNull();
    const reuse = await createTestClient(project.front).auth.refreshSession({ refresh_token: session?.refresh_token ?? '' });
    expect(reuse.error).toMatchObject({ code: 'refresh_token_not_found' });
    // GoTrue answers 403 session_not_found; auth-js turns that into AuthSessionMissingError.
    const user = await createTestClient(project.front).auth.getUser(session?.access_token);
    expect(user.error?.name).toBe('AuthSessionMissingError');
    expect(project.front.requests.at(-1)).toMatchObject({ path: '/auth/v1/user', status: 403 });
  });
});
