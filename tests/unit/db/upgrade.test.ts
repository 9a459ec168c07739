import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_VERSIONS, NihongoDb } from '../../../src/db/database';
import { SAMPLE_STORIES } from '../../../src/domain/samples/sample-stories';
import { toSummary } from '../../../src/domain/summary';
import { claim } from '../../../src/jobs/claim';
import { buildJobRow } from '../../../src/jobs/enqueue';
import { useTestDbNames, withCurrentDb } from '../../support/test-db';

/**
 * The upgrade harness: for every schema version the app ever shipped, create a database exactly as
 * that version did, fill it, then open it with today's code and prove nothing was lost.
 */
type Version = keyof typeof DB_VERSIONS;
/**
 * Every schema version the app has shipped, written out by hand: adding a version to DB_VERSIONS
 * without adding it here (and so without an upgrade test from the version before) fails below.
 */
const SHIPPED_VERSIONS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const OLDER_VERSIONS: Version[] = SHIPPED_VERSIONS.slice(0, -1);

function openAsVersion(name: string, version: Version): Dexie {
  const db = new Dexie(name);
  for (const v of Object.keys(DB_VERSIONS).map(Number) as Version[]) {
    if (v <= version) db.version(v).stores(DB_VERSIONS[v]);
  }
  return db;
}

const pendingJob = buildJobRow('story', { topic: 'a cat', level: 'N5', length: 'short' }, { now: 1_700_000_000_000 });
/** Job rows as versions before 4 wrote them: no `rank` (v4 derives it from priority). */
const { rank: _rank, ...jobBeforeV4 } = pendingJob;

const dbName = useTestDbNames();

describe('database upgrades', () => {
  it('has an upgrade test for every older version', () => {
    expect(Object.keys(DB_VERSIONS).map(Number)).toEqual([...SHIPPED_VERSIONS]);
    expect(new NihongoDb(dbName('verno')).verno).toBe(SHIPPED_VERSIONS.at(-1));
  });

  it.each(OLDER_VERSIONS)('opens a version %i database with data and keeps all of it', async (version) => {
    const name = dbName(`upgrade-${version}`);
    const old = openAsVersion(name, version);
    await old.table('stories').bulkPut([...SAMPLE_STORIES]);
    // Write what that version's app wrote: from v2 on, summaries alongside stories, and jobs.
    if (version >= 2) {
      await old.table('storySummaries').bulkPut(SAMPLE_STORIES.map(toSummary));
      await old.table('jobs').put(version >= 4 ? pendingJob : jobBeforeV4);
    }
    const progress = { storyId: SAMPLE_STORIES[0]!.id, percent: 40, segmentIndex: 2, segmentOffset: 0.5, completed: false, quizAnswers: { 0: 1 }, lastReadAt: 5, updatedAt: 5 };
    await old.table('progress').put(progress);
    await old.table('settings').put({ key: 'app', value: { theme: 'dark', fontSize: 'large' } });
    old.close();

    const db = new NihongoDb(name);
    await db.open();
    expect(db.verno).toBe(SHIPPED_VERSIONS.at(-1));
    expect(await db.stories.toArray()).toEqual(expect.arrayContaining([...SAMPLE_STORIES]));
    expect(await db.stories.count()).toBe(SAMPLE_STORIES.length);
    expect(await db.storySummaries.orderBy('createdAt').toArray()).toEqual(
      [...SAMPLE_STORIES].sort((a, b) => a.createdAt - b.createdAt).map(toSummary),
    );
    expect(await db.progress.get(progress.storyId)).toEqual(progress);
    expect((await db.settings.get('app'))?.value).toEqual({ theme: 'dark', fontSize: 'large' });
    if (version >= 2) {
      expect(await db.jobs.get(pendingJob.id)).toEqual(pendingJob);
      expect((await withCurrentDb(db, () => claim('upgrade-test', pendingJob.createdAt + 1)))?.id).toBe(pendingJob.id);
    }
    db.close();
  });

  it('a newer page upgrading the schema closes older connections instead of blocking', async () => {
    const name = dbName('upgrade-close');
    const old = openAsVersion(name, 1);
    await old.open();
    let closedByUpgrade = false;
    old.on('versionchange', () => {
      closedByUpgrade = true;
      old.close();
      return false;
    });
    const db = new NihongoDb(name);
    await db.open();
    expect(closedByUpgrade).toBe(true);
    db.close();
  });

  it('the annotations table (v5) reaches a v4 database still open in another tab, keeping its stories', async () => {
    const name = dbName('upgrade-annotations');
    const old = openAsVersion(name, 4);
    await old.table('stories').bulkPut([...SAMPLE_STORIES]);
    old.on('versionchange', () => {
      old.close();
      return false;
    });
    const db = new NihongoDb(name);
    await db.open();
    expect(old.isOpen()).toBe(false);
    expect(await db.stories.count()).toBe(SAMPLE_STORIES.length);
    expect(await db.annotations.count()).toBe(0);
    const row = { storyId: SAMPLE_STORIES[0]!.id, segments: [null], updatedAt: 1 };
    await db.annotations.put(row);
    expect(await db.annotations.get(row.storyId)).toEqual(row);
    db.close();
  });
});
