import { beforeEach, describe, expect, it } from 'vitest';
import { saveSettings } from '../../../src/db/settings-repo';
import { putStories } from '../../../src/db/stories-repo';
import { loadSettings } from '../../../src/db/settings-repo';
import type { Story } from '../../../src/domain/story';
import { pullAll, pullTable, STORIES_PULL } from '../../../src/sync/pull';
import { pushOutbox } from '../../../src/sync/push';
import { progressToRow, storyToRow } from '../../../src/sync/rows';
import { readWatermark } from '../../../src/sync/state';
import { makeProgress, makeStory, storyId, T0 } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';
import { FakeRest, stamp, SIGNED_IN } from './fake-rest';

const db = useTestDb();
beforeEach(async () => {
  await db().syncState.put(SIGNED_IN);
});
const ACCOUNT = 'https://x.supabase.co|me';
const noWait = { sleep: async () => undefined };

/** Puts stories on the fake server as another device's push would. */
async function serverHas(rest: FakeRest, stories: Story[]): Promise<void> {
  await rest.upsert('stories', stories.map(storyToRow));
}

describe('pull into an empty device', () => {
  it('applies every table, and nothing it applied goes back into the outbox', async () => {
    const rest = new FakeRest();
    await serverHas(rest, [makeStory(1), makeStory(2)]);
    await rest.upsert('reading_progress', [progressToRow(makeProgress(storyId(1), { segmentOffset: 0.5 }))]);
    await rest.upsert('user_settings', [{ settings: { theme: 'dark', fontSize: 'large', updatedAt: T0 } }]);
    const report = await pullAll(rest, ACCOUNT, noWait);
    expect(report.stories).toMatchObject({ transferred: 2, applied: 2 });
    expect(await db().stories.count()).toBe(2);
    expect(await db().storySummaries.count()).toBe(2);
    expect(await db().progress.get(storyId(1))).toMatchObject({ percent: 40, segmentIndex: 1, segmentOffset: 0.5, lastReadAt: T0 + 5000 });
    expect(await loadSettings()).toMatchObject({ theme: 'dark', fontSize: 'large', updatedAt: T0 });
    expect(await db().outbox.count()).toBe(0);
    expect(await readWatermark('stories', ACCOUNT)).toBe(rest.rows('stories')[1]!.updated_at);
    // Pulling again transfers the overlap but changes nothing.
    const again = await pullAll(rest, ACCOUNT, noWait);
    expect(again.stories).toMatchObject({ transferred: 2, applied: 0 });
    expect(await db().outbox.count()).toBe(0);
  });

  it('pages through rows with equal stamps by (updated_at, id), each once', async () => {
    const rest = new FakeRest();
    const at = stamp(rest.clock);
    for (let i = 1; i <= 7; i++) rest.commitLate('stories', storyToRow(makeStory(i)), at);
    const report = await pullTable(rest, STORIES_PULL, ACCOUNT, { ...noWait, pageRows: 2 });
    // Pages of 2, 2, 2, 1, then the empty page that ends it (a short page may be "Max rows").
    expect(report).toMatchObject({ transferred: 7, applied: 7, requests: 5 });
  });
});

describe('a project whose "Max rows" is below the page size', () => {
  it('short pages do not end the pull: every row arrives, and pulling again re-reads only the overlap', async () => {
    const rest = new FakeRest();
    rest.maxRows = 3;
    await serverHas(rest, Array.from({ length: 10 }, (_, i) => makeStory(i + 1)));
    const report = await pullTable(rest, STORIES_PULL, ACCOUNT, noWait);
    expect(report).toMatchObject({ transferred: 10, applied: 10, requests: 5 });
    expect(await db().stories.count()).toBe(10);
    // All ten sit inside the overlap window: they are read again, page by page, and the pull ends.
    expect(await pullTable(rest, STORIES_PULL, ACCOUNT, noWait)).toMatchObject({ transferred: 10, applied: 0, requests: 5 });
  });
});

describe('out-of-order commits and the overlap window', () => {
  it('a row committed late with an older stamp is still pulled; a bare watermark would miss it', async () => {
    const rest = new FakeRest();
    await serverHas(rest, [makeStory(1), makeStory(2)]);
    await pullAll(rest, ACCOUNT, noWait);
    const watermark = (await readWatermark('stories', ACCOUNT))!;
    // Stamped 20 s before the newest row this device has seen, committed only now.
    rest.commitLate('stories', storyToRow(makeStory(3)), stamp(rest.clock - 20_000_000));
    const bare = await pullTable(rest, STORIES_PULL, ACCOUNT, { ...noWait, overlapMs: 0 });
    expect(bare.applied).toBe(0);
    const overlapping = await pullTable(rest, STORIES_PULL, ACCOUNT, noWait);
    expect(overlapping).toMatchObject({ applied: 1, transferred: 3 });
    expect(await db().stories.get(storyId(3))).toBeDefined();
    expect(await readWatermark('stories', ACCOUNT)).toBe(watermark); // never moves back
  });
});

describe('merging', () => {
  it('a newer local copy is kept and queued; a newer remote copy keeps the local audio and pictures', async () => {
    const rest = new FakeRest();
    await serverHas(rest, [makeStory(1, { updatedAt: T0 }), makeStory(2, { updatedAt: T0 + 10, titleEN: 'remote' })]);
    await putStories([makeStory(1, { updatedAt: T0 + 99, titleEN: 'local' }), makeStory(2, { updatedAt: T0, media: { audioSegments: 2, images: 1 } })]);
    await db().outbox.clear();
    const report = await pullTable(rest, STORIES_PULL, ACCOUNT, noWait);
    expect(report.applied).toBe(1);
    expect(await db().stories.get(storyId(1))).toMatchObject({ titleEN: 'local' });
    expect(await db().stories.get(storyId(2))).toMatchObject({ titleEN: 'remote', media: { audioSegments: 2, images: 1 } });
    expect((await db().outbox.toArray()).map((r) => r.id)).toEqual([`stories:${storyId(1)}`]);
  });

  it('a pending push of a version the server already has is dropped, not sent again', async () => {
    const rest = new FakeRest();
    await serverHas(rest, [makeStory(1)]);
    await putStories([makeStory(1), makeStory(2)]);
    await pullTable(rest, STORIES_PULL, ACCOUNT, noWait);
    expect((await db().outbox.toArray()).map((r) => r.rowKey)).toEqual([storyId(2)]);
  });

  it('a pulled tombstone deletes the local story; an older local copy pushed later is not resurrected', async () => {
    const rest = new FakeRest();
    await serverHas(rest, [makeStory(1)]);
    await pullAll(rest, ACCOUNT, noWait);
    await db().annotations.put({ storyId: storyId(1), segments: [], model: null, updatedAt: T0 } as never);
    await rest.upsert('stories', [{ ...storyToRow(makeStory(1)), content: {}, deleted: true }]);
    await pullTable(rest, STORIES_PULL, ACCOUNT, noWait);
    expect(await db().stories.get(storyId(1))).toBeUndefined();
    expect(await db().tombstones.get(storyId(1))).toBeDefined();
    // Its words go with it (annotations live in their own rows).
    expect(await db().annotations.get(storyId(1))).toBeUndefined();
    // An old backup brings the story back here; its push cannot undo the server's tombstone,
    // and the next pull deletes it again.
    await putStories([makeStory(1)]);
    await pushOutbox(rest, noWait);
    expect(rest.rows('stories')[0]!.deleted).toBe(true);
    await pullTable(rest, STORIES_PULL, ACCOUNT, noWait);
    expect(await db().stories.get(storyId(1))).toBeUndefined();
  });

  it('a live remote copy of a story deleted here queues the deletion instead of restoring it', async () => {
    const rest = new FakeRest();
    await serverHas(rest, [makeStory(1)]);
    await db().tombstones.put({ storyId: storyId(1), deletedAt: T0 });
    await pullTable(rest, STORIES_PULL, ACCOUNT, noWait);
    expect(await db().stories.get(storyId(1))).toBeUndefined();
    expect(await db().outbox.toArray()).toMatchObject([{ id: `stories:${storyId(1)}`, deleted: true }]);
  });

  it('skips a row it cannot read, and newer remote settings keep this device’s own fields', async () => {
    const rest = new FakeRest();
    await rest.upsert('stories', [{ id: storyId(1), content: { titleJP: 'broken' }, level: 'N5', title_jp: 'x', created_at: null, deleted: false }]);
    await saveSettings({ supabaseUrl: 'https://mine.supabase.co', geminiBaseUrl: 'http://127.0.0.1:9' }, T0);
    await rest.upsert('user_settings', [{ settings: { theme: 'light', supabaseUrl: 'https://other', geminiBaseUrl: 'http://other', updatedAt: T0 + 1 } }]);
    const report = await pullAll(rest, ACCOUNT, noWait);
    expect(report.stories).toMatchObject({ transferred: 1, applied: 0 });
    expect(await loadSettings()).toMatchObject({ theme: 'light', supabaseUrl: 'https://mine.supabase.co', geminiBaseUrl: 'http://127.0.0.1:9' });
  });
});
