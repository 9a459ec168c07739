import { beforeEach, describe, expect, it } from 'vitest';
import { putStories } from '../../../src/db/stories-repo';
import { pullAll } from '../../../src/sync/pull';
import { progressToRow } from '../../../src/sync/rows';
import { makeProgress, makeStory, storyId, T0 } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';
import { FakeRest, SIGNED_IN } from './fake-rest';

const db = useTestDb();
beforeEach(async () => {
  await db().syncState.put(SIGNED_IN);
});
const ACCOUNT = 'https://x.supabase.co|me';
const noWait = { sleep: async () => undefined };

describe('the furthest point read and sync', () => {
  it('a newer position pulled from another device moves the place to resume, not the furthest point read here', async () => {
    await putStories([makeStory(1)]);
    await db().progress.put(makeProgress(storyId(1), { percent: 30, furthestPercent: 80, lastReadAt: T0, updatedAt: T0 }));
    const rest = new FakeRest();
    await rest.upsert('reading_progress', [progressToRow(makeProgress(storyId(1), { percent: 50, segmentIndex: 4, lastReadAt: T0 + 60_000 }))]);
    await pullAll(rest, ACCOUNT, noWait);
    expect(await db().progress.get(storyId(1))).toMatchObject({ percent: 50, segmentIndex: 4, furthestPercent: 80, lastReadAt: T0 + 60_000 });
  });

  it('the furthest point never reaches the server (it has no column for it)', () => {
    expect(Object.keys(progressToRow(makeProgress(storyId(1), { furthestPercent: 80 })))).not.toContain('furthestPercent');
  });
});
