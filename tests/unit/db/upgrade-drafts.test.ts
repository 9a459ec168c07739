import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_VERSIONS, NihongoDb } from '../../../src/db/database';
import { getDraft, writeDraft } from '../../../src/db/drafts-repo';
import type { JobRow } from '../../../src/domain/job';
import { buildJobRow } from '../../../src/jobs/enqueue';
import { useTestDbNames, withCurrentDb } from '../../support/test-db';

/**
 * v6 adds `drafts` (v5, annotations, ships in the same release). The learner's case: the previous release (v4) is open in a tab, with a story job
 * running, when the new release opens the database. The old tab must let go (it reloads, like
 * src/app/main.ts), nothing it wrote may be lost, and the new table must be there and empty.
 */
const dbName = useTestDbNames();

function previousRelease(name: string): Dexie {
  const db = new Dexie(name);
  for (const v of [1, 2, 3, 4] as const) db.version(v).stores(DB_VERSIONS[v]);
  return db;
}

describe('the v6 upgrade (drafts)', () => {
  it('opens a v4 database while a v4 tab holds it open, keeping its running job and adding an empty drafts table', async () => {
    const name = dbName('upgrade-drafts');
    const oldTab = previousRelease(name);
    const now = 1_700_000_000_000;
    const running: JobRow = {
      ...buildJobRow('story', { topic: 'a cat', level: 'N5', length: 'short' }, { now }),
      status: 'processing',
      lease: { owner: 'old-tab', expiresAt: now + 60_000 },
    };
    await oldTab.table('jobs').put(running);
    let oldTabLetGo = false;
    oldTab.on('versionchange', () => {
      oldTabLetGo = true;
      oldTab.close();
      return false;
    });

    const db = new NihongoDb(name);
    await db.open();
    expect(oldTabLetGo).toBe(true);
    expect(oldTab.isOpen()).toBe(false);
    expect(db.verno).toBeGreaterThanOrEqual(6);
    expect(await db.jobs.get(running.id)).toEqual(running);
    expect(await db.drafts.count()).toBe(0);

    // The new code can keep a draft for the job the old tab started (as the next runner would).
    await withCurrentDb(db, async () => {
      expect(await writeDraft(running.id, 'old-tab', { titleJP: '猫', titleEN: 'Cat', sentences: [] }, now)).toBe(true);
      expect(await getDraft(running.id)).toEqual({ titleJP: '猫', titleEN: 'Cat', sentences: [] });
      expect(await writeDraft(running.id, 'someone-else', { titleJP: '犬', titleEN: '', sentences: [] }, now)).toBe(false);
    });
    db.close();
  });
});
