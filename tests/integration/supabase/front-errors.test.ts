import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { SignJWT } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestClient, signedUpClient } from '../../support/supabase';
import { useSupabaseProject } from '../../support/supabase-project';

/**
 * The answers the sync classifies: PostgREST's status and error code for each way a row or a
 * request can be refused (4xx rows are kept aside, 401 means "refresh or sign in again"), the
 * gateway's key check, and the CORS headers a browser needs to read them at all.
 */

let alice: SupabaseClient;

const project = useSupabaseProject();

beforeEach(async () => {
  ({ client: alice } = await signedUpClient(project.front, 'alice@example.test'));
});

describe('rows the server refuses (4xx, keep aside)', () => {
  it('maps Postgres errors to PostgREST status codes', async () => {
    const id = randomUUID();
    await alice.from('stories').insert({ id, content: {} });
    const duplicate = await alice.from('stories').insert({ id, content: {} });
    expect(duplicate).toMatchObject({ status: 409, error: { code: '23505' } });
    const badUuid = await alice.from('stories').insert({ id: 'not-a-uuid', content: {} });
    expect(badUuid).toMatchObject({ status: 400, error: { code: '22P02' } });
    const missing = await alice.from('stories').insert({ id: randomUUID(), content: null });
    expect(missing).toMatchObject({ status: 400, error: { code: '23502' } });
    const outOfRange = await alice.from('reading_progress').upsert({ story_id: id, percent: 140 }, { onConflict: 'user_id,story_id' });
    expect(outOfRange).toMatchObject({ status: 400, error: { code: '23514' } });
  });

  it('one id twice in the same upsert batch fails the whole batch (dedupe the outbox first)', async () => {
    const id = randomUUID();
    const batch = [
      { id, content: { v: 1 } },
      { id, content: { v: 2 } },
    ];
    const twice = await alice.from('stories').upsert(batch, { onConflict: 'user_id,id' });
    // PostgREST answers 21000 with a 500 (pg-safeupdate's "requires a WHERE clause" alone gets 400).
    expect(twice).toMatchObject({ status: 500, error: { code: '21000' } });
    expect((await alice.from('stories').select('id')).data).toEqual([]);
  });

  it('refuses unknown columns and tables with PostgREST’s own codes', async () => {
    const column = await alice.from('stories').insert({ id: randomUUID(), content: {}, audio: 'x' });
    expect(column).toMatchObject({ status: 400, error: { code: 'PGRST204' } });
    const filter = await alice.from('stories').select('*').eq('audio', 'x');
    expect(filter).toMatchObject({ status: 400, error: { code: '42703' } });
    const table = await alice.from('secrets').select('*');
    expect(table).toMatchObject({ status: 404, error: { code: 'PGRST205' } });
  });

  it('single() on no rows is 406 PGRST116; a PATCH with select() returns the changed rows', async () => {
    const none = await alice.from('stories').select('*').eq('id', randomUUID()).single();
    expect(none).toMatchObject({ status: 406, error: { code: 'PGRST116' } });
    const id = randomUUID();
    await alice.from('stories').insert({ id, content: {} });
    const patched = await alice.from('stories').update({ level: 'N3' }).eq('id', id).select('id,level');
    expect(patched).toMatchObject({ status: 200, data: [{ id, level: 'N3' }] });
  });

  it('counts with Prefer: count=exact, also on a HEAD request', async () => {
    await alice.from('stories').insert([{ id: randomUUID(), content: {} }, { id: randomUUID(), content: {} }]);
    const head = await alice.from('stories').select('*', { count: 'exact', head: true });
    expect(head).toMatchObject({ status: 200, count: 2, data: null });
  });
});

describe('requests the server refuses as a whole', () => {
  it('anon (no sign-in) gets 401 and reads nothing', async () => {
    const anon = createTestClient(project.front);
    const read = await anon.from('stories').select('*');
    expect(read).toMatchObject({ status: 401, data: null, error: { code: '42501' } });
    const write = await anon.from('stories').insert({ id: randomUUID(), content: {} });
    expect(write.status).toBe(401);
  });

  it('the gateway wants an API key; PostgREST wants a token signed with the project secret', async () => {
    const noKey = await fetch(`${project.front.url}/rest/v1/stories?select=*`);
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ message: 'No API key found in request' });
    const forged = await new SignJWT({ role: 'authenticated', sub: randomUUID() })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-project-secret-not-the-project-secret'));
    const refused = await fetch(`${project.front.url}/rest/v1/stories?select=*`, {
      headers: { apikey: project.front.anonKey, Authorization: `Bearer ${forged}` },
    });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'PGRST301' });
  });
});

describe('CORS for the app’s origin', () => {
  it('answers the preflight and exposes Content-Range', async () => {
    const preflight = await fetch(`${project.front.url}/rest/v1/stories`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:4173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'apikey,authorization,content-type,prefer',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('prefer');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
    const get = await fetch(`${project.front.url}/rest/v1/stories?select=*`, { headers: { apikey: project.front.anonKey, Origin: 'http://localhost:4173' } });
    expect(get.headers.get('access-control-expose-headers')).toContain('Content-Range');
  });
});
