import { beforeEach, describe, expect, it } from 'vitest';
import { saveSettings } from '../../../src/db/settings-repo';
import { putStories } from '../../../src/db/stories-repo';
import { batches, pushOutbox } from '../../../src/sync/push';
import { failureKind, SyncHttpError } from '../../../src/sync/rest';
import { makeStory, storyId } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';
import { FakeRest, http, noAnswer, SIGNED_IN } from './fake-rest';

/**
 * What a hosted project answers on a bad day, and what the push makes of it: errors decided by
 * their code (a setup problem is nobody's row), every 5xx retried, requests too large for the
 * project halved, and offline just stopping with everything kept.
 */
const db = useTestDb();
beforeEach(async () => {
  await db().syncState.put(SIGNED_IN);
});
const noWait = { sleep: async () => undefined };
const posts = (rest: FakeRest) => rest.log.filter((r) => r.method === 'POST').map((r) => r.rows);

describe('failureKind', () => {
  const kind = (status: number, code: string | null = null, message = '') => failureKind(new SyncHttpError(message, status, code, null));

  it('every 5xx is transient, the gateway’s 520–530 included; 21000 and 413 are about the request’s size', () => {
    for (const status of [500, 501, 502, 503, 504, 505, 520, 522, 524, 530, 599]) expect(kind(status, 'PGRST000'), String(status)).toBe('transient');
    expect(kind(500, '21000', 'ON CONFLICT DO UPDATE command cannot affect row a second time')).toBe('batch');
    expect(kind(413)).toBe('batch');
  });

  it('only a row’s own fault sets it aside; any other refusal is the project’s set-up', () => {
    expect(kind(400, '23514', 'new row violates check constraint')).toBe('row');
    expect(kind(409, '23505')).toBe('row');
    expect(kind(400, '22P02', 'invalid input syntax for type uuid')).toBe('row');
    expect(kind(403, '42501', 'new row violates row-level security policy for table "stories"')).toBe('row');
    for (const [status, code] of [
      [403, '42501'],
      [400, 'PGRST204'],
      [404, 'PGRST205'],
      [400, 'PGRST102'],
      [404, '42P01'],
      [400, '42703'],
      [400, '42P10'],
      [400, null],
      [409, null],
      [422, null],
    ] as const) {
      expect(kind(status, code, 'permission denied for table stories'), `${status} ${code}`).toBe('fatal');
    }
  });
});

describe('errors that are not the row’s fault', () => {
  it('a gateway 520 is retried and the batch goes through', async () => {
    const rest = new FakeRest();
    await putStories([makeStory(1), makeStory(2)]);
    rest.failures.push(http(520, 'Web server is returning an unknown error'), http(501));
    expect(await pushOutbox(rest, noWait)).toEqual({ sent: 2, rejected: 0, requests: 3 });
    expect(await db().outbox.count()).toBe(0);
  });

  it('a 400 with no row-specific code stops the push after one request; nothing is set aside', async () => {
    const rest = new FakeRest();
    await putStories(Array.from({ length: 8 }, (_, i) => makeStory(i + 1)));
    rest.refuseBatch = () => http(400, 'Bad Request');
    await expect(pushOutbox(rest, noWait)).rejects.toMatchObject({ status: 400 });
    expect(posts(rest)).toEqual([8]);
    expect((await db().outbox.toArray()).map((r) => r.rejected)).toEqual(Array(8).fill(null));
  });
});

describe('one conflict key twice in a batch', () => {
  it('is sent once, as the newest change; the older row leaves the outbox with it', async () => {
    const rest = new FakeRest();
    await saveSettings({ theme: 'dark' });
    // A second row for the one settings row (queued under another key by an older version).
    await db().outbox.put({ id: 'user_settings:legacy', table: 'user_settings', rowKey: 'legacy', deleted: false, queuedAt: 1, attempts: 0, rejected: null });
    expect(await pushOutbox(rest, noWait)).toEqual({ sent: 1, rejected: 0, requests: 1 });
    expect(posts(rest)).toEqual([1]);
    expect(await db().outbox.count()).toBe(0);
  });

  it('a 21000 that still arrives is resolved by halving, never retried as is', async () => {
    const rest = new FakeRest();
    await putStories(Array.from({ length: 4 }, (_, i) => makeStory(i + 1)));
    rest.refuseBatch = (_table, rows) => (rows.length > 1 ? http(500, 'cannot affect row a second time', '21000') : null);
    expect(await pushOutbox(rest, noWait)).toEqual({ sent: 4, rejected: 0, requests: 7 });
    expect(posts(rest)).toEqual([4, 2, 1, 1, 2, 1, 1]);
  });
});

describe('requests too large for the project', () => {
  it('batches are cut by UTF-8 bytes: Japanese text counts three bytes a character', () => {
    const rows = Array.from({ length: 4 }, () => ({ payload: { text: '雨'.repeat(300) } }));
    // 300 characters, 900 bytes each (plus quotes and key): two fit in 2000 bytes, not four.
    expect(batches(rows, 200, 2000).map((b) => b.length)).toEqual([2, 2]);
  });

  it('a multi-row batch that times out twice is halved, and the halves go through', async () => {
    const rest = new FakeRest();
    await putStories(Array.from({ length: 6 }, (_, i) => makeStory(i + 1)));
    rest.failures.push(noAnswer('timeout'), noAnswer('timeout'));
    expect(await pushOutbox(rest, noWait)).toEqual({ sent: 6, rejected: 0, requests: 4 });
    expect(posts(rest)).toEqual([6, 6, 3, 3]);
  });

  it('a row refused as too large (413, or no answer at all) is halved out and set aside; the rest go', async () => {
    for (const refusal of [http(413, 'Payload too large'), noAnswer('failed')]) {
      const rest = new FakeRest();
      await putStories([makeStory(1), makeStory(2), makeStory(3)]);
      // Story 2 stands for one too large for the gateway: any request holding it is refused.
      rest.refuseBatch = (_table, rows) => (rows.some((r) => r.id === storyId(2)) ? refusal : null);
      expect(await pushOutbox(rest, noWait)).toMatchObject({ sent: 2, rejected: 1 });
      expect(rest.rows('stories').map((r) => r.id).sort()).toEqual([storyId(1), storyId(3)]);
      const [kept] = await db().outbox.toArray();
      expect(kept).toMatchObject({ rowKey: storyId(2), rejected: { status: refusal.status } });
      expect(kept!.rejected!.message).toMatch(/too large/);
      await db().outbox.clear();
    }
  });

  it('a row alone with no answer four times is tried once more when the project answers: a blip sets nothing aside', async () => {
    const rest = new FakeRest();
    await putStories([makeStory(1)]);
    rest.failures.push(...Array.from({ length: 4 }, () => noAnswer('failed')));
    expect(await pushOutbox(rest, noWait)).toEqual({ sent: 1, rejected: 0, requests: 5 });
    expect(rest.log.map((r) => r.method)).toEqual(['POST', 'POST', 'POST', 'POST', 'GET', 'POST']);
  });

  it('offline stops the push at the first request: no retries, no halving, everything kept', async () => {
    const rest = new FakeRest();
    await putStories(Array.from({ length: 6 }, (_, i) => makeStory(i + 1)));
    rest.refuseBatch = () => noAnswer('offline');
    await expect(pushOutbox(rest, noWait)).rejects.toMatchObject({ status: 0, network: 'offline' });
    expect(posts(rest)).toEqual([6]);
    expect((await db().outbox.toArray()).map((r) => [r.attempts, r.rejected])).toEqual(Array(6).fill([1, null]));
  });

  it('no answer for a row alone while the project answers nothing else either keeps it queued', async () => {
    const rest = new FakeRest();
    await putStories([makeStory(1)]);
    rest.refuseBatch = () => noAnswer('failed');
    rest.select = async () => Promise.reject(noAnswer('failed'));
    await expect(pushOutbox(rest, noWait)).rejects.toMatchObject({ status: 0 });
    expect(await db().outbox.toArray()).toMatchObject([{ rowKey: storyId(1), rejected: null }]);
  });
});
