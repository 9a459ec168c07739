import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drainInPage } from '../../../src/app/page-runner';
import { TOMBSTONE_RETENTION_MS } from '../../../src/db/retention-repo';
import { claim } from '../../../src/jobs/claim';
import { complete } from '../../../src/jobs/complete';
import { COMPLETED_RETENTION_MS } from '../../../src/jobs/constants';
import { enqueue } from '../../../src/jobs/enqueue';
import { useTestDb } from '../../support/test-db';

/**
 * The page runner (Firefox, Safari: no Background Sync, so no worker ever drains there) tidies up
 * after a drain just as the worker does.
 */
const db = useTestDb('page-runner');

beforeEach(() => {
  // Node has no navigator; the page runner reads onLine (and finds no Web Locks: in-process ones).
  vi.stubGlobal('navigator', { onLine: true });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('drainInPage', () => {
  it('prunes old completed jobs and old tombstones after its drain', async () => {
    const longAgo = Date.now() - 2 * Math.max(COMPLETED_RETENTION_MS, TOMBSTONE_RETENTION_MS);
    const old = await enqueue('story', { topic: 'an old story', level: 'N5', length: 'short' }, { now: longAgo });
    await claim('earlier-run', longAgo);
    await complete(old.id, 'earlier-run', {}, longAgo);
    await db().tombstones.put({ storyId: crypto.randomUUID(), deletedAt: longAgo });

    const result = await drainInPage();

    expect(result).toMatchObject({ ran: 0, stoppedBy: 'empty' });
    expect(await db().jobs.count()).toBe(0);
    expect(await db().tombstones.count()).toBe(0);
  });
});
