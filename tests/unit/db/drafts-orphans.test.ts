import { describe, expect, it } from 'vitest';
import { getDraft } from '../../../src/db/drafts-repo';
import { claim } from '../../../src/jobs/claim';
import { dismiss } from '../../../src/jobs/dismiss';
import { enqueue } from '../../../src/jobs/enqueue';
import { pruneAfterDrain } from '../../../src/jobs/prune';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();
const T0 = 1_800_000_000_000;
const params = (topic: string) => ({ topic, level: 'N5', length: 'short' }) as const;
const draft = (jobId: string) => ({ jobId, titleJP: '猫', titleEN: 'Cat', sentences: [{ jp: '猫がいます。', readings: [] }], updatedAt: T0 });

/**
 * A draft is deleted when its job ends through the engine (complete, fail, cancel). A job can also
 * end elsewhere — failed while its expired lease is recovered, dismissed, pruned — and the sweep
 * after every drain is what keeps those drafts from staying on the device.
 */
describe('left-over drafts', () => {
  it('are deleted after a drain when their job no longer runs; a running job keeps its draft', async () => {
    const running = await enqueue('story', params('a running story'), { now: T0 });
    await claim('r', T0 + 1);
    const gone = await enqueue('story', params('a dismissed story'), { now: T0 + 2 });
    await db().drafts.bulkPut([draft(running.id), draft(gone.id), draft('a-job-that-was-pruned')]);
    await db().jobs.update(gone.id, { status: 'failed', finishedAt: T0 + 3 });
    expect(await dismiss(gone.id)).toBe(true);

    await pruneAfterDrain(T0 + 4);

    expect((await db().drafts.toCollection().primaryKeys()).sort()).toEqual([running.id]);
    expect(await getDraft(running.id)).toMatchObject({ titleJP: '猫' });
  });
});
