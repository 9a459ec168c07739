import { beforeEach, describe, expect, it } from 'vitest';
import { deleteStory } from '../../../src/db/library-repo';
import { saveProgress } from '../../../src/db/progress-repo';
import { saveSettings } from '../../../src/db/settings-repo';
import { putStories } from '../../../src/db/stories-repo';
import { DELETE_GRACE_MS } from '../../../src/sync/constants';
import { batches, pushOutbox } from '../../../src/sync/push';
import { makeProgress, makeStory, storyId } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';
import { FakeRest, http, SIGNED_IN } from './fake-rest';

const db = useTestDb();
beforeEach(async () => {
  await db().syncState.put(SIGNED_IN);
});
const noWait = { sleep: async () => undefined };

describe('batches', () => {
  it('cuts by row count and by bytes, keeping order', () => {
    const rows = Array.from({ length: 450 }, (_, i) => ({ payload: { i } }));
    expect(batches(rows).map((b) => b.length)).toEqual([200, 200, 50]);
    const big = Array.from({ length: 5 }, () => ({ payload: { text: 'x'.repeat(400) } }));
    expect(batches(big, 200, 1000).map((b) => b.length)).toEqual([2, 2, 1]);
    expect(batches(rows).flat()).toEqual(rows);
  });
});

describe('pushOutbox', () => {
  it('sends stories, progress and settings in one request per table, then empties the outbox', async () => {
    const rest = new FakeRest();
    await putStories([makeStory(1, { media: { audioSegments: 3, images: 1 } }), makeStory(2)]);
    await saveProgress(makeProgress(storyId(1), { segmentOffset: 0.25 }));
    await saveSettings({ theme: 'dark', supabaseUrl: 'https://x.supabase.co', geminiBaseUrl: 'http://fake' });
    const report = await pushOutbox(rest, noWait);
    expect(report).toEqual({ sent: 4, rejected: 0, requests: 3 });
    expect(await db().outbox.count()).toBe(0);
    const story = rest.rows('stories').find((r) => r.id === storyId(1))!;
    expect(story).toMatchObject({ level: 'N4', title_jp: makeStory(1).titleJP, deleted: false });
    expect(story.content).not.toHaveProperty('media'); // audio and pictures stay on the device
    expect(rest.rows('reading_progress')[0]).toMatchObject({ story_id: storyId(1), segment_offset: 2500, quiz_answers: { '0': 2 } });
    const settings = rest.rows('user_settings')[0]!.settings as Record<string, unknown>;
    expect(settings.theme).toBe('dark');
    for (const device of ['supabaseUrl', 'supabaseAnonKey', 'geminiBaseUrl']) expect(settings).not.toHaveProperty(device);
  });

  it('a refused row is isolated by splitting, kept aside with its reason; the others go through', async () => {
    const rest = new FakeRest();
    await putStories(Array.from({ length: 10 }, (_, i) => makeStory(i + 1)));
    rest.refuse = (_table, row) => (row.id === storyId(7) ? http(403, 'new row violates row-level security policy for table "stories"', '42501') : null);
    const report = await pushOutbox(rest, noWait);
    expect(report.sent).toBe(9);
    expect(report.rejected).toBe(1);
    expect(rest.rows('stories').map((r) => r.id)).not.toContain(storyId(7));
    expect(rest.rows('stories')).toHaveLength(9);
    const kept = await db().outbox.toArray();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ rowKey: storyId(7), rejected: { status: 403 } });
    expect(kept[0]!.rejected!.message).toMatch(/another account/);
    // Kept aside: the next push does not send it again.
    expect((await pushOutbox(rest, noWait)).requests).toBe(0);
  });

  it('a project not set up for this version (no key for on_conflict, a missing column) stops the push and keeps every row queued', async () => {
    for (const setup of [
      http(400, 'there is no unique or exclusion constraint matching the ON CONFLICT specification', '42P10'),
      http(400, "Could not find the 'topic' column of 'stories' in the schema cache", 'PGRST204'),
      http(403, 'permission denied for table stories', '42501'),
    ]) {
      const rest = new FakeRest();
      await putStories(Array.from({ length: 4 }, (_, i) => makeStory(i + 1)));
      rest.refuse = () => setup;
      await expect(pushOutbox(rest, noWait)).rejects.toBe(setup);
      expect(rest.log.filter((r) => r.method === 'POST')).toHaveLength(1);
      const kept = await db().outbox.toArray();
      expect(kept).toHaveLength(4);
      expect(kept.every((row) => row.rejected === null)).toBe(true);
      await db().outbox.clear();
    }
  });

  it('retries a transient failure with backoff, honouring Retry-After', async () => {
    const rest = new FakeRest();
    const waits: number[] = [];
    await putStories([makeStory(1)]);
    rest.failures.push(http(503), new (http(0).constructor as typeof import('../../../src/sync/rest').SyncHttpError)('later', 429, null, 2000));
    const report = await pushOutbox(rest, { sleep: async (ms) => void waits.push(ms), baseMs: 100 });
    expect(report).toMatchObject({ sent: 1, requests: 3 });
    expect(waits[0]).toBeGreaterThanOrEqual(50);
    expect(waits[0]).toBeLessThanOrEqual(100);
    expect(waits[1]).toBe(2000);
  });

  it('a failure that persists stops the push and keeps the rows queued', async () => {
    const rest = new FakeRest();
    await putStories([makeStory(1)]);
    // The project answers nothing at all: four tries, then the check that it answers anything.
    rest.failures.push(http(0), http(0), http(0), http(0), http(0));
    await expect(pushOutbox(rest, { ...noWait, retries: 3 })).rejects.toMatchObject({ status: 0 });
    expect(await db().outbox.toArray()).toMatchObject([{ rowKey: storyId(1), attempts: 1, rejected: null }]);
  });

  it('a deletion waits for its undo window unless forced, and sends a tombstone', async () => {
    const rest = new FakeRest();
    await putStories([makeStory(1)]);
    await pushOutbox(rest, noWait);
    const now = Date.now();
    await deleteStory(storyId(1), now);
    expect((await pushOutbox(rest, { ...noWait, now })).sent).toBe(0);
    expect((await pushOutbox(rest, { ...noWait, now: now + DELETE_GRACE_MS + 5 })).sent).toBe(1);
    expect(rest.rows('stories')[0]).toMatchObject({ id: storyId(1), deleted: true, content: {} });
  });

  it('a change made while its row was in flight stays queued for the next push', async () => {
    const rest = new FakeRest();
    await saveProgress(makeProgress(storyId(1), { percent: 10 }));
    rest.duringUpsert = async () => {
      rest.duringUpsert = null;
      await saveProgress(makeProgress(storyId(1), { percent: 60, lastReadAt: Date.now() }));
    };
    await pushOutbox(rest, noWait);
    expect(await db().outbox.count()).toBe(1);
    await pushOutbox(rest, noWait);
    expect(await db().outbox.count()).toBe(0);
    expect(rest.rows('reading_progress')[0]!.percent).toBe(60);
  });

  it('rows that cannot be built into a payload are set aside with their reason; the rest go in the same request', async () => {
    const rest = new FakeRest();
    await putStories([makeStory(1, { createdAt: 9e15 }), makeStory(2), makeStory(3, { updatedAt: -5 })]);
    await saveProgress(makeProgress(storyId(2), { lastReadAt: 9e15 }));
    await saveProgress(makeProgress(storyId(3)));
    const report = await pushOutbox(rest, noWait);
    expect(report).toEqual({ sent: 2, rejected: 3, requests: 2 });
    expect(rest.rows('stories').map((r) => r.id)).toEqual([storyId(2)]);
    expect(rest.rows('reading_progress').map((r) => r.story_id)).toEqual([storyId(3)]);
    const kept = await db().outbox.orderBy('id').toArray();
    expect(kept.map((r) => [r.table, r.rowKey, r.rejected?.status])).toEqual([
      ['reading_progress', storyId(2), 0],
      ['stories', storyId(1), 0],
      ['stories', storyId(3), 0],
    ]);
    expect(kept.map((r) => r.rejected?.message)).toEqual([expect.stringMatching(/lastReadAt/), expect.stringMatching(/createdAt/), expect.stringMatching(/updatedAt/)]);
  });
});
