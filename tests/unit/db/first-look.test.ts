import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { samplesOnly } from '../../../src/app/first-look';
import { seedSampleWordsOnce, seedSamplesOnce } from '../../../src/app/seed';
import { DB_VERSIONS, NihongoDb } from '../../../src/db/database';
import { readFirstLook } from '../../../src/db/first-look';
import { countActiveJobs } from '../../../src/db/active-jobs';
import { loadHome } from '../../../src/db/home-facts';
import { LATEST_DB_VERSION } from '../../../src/db/names';
import { saveProgress } from '../../../src/db/progress-repo';
import { setApiKey } from '../../../src/db/secrets-repo';
import { loadSettings, saveSettings } from '../../../src/db/settings-repo';
import { markStoryKnown } from '../../../src/db/words-repo';
import type { JobRow } from '../../../src/domain/job';
import { emptyProgress } from '../../../src/domain/progress-ops';
import { SAMPLE_N3 } from '../../../src/domain/samples/sample-n3';
import { SAMPLE_N4 } from '../../../src/domain/samples/sample-n4';
import { SAMPLE_N5 } from '../../../src/domain/samples/sample-n5';
import { SAMPLE_STORIES } from '../../../src/domain/samples/sample-stories';
import { useTestDb, useTestDbNames } from '../../support/test-db';

const db = useTestDb('look');
const names = useTestDbNames();

const jobBase = { priority: 0, rank: 0, createdAt: 1, runAfter: 1, attempts: 1, maxAttempts: 5, lease: null, progress: null, checkpoint: null, result: null, dependsOn: [], waitingFor: null, groupId: null, finishedAt: null, error: null };
const storyParams = { topic: 't', level: 'N5', length: 'short', instructions: '' };
const failure = (message: string) => ({ code: 'x', message, retryable: false });

/** A library a learner has used: read a little, narrated, knows words, has a key, jobs failed and running. */
async function usedLibrary(): Promise<void> {
  await seedSamplesOnce();
  await seedSampleWordsOnce();
  await markStoryKnown(SAMPLE_N5.id);
  await saveProgress({ ...emptyProgress(SAMPLE_N4.id), percent: 40, segmentIndex: 3, lastReadAt: 50, updatedAt: 50 });
  await saveProgress({ ...emptyProgress(SAMPLE_N3.id), percent: 100, completed: true, lastReadAt: 60, updatedAt: 60 });
  await db().media.put({ storyId: SAMPLE_N3.id, kind: 'audio', index: 0, blob: new Blob(['x']), mime: 'audio/wav', bytes: 1, createdAt: 1 });
  await setApiKey('AIza-test-key-never-shown');
  await saveSettings({ theme: 'dark' });
  await db().jobs.bulkPut([
    { ...jobBase, id: 'f1', type: 'story', params: storyParams, status: 'failed', updatedAt: 10, error: failure('old') },
    { ...jobBase, id: 'f2', type: 'audio', params: { storyId: SAMPLE_N4.id }, status: 'failed', updatedAt: 20, error: failure('new') },
    { ...jobBase, id: 'p1', type: 'story', params: storyParams, status: 'pending', updatedAt: 30 },
    { ...jobBase, id: 'r1', type: 'image', params: { storyId: SAMPLE_N5.id }, status: 'processing', updatedAt: 40 },
  ] as unknown as JobRow[]);
}

describe("Home's first look (plain IndexedDB, before Dexie loads)", () => {
  it('reads exactly what the live read finds in a used library, and the header’s job count', async () => {
    await usedLibrary();
    const look = await readFirstLook(db().name);
    if (look === null || look === 'no-database') throw new Error(`expected a look, got ${look}`);
    const live = await loadHome();
    expect(look.home).toEqual(live);
    // What the comparison covers: none of it is empty.
    expect(live.continueReading.map((s) => s.id)).toEqual([SAMPLE_N4.id]);
    expect(live.failed.map((f) => [f.job.id, f.storyTitle])).toEqual([['f2', SAMPLE_N4.titleJP], ['f1', undefined]]);
    expect([...live.facts.narrated]).toEqual([SAMPLE_N3.id]);
    expect(live.facts.coverage.get(SAMPLE_N5.id)).toEqual({ newWords: 0, knownShare: 1 });
    expect(live.hasKey).toBe(true);
    expect(look.activeJobs).toBe(await countActiveJobs());
    expect(look.activeJobs).toBe(2);
    expect({ ...(await loadSettings()), ...look.settings }).toEqual(await loadSettings());
    expect(JSON.stringify(look)).not.toContain('AIza-test-key');
  });

  it('on a first visit says so, and leaves no database behind for Dexie to trip over', async () => {
    const name = names('none');
    await expect(readFirstLook(name)).resolves.toBe('no-database');
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
    const fresh = new NihongoDb(name);
    await fresh.open();
    expect(fresh.verno).toBe(LATEST_DB_VERSION);
    fresh.close();
  });

  it('draws a first visit from the samples exactly as the live read finds them once seeded', async () => {
    await seedSamplesOnce();
    expect(samplesOnly(SAMPLE_STORIES)).toEqual(await loadHome());
  });

  it('answers nothing (open storage first) before the samples went in, or for another schema version', async () => {
    await db().open();
    await expect(readFirstLook(db().name)).resolves.toBeNull();

    const name = names('old');
    const older = new Dexie(name);
    older.version(7).stores(DB_VERSIONS[7]);
    await older.open();
    older.close();
    await expect(readFirstLook(name)).resolves.toBeNull();
    // The look closed its connection: the upgrade is not blocked behind it.
    const current = new NihongoDb(name);
    await current.open();
    expect(current.verno).toBe(LATEST_DB_VERSION);
    current.close();
  });

  it('knows the newest schema version', () => {
    expect(LATEST_DB_VERSION).toBe(Math.max(...Object.keys(DB_VERSIONS).map(Number)));
    expect(new NihongoDb(names('v')).verno).toBe(LATEST_DB_VERSION);
  });
});
