import { describe, expect, it } from 'vitest';
import { seedSamplesOnce, seedSampleWordsOnce } from '../../../src/app/seed';
import { getDb } from '../../../src/db/database';
import { getWord, knownWordKeys, markStoryKnown, setWordState, undoWordChanges, wordStates, writeStoryWordsIn } from '../../../src/db/words-repo';
import { SAMPLE_ANNOTATIONS } from '../../../src/domain/samples/sample-annotations';
import { makeWordKey } from '../../../src/domain/words';
import { storyWordKeys } from '../../../src/domain/words-coverage';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();
const STORY = '22222222-2222-4222-8222-222222222222';
const CAT = makeWordKey('猫', 'ねこ');
const DOG = makeWordKey('犬', 'いぬ');
const EAT = makeWordKey('食べる', 'たべる');
const here = (at: number, segment = 1) => ({ storyId: STORY, segment, at });

async function storeStory(): Promise<void> {
  const segments = [
    [{ surface: '猫', reading: 'ねこ', pos: 'noun' }, { surface: 'が', pos: 'particle' }, { surface: '犬', reading: 'いぬ', pos: 'noun' }],
    [{ surface: '食べた', reading: 'たべた', base: '食べる', baseReading: 'たべる', pos: 'verb' }],
  ];
  await getDb().annotations.put({ storyId: STORY, segments, updatedAt: 1 });
  await writeStoryWordsIn(getDb(), { storyId: STORY, segments });
}

describe('words repo', () => {
  it('sets a word’s state, records where it was first met, and undoes the change', async () => {
    const first = await setWordState(CAT, 'learning', here(10, 2));
    expect(first.previous).toBeUndefined();
    const second = await setWordState(CAT, 'known', here(20, 5));
    expect(second.previous?.state).toBe('learning');
    expect(await getWord(CAT)).toMatchObject({ key: CAT, base: '猫', reading: 'ねこ', state: 'known', firstSeen: here(10, 2), updatedAt: 20 });

    await undoWordChanges([second], 30);
    expect(await getWord(CAT)).toMatchObject({ state: 'learning', firstSeen: here(10, 2), updatedAt: 30 });
    await undoWordChanges([first], 40);
    // Back to new, as a newer change (so it wins a sync too), still remembering where it was met.
    expect(await getWord(CAT)).toMatchObject({ state: 'new', firstSeen: here(10, 2), updatedAt: 40 });
    expect(await knownWordKeys()).toEqual(new Set());
  });

  it('marks the rest of a story’s words known, leaving learning words alone, and undoes it', async () => {
    await storeStory();
    await setWordState(DOG, 'learning', here(5));
    const changes = await markStoryKnown(STORY, 100);
    expect(changes.map((c) => c.key)).toEqual([CAT, EAT]);
    expect(await wordStates()).toEqual(new Map([[CAT, 'known'], [DOG, 'learning'], [EAT, 'known']]));
    expect((await getWord(EAT))?.firstSeen).toEqual({ storyId: STORY, segment: 1, at: 100 });
    expect(await markStoryKnown(STORY, 110)).toEqual([]);

    await undoWordChanges(changes, 120);
    expect(await knownWordKeys()).toEqual(new Set());
    expect(await wordStates()).toEqual(new Map([[CAT, 'new'], [DOG, 'learning'], [EAT, 'new']]));
  });

  it('marks nothing for a story without words', async () => {
    expect(await markStoryKnown(STORY, 1)).toEqual([]);
    expect(await db().words.count()).toBe(0);
  });

  it('stores the samples’ words when the samples are seeded', async () => {
    await seedSamplesOnce();
    await seedSampleWordsOnce();
    expect(await db().storyWords.toArray()).toEqual(expect.arrayContaining(SAMPLE_ANNOTATIONS.map(storyWordKeys)));
  });
});
