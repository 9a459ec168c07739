import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeEach, describe, expect, it } from 'vitest';
import { signedUpClient } from '../../support/supabase';
import { useSupabaseProject } from '../../support/supabase-project';

/**
 * The REST side of the front with the real supabase-js 2.109: the push (batched idempotent upserts)
 * and the pull (pages ordered by (updated_at, id)) the sync will use, two learners kept apart by RLS,
 * and the failure injection the sync's retry tests rely on.
 */

interface StoryRow {
  id: string;
  user_id: string;
  content: { n: number };
  title_jp: string | null;
  updated_at: string;
  deleted: boolean;
}

let alice: SupabaseClient;
let aliceId: string;

const stories = (count: number) =>
  Array.from({ length: count }, (_, n) => ({ id: randomUUID(), content: { n }, level: 'N5', title_jp: `話${n}` }));

/** The pull as the sync will run it: keyset pages after a server watermark, strings kept as sent. */
async function pull(client: SupabaseClient, since: string, pageSize: number): Promise<StoryRow[]> {
  const rows: StoryRow[] = [];
  let last: StoryRow | undefined;
  for (;;) {
    let query = client.from('stories').select('*').order('updated_at').order('id').limit(pageSize);
    query = last
      ? query.or(`updated_at.gt.${last.updated_at},and(updated_at.eq.${last.updated_at},id.gt.${last.id})`)
      : query.gt('updated_at', since);
    const { data, error } = await query.returns<StoryRow[]>();
    if (error) throw new Error(`pull failed: ${error.message}`);
    rows.push(...data);
    if (data.length < pageSize) return rows;
    last = data.at(-1);
  }
}

const EPOCH = '1970-01-01T00:00:00Z';

const project = useSupabaseProject();

beforeEach(async () => {
  ({ client: alice, userId: aliceId } = await signedUpClient(project.front, 'alice@example.test'));
});

describe('push and pull', () => {
  it('upserts a batch on (user_id, id) (idempotently) and pulls it back in (updated_at, id) pages', async () => {
    const batch = stories(7);
    const first = await alice.from('stories').upsert(batch, { onConflict: 'user_id,id' });
    expect(first).toMatchObject({ error: null, status: 201, data: null });
    // The same batch again (a retry after a lost response): no duplicates, the new content wins.
    const retry = await alice.from('stories').upsert(batch.map((s) => ({ ...s, title_jp: 'again' })), { onConflict: 'user_id,id' });
    expect(retry.error).toBeNull();
    const pulled = await pull(alice, EPOCH, 3);
    expect(pulled.map((r) => r.id).sort()).toEqual(batch.map((s) => s.id).sort());
    expect(new Set(pulled.map((r) => r.id)).size).toBe(7);
    expect(pulled.every((r) => r.title_jp === 'again' && r.user_id === aliceId)).toBe(true);
    const keys = pulled.map((r) => `${r.updated_at}|${r.id}`);
    expect(keys).toEqual([...keys].sort()); // same zone and format: text order is time order
  });

  it('an incremental pull after the watermark returns only the changed row', async () => {
    const batch = stories(5);
    await alice.from('stories').upsert(batch, { onConflict: 'user_id,id' });
    const watermark = (await pull(alice, EPOCH, 100)).at(-1)?.updated_at ?? EPOCH;
    await alice.from('stories').update({ title_jp: '変わった' }).eq('id', batch[2]?.id);
    const changed = await pull(alice, watermark, 100);
    expect(changed.map((r) => [r.id, r.title_jp])).toEqual([[batch[2]?.id, '変わった']]);
  });

  it('a tombstone travels like any change and cannot be undone by a stale push', async () => {
    const story = stories(1)[0]!;
    await alice.from('stories').upsert([story], { onConflict: 'user_id,id' });
    await alice.from('stories').upsert([{ ...story, deleted: true }], { onConflict: 'user_id,id' });
    await alice.from('stories').upsert([{ ...story, deleted: false }], { onConflict: 'user_id,id' });
    const [row] = await pull(alice, EPOCH, 10);
    expect(row?.deleted).toBe(true);
  });

  it('upserts progress on (user_id, story_id) and settings on user_id without sending user_id', async () => {
    const storyId = randomUUID();
    for (const percent of [10, 55]) {
      const { error } = await alice.from('reading_progress').upsert({ story_id: storyId, percent }, { onConflict: 'user_id,story_id' });
      expect(error).toBeNull();
    }
    expect((await alice.from('reading_progress').select('story_id,percent')).data).toEqual([{ story_id: storyId, percent: 55 }]);
    await alice.from('user_settings').upsert({ settings: { furigana: true } }, { onConflict: 'user_id' });
    await alice.from('user_settings').upsert({ settings: { furigana: false } }, { onConflict: 'user_id' });
    expect((await alice.from('user_settings').select('user_id,settings')).data).toEqual([
      { user_id: aliceId, settings: { furigana: false } },
    ]);
    const leak = await alice.from('user_settings').upsert({ settings: { geminiApiKey: 'AIza…' } }, { onConflict: 'user_id' });
    expect(leak).toMatchObject({ status: 400, error: { code: '23514' } });
  });
});

describe('two learners', () => {
  it('Bob sees none of Alice’s stories and can change none of them', async () => {
    const batch = stories(3);
    await alice.from('stories').upsert(batch, { onConflict: 'user_id,id' });
    const { client: bob } = await signedUpClient(project.front, 'bob@example.test');
    expect((await bob.from('stories').select('*')).data).toEqual([]);
    const target = batch[0]!;
    // The same id from Bob is Bob's own row (an older backup both imported): no error, no probe.
    const same = await bob.from('stories').upsert([{ ...target, title_jp: 'mine now' }], { onConflict: 'user_id,id' });
    expect(same).toMatchObject({ error: null, status: 201 });
    expect((await bob.from('stories').select('id,title_jp')).data).toEqual([{ id: target.id, title_jp: 'mine now' }]);
    const patch = await bob.from('stories').update({ title_jp: 'hacked' }).in('id', batch.slice(1).map((s) => s.id)).select();
    expect(patch).toMatchObject({ error: null, data: [] });
    expect((await bob.from('stories').delete().eq('id', target.id)).status).toBe(403);
    const untouched = await pull(alice, EPOCH, 10);
    expect(untouched.map((r) => r.title_jp).sort()).toEqual(batch.map((s) => s.title_jp).sort());
  });

  it('on_conflict must name a unique key, as PostgREST requires: the id alone is refused', async () => {
    const refused = await alice.from('stories').upsert(stories(1), { onConflict: 'id' });
    expect(refused).toMatchObject({ status: 400, error: { code: '42P10' } });
  });
});

describe('test controls', () => {
  it('failNext fails the next matching requests, then the server answers normally again', async () => {
    project.front.requests.length = 0;
    project.front.failNext(1, 500, { pathPrefix: '/rest/v1/' });
    const failed = await alice.from('stories').upsert(stories(2), { onConflict: 'user_id,id' });
    expect(failed.status).toBe(500);
    expect((await alice.from('stories').select('id')).status).toBe(200);
    expect(project.front.requests.map((r) => [r.method, r.status, r.injected])).toEqual([
      ['POST', 500, true],
      ['GET', 200, false],
    ]);
    expect(project.front.requests[1]).toMatchObject({ role: 'authenticated', userId: aliceId });
  });

  it('a dropped connection reaches the client as a network error (status 0)', async () => {
    project.front.failNext(1, 0);
    const dropped = await alice.from('stories').upsert(stories(1), { onConflict: 'user_id,id' });
    expect(dropped.status).toBe(0);
    expect(dropped.error?.message).toMatch(/fetch failed/i);
  });

  it('postgrest-js itself retries a GET answered 503 (Retry-After: 0 keeps it fast)', async () => {
    project.front.requests.length = 0;
    project.front.failNext(1, 503, { retryAfterSeconds: 0 });
    expect((await alice.from('stories').select('id')).status).toBe(200);
    expect(project.front.requests.map((r) => r.status)).toEqual([503, 200]);
  });
});
