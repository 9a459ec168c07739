import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_VERSIONS, NihongoDb } from '../../../src/db/database';
import { SAMPLE_STORIES } from '../../../src/domain/samples/sample-stories';
import { toSummary } from '../../../src/domain/summary';
import { withState } from '../../../src/domain/words';
import { useTestDbNames } from '../../support/test-db';

/**
 * v8 adds `reviewLogs`, `cards` and `readingDays` (issue 15). The learner's case: the previous
 * release (v7) is open in a tab, with words being learned, when the new release opens the
 * database. The old tab lets go, its words and stories are all there, and the new tables start
 * empty (cards are built from the learning words when the Review page opens).
 */
const dbName = useTestDbNames();

function previousRelease(name: string): Dexie {
  const db = new Dexie(name);
  for (const v of [1, 2, 3, 4, 5, 6, 7] as const) db.version(v).stores(DB_VERSIONS[v]);
  return db;
}

describe('the v8 upgrade (review and reading habit)', () => {
  it('opens a v7 database while a v7 tab holds it open, keeping its words and adding empty review tables', async () => {
    const name = dbName('upgrade-review');
    const oldTab = previousRelease(name);
    const story = SAMPLE_STORIES[0]!;
    const learning = withState(undefined, '山|やま', 'learning', { storyId: story.id, segment: 0, at: 1_700_000_000_000 });
    const known = withState(undefined, '川|かわ', 'known', { storyId: story.id, segment: 1, at: 1_700_000_000_001 });
    await oldTab.table('stories').put(story);
    await oldTab.table('storySummaries').put(toSummary(story));
    await oldTab.table('words').bulkPut([learning, known]);
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
    expect(db.verno).toBeGreaterThanOrEqual(8);
    expect(await db.stories.get(story.id)).toEqual(story);
    expect(await db.words.where('state').equals('learning').toArray()).toEqual([learning]);
    expect(await db.words.get(known.key)).toEqual(known);
    expect([await db.reviewLogs.count(), await db.cards.count(), await db.readingDays.count()]).toEqual([0, 0, 0]);
    // The new indexes answer: the due range and a day's rows.
    await db.cards.put({ key: learning.key, due: 5, addedAt: 5, reps: 0, fsrs: {} });
    expect(await db.cards.where('due').belowOrEqual(5).primaryKeys()).toEqual([learning.key]);
    db.close();
  });
});
