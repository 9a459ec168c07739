import { describe, expect, it } from 'vitest';
import { fitFor, fitLine, storyFit } from '../../../src/app/story-fit';
import { getDb } from '../../../src/db/database';
import { recentWordRefs, setWordState, writeStoryWordsIn } from '../../../src/db/words-repo';
import { makeWordKey } from '../../../src/domain/words';
import { knownWords, storyWordKeys } from '../../../src/domain/words-coverage';
import { enqueue } from '../../../src/jobs/enqueue';
import { useTestDb } from '../../support/test-db';

useTestDb();

/** A story of five running words: 猫 twice, 犬, 食べた (食べる), 公園; は and が are not counted. */
const segments = [
  [{ surface: '猫', reading: 'ねこ', pos: 'noun' }, { surface: 'は', pos: 'particle' }, { surface: '犬', reading: 'いぬ', pos: 'noun' }],
  [{ surface: '猫', reading: 'ねこ', pos: 'noun' }, { surface: 'が', pos: 'particle' }, { surface: '食べた', reading: 'たべた', base: '食べる', baseReading: 'たべる', pos: 'verb' }],
  [{ surface: '公園', reading: 'こうえん', pos: 'noun' }],
];
const here = (at: number) => ({ storyId: '22222222-2222-4222-8222-222222222222', segment: 0, at });

describe('story fit', () => {
  it('counts the asked learning words the story uses, by word key, and the known share of running words', () => {
    const words = storyWordKeys({ storyId: 's', segments });
    const asked = [{ base: '食べる', reading: 'たべる' }, { base: '猫', reading: 'ネコ' }, { base: '雨', reading: 'あめ' }];
    const known = knownWords([makeWordKey('猫', 'ねこ'), makeWordKey('公園', 'こうえん')]);
    const fit = storyFit(words, { learningWords: asked, knownTarget: 0.95 }, known);
    // 食べた counts as 食べる; the katakana reading is the same key; 雨 is not in the story.
    expect(fit.learning).toEqual({ used: 2, asked: 3 });
    expect(fit.knownShare).toBeCloseTo(3 / 5);
    expect(fit.knownTarget).toBe(0.95);
    expect(fitLine(fit)).toBe('Used 2 of your 3 learning words · 60 % known for you');
    expect(fitLine(storyFit(words, null, knownWords([])))).toBe('0 % known for you');
    expect(fitLine({ learning: { used: 1, asked: 1 }, knownShare: 0.996 })).toBe('Used 1 of your 1 learning word · 99 % known for you');
  });

  it('fitFor reads the request from the story job and the learner as they are now; null until the words exist', async () => {
    const { id } = await enqueue('story', { topic: 'Cats', level: 'N5', length: 'short', learningWords: [{ base: '猫', reading: 'ねこ' }, { base: '犬', reading: 'いぬ' }] });
    expect(await fitFor(id)).toBeNull();
    await writeStoryWordsIn(getDb(), { storyId: id, segments });
    expect(await fitFor(id)).toEqual({ learning: { used: 2, asked: 2 }, knownShare: 0 });
    await setWordState(makeWordKey('猫', 'ねこ'), 'known', here(1));
    expect((await fitFor(id))?.knownShare).toBeCloseTo(2 / 5);
    // The job dismissed and pruned: the story still has its known share.
    await getDb().jobs.delete(id);
    expect(await fitFor(id)).toEqual({ learning: null, knownShare: 2 / 5 });
  });

  it('recentWordRefs gives one state’s words, most recently set first, up to the limit', async () => {
    await setWordState(makeWordKey('猫', 'ねこ'), 'learning', here(1));
    await setWordState(makeWordKey('犬', 'いぬ'), 'known', here(2));
    await setWordState(makeWordKey('雨', 'あめ'), 'learning', here(3));
    await setWordState(makeWordKey('木', 'き'), 'learning', here(4));
    await setWordState(makeWordKey('あ'.repeat(30), ''), 'learning', here(5));
    // Key-shaped (AIza + 8, short enough to fit): left out, or every story request would refuse itself.
    await setWordState(makeWordKey('AIzaAbCdEfGh', ''), 'learning', here(6));
    expect(await recentWordRefs('learning', 2)).toEqual([{ base: '木', reading: 'き' }, { base: '雨', reading: 'あめ' }]);
    expect(await recentWordRefs('known', 100)).toEqual([{ base: '犬', reading: 'いぬ' }]);
  });
});
