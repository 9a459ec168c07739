import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_VERSIONS, NihongoDb } from '../../../src/db/database';
import { knownWordKeys, setWordState } from '../../../src/db/words-repo';
import { SAMPLE_ANNOTATIONS } from '../../../src/domain/samples/sample-annotations';
import { SAMPLE_STORIES } from '../../../src/domain/samples/sample-stories';
import { toSummary } from '../../../src/domain/summary';
import { storyWordKeys, storyWordList } from '../../../src/domain/words-coverage';
import { useTestDbNames, withCurrentDb } from '../../support/test-db';

/**
 * v7 adds `words` and `storyWords` (issue 14). The learner's case: the previous release (v6) is
 * open in a tab, with annotated stories, when the new release opens the database. The old tab lets
 * go, nothing it wrote is lost, and every annotated story gets its word keys at once, so the
 * Library can show its coverage without waiting for anything to be annotated again.
 */
const dbName = useTestDbNames();

function previousRelease(name: string): Dexie {
  const db = new Dexie(name);
  for (const v of [1, 2, 3, 4, 5, 6] as const) db.version(v).stores(DB_VERSIONS[v]);
  return db;
}

describe('the v7 upgrade (words)', () => {
  it('opens a v6 database while a v6 tab holds it open, keeping its data and backfilling every story’s words', async () => {
    const name = dbName('upgrade-words');
    const oldTab = previousRelease(name);
    await oldTab.table('stories').bulkPut([...SAMPLE_STORIES]);
    await oldTab.table('storySummaries').bulkPut(SAMPLE_STORIES.map(toSummary));
    await oldTab.table('annotations').bulkPut([...SAMPLE_ANNOTATIONS]);
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
    expect(db.verno).toBeGreaterThanOrEqual(7);
    expect(await db.stories.count()).toBe(SAMPLE_STORIES.length);
    expect(await db.annotations.toArray()).toEqual(expect.arrayContaining([...SAMPLE_ANNOTATIONS]));
    expect(await db.storyWords.toArray()).toEqual(expect.arrayContaining(SAMPLE_ANNOTATIONS.map(storyWordKeys)));
    expect(await db.storyWords.count()).toBe(SAMPLE_ANNOTATIONS.length);
    expect(await db.words.count()).toBe(0);

    await withCurrentDb(db, async () => {
      const key = storyWordList(SAMPLE_ANNOTATIONS[0]!).keys[0]!;
      await setWordState(key, 'known', { storyId: SAMPLE_STORIES[0]!.id, segment: 0, at: 1 });
      expect(await knownWordKeys()).toEqual(new Set([key]));
    });
    db.close();
  });
});
