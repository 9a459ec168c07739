import { describe, expect, it } from 'vitest';
import { signIn, signUp } from '../../../src/sync/session';
import { type SupabaseFront, startSupabaseFront } from '../../support/supabase';
import { type Device, PASSWORD } from '../../support/sync-devices';
import { useSyncProject } from './harness';

/**
 * What the learner reads when GoTrue says no, with the error code readable (the gateway exposes
 * X-Supabase-Api-Version) and without it (supabase-js then has only the status and GoTrue's words):
 * the same sentence either way, never a raw message or an "undefined".
 */
const project = useSyncProject();

const MODES = [
  { name: 'with the error code readable', hide: false },
  { name: 'with no readable error code (version header not exposed)', hide: true },
];

describe.each(MODES)('auth messages $name', ({ hide }) => {
  async function deviceOn(front: SupabaseFront): Promise<Device> {
    front.hideAuthApiVersion(hide);
    return project.device('a', front);
  }

  it('a wrong password, a taken address and a weak password', async () => {
    const a = await deviceOn(project.front);
    await a.signUp('kumi@example.test');
    const wrong = await a.on(() => signIn('kumi@example.test', 'not the password', a.client));
    expect(wrong).toEqual({ ok: false, message: 'Wrong email or password.' });
    const taken = await a.on(() => signUp('kumi@example.test', PASSWORD, a.client));
    expect(taken).toEqual({ ok: false, message: 'An account with this email already exists. Sign in instead.' });
    const weak = await a.on(() => signUp('new@example.test', '123', a.client));
    expect(weak).toEqual({ ok: false, message: 'Choose a stronger password. Password should be at least 6 characters.' });
    expect(project.front.requests.filter((r) => r.status >= 400).map((r) => r.status)).toEqual([400, 422, 422]);
  });

  it('an email not confirmed yet', async () => {
    const strict = await startSupabaseFront({ db: project.db, requireEmailConfirmation: true });
    try {
      const a = await deviceOn(strict);
      expect(await a.on(() => signUp('yuki@example.test', PASSWORD, a.client))).toMatchObject({ ok: true, signedIn: false });
      const early = await a.on(() => signIn('yuki@example.test', PASSWORD, a.client));
      expect(early).toEqual({ ok: false, message: 'Confirm your email first: open the link in the email from Supabase, then sign in.' });
    } finally {
      await strict.close();
    }
  });

  it('the rate limit on sign-in and sign-up', async () => {
    const a = await deviceOn(project.front);
    project.front.failNext(2, 429, { pathPrefix: '/auth/v1/' });
    const message = 'Too many attempts. Wait a minute, then try again.';
    expect(await a.on(() => signIn('kumi@example.test', PASSWORD, a.client))).toEqual({ ok: false, message });
    expect(await a.on(() => signUp('kumi@example.test', PASSWORD, a.client))).toEqual({ ok: false, message });
  });

  it('an answer it has no words for shows GoTrue’s own text and the status', async () => {
    const a = await deviceOn(project.front);
    const bad = await a.on(() => signUp('not-an-address@', PASSWORD, a.client));
    expect(bad).toEqual({ ok: false, message: 'Unable to validate email address: invalid format (HTTP 400)' });
  });
});
