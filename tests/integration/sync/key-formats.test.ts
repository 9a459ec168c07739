import { describe, expect, it } from 'vitest';
import { putStories } from '../../../src/db/stories-repo';
import { checkAnonKey, syncConfigFrom } from '../../../src/sync/config';
import { createTestClient } from '../../support/supabase';
import { library, useSyncProject } from './harness';

/**
 * Both of Supabase's browser key formats carry the whole sync: the legacy anon key (a JWT) and the
 * newer publishable key (`sb_publishable_…`, opaque; the gateway maps it to the anon role). Keys
 * are minted by the front at run time.
 */
const project = useSyncProject();

describe('key formats', () => {
  const formats = [
    { name: 'the legacy anon key (a JWT)', key: () => project.front.anonKey },
    { name: 'a publishable key (sb_publishable_…)', key: () => project.front.publishableKey },
  ];

  it.each(formats)('$name: Settings accepts it, and the learner signs up, syncs, and signs in on another device', async ({ key }) => {
    expect(checkAnonKey(` ${key()} `)).toEqual({ ok: true, key: key() });
    const front = { ...project.front, anonKey: key() };
    const a = await project.device('a', front);
    await a.signUp('kumi@example.test');
    await a.on(() => putStories(library(3)));
    expect((await a.sync()).outcome).toBe('synced');
    expect(await project.serverStories('kumi@example.test')).toHaveLength(3);
    const b = await project.device('b', front);
    await b.signIn('kumi@example.test');
    expect((await b.sync()).pull?.stories).toMatchObject({ applied: 3 });
    const rest = project.front.requests.filter((r) => r.path.startsWith('/rest/v1/'));
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.every((r) => r.status < 300 && r.role === 'authenticated')).toBe(true);
  });

  it('a publishable key alone acts as the anon role; an opaque key in Authorization must be the apikey', async () => {
    // The anon role has no grant on the sync tables: PostgREST answers as it would the anon key.
    const anon = await createTestClient({ url: project.front.url, anonKey: project.front.publishableKey }).from('stories').select('id');
    expect(anon.error).toMatchObject({ code: '42501', message: 'permission denied for table stories' });
    expect(project.front.requests.at(-1)).toMatchObject({ role: 'anon' });
    const mismatched = await fetch(`${project.front.url}/rest/v1/stories?select=id`, {
      headers: { apikey: project.front.anonKey, Authorization: `Bearer ${project.front.publishableKey}` },
    });
    expect(mismatched.status).toBe(401);
  });

  it('a secret key in either format is refused, from Settings or the build, and so is anything that is not a key', async () => {
    const secret = /secret key/;
    expect(checkAnonKey(project.front.serviceRoleKey)).toMatchObject({ ok: false, message: expect.stringMatching(secret) });
    expect(checkAnonKey(`sb_secret_${project.front.publishableKey.slice(15)}`)).toMatchObject({ ok: false, message: expect.stringMatching(secret) });
    expect(checkAnonKey('my project key')).toMatchObject({ ok: false, message: expect.stringMatching(/not a Supabase API key/) });
    expect(checkAnonKey('  ')).toMatchObject({ ok: false });
    // Nor is one from the build (VITE_SUPABASE_ANON_KEY) used: no project rather than a leaked key.
    const none = { supabaseUrl: '', supabaseAnonKey: '' };
    expect(syncConfigFrom(none, { VITE_SUPABASE_URL: project.front.url, VITE_SUPABASE_ANON_KEY: project.front.serviceRoleKey })).toBeNull();
    expect(syncConfigFrom(none, { VITE_SUPABASE_URL: project.front.url, VITE_SUPABASE_ANON_KEY: project.front.publishableKey })).toEqual({
      url: project.front.url,
      anonKey: project.front.publishableKey,
    });
  });
});
