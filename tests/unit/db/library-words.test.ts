import { describe, expect, it } from 'vitest';
import { loadCardFactsFor, loadCoverage } from '../../../src/db/card-facts';
import { getDb } from '../../../src/db/database';
import { deleteAllStories, deleteStory, restoreDeletedStory } from '../../../src/db/library-repo';
import { putStories } from '../../../src/db/stories-repo';
import { setWordState, writeStoryWordsIn } from '../../../src/db/words-repo';
import { queryLibrary } from '../../../src/domain/library-query';
import { toSummary } from '../../../src/domain/summary';
import { makeWordKey } from '../../../src/domain/words';
import { coverageText } from '../../../src/domain/words-comfort';
import { dumpDb } from '../../support/fixtures/db-dump';
import { makeStory, storyId, T0 } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();

/** A story of `known` running words the learner knows among `total`, all distinct. */
async function storyKnowing(i: number, known: number, total: number): Promise<void> {
  await putStories([makeStory(i)]);
  const tokens = Array.from({ length: total }, (_, w) => ({ surface: `語${i}_${w}`, reading: 'ご', pos: 'noun' }));
  await writeStoryWordsIn(getDb(), { storyId: storyId(i), segments: [tokens] });
  for (let w = 0; w < known; w++) await setWordState(makeWordKey(`語${i}_${w}`, 'ご'), 'known', { storyId: storyId(i), segment: 0, at: T0 });
}

describe('coverage on the Library’s cards', () => {
  it('reads each story’s new words and known share from its stored keys and the known words', async () => {
    await storyKnowing(1, 47, 50);
    await putStories([makeStory(2)]);
    const coverage = await loadCoverage();
    expect(coverageText(coverage.get(storyId(1))!)).toBe('3 new words · 94 % known');
    // A story without words yet shows no figure.
    expect(coverage.has(storyId(2))).toBe(false);
    expect([...(await loadCardFactsFor([storyId(1)])).coverage.keys()]).toEqual([storyId(1)]);
  });

  it('sorts “Best for me”: closest to 95–98 % known first, stories without words last', async () => {
    await storyKnowing(1, 10, 20); // 50 %
    await storyKnowing(2, 97, 100); // 97 %, in the band
    await storyKnowing(3, 20, 20); // 100 %, too easy
    await storyKnowing(4, 90, 100); // 90 %
    await putStories([makeStory(5)]);
    const coverage = await loadCoverage();
    const summaries = (await db().storySummaries.toArray()).map((s) => ({ ...s }));
    const order = queryLibrary(summaries, { search: '', level: 'all', sort: 'best' }, coverage).map((s) => s.id);
    expect(order).toEqual([storyId(2), storyId(3), storyId(4), storyId(1), storyId(5)]);
    expect(queryLibrary([toSummary(makeStory(9))], { search: '', level: 'all', sort: 'best' })).toHaveLength(1);
  });

  it('a deleted story takes its word keys with it, undo brings them back, the learner’s words stay', async () => {
    await storyKnowing(1, 1, 2);
    const before = await dumpDb(db());
    const snapshot = await deleteStory(storyId(1), T0 + 1);
    expect(await db().storyWords.count()).toBe(0);
    expect(await db().words.count()).toBe(1);
    await restoreDeletedStory(snapshot!);
    expect(await dumpDb(db())).toEqual(before);
    await deleteAllStories(T0 + 2);
    expect(await db().storyWords.count()).toBe(0);
    expect(await db().words.count()).toBe(1);
  });
});
