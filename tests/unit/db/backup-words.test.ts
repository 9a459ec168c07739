import { describe, expect, it } from 'vitest';
import { saveAnnotation } from '../../../src/db/annotations-repo';
import { applyImport, exportLibraryFile, planLibraryImport } from '../../../src/db/backup-repo';
import { putStories } from '../../../src/db/stories-repo';
import { getWord, setWordState } from '../../../src/db/words-repo';
import type { ImportPlan, ReadyImportPlan } from '../../../src/domain/backup/plan-import';
import { makeWordKey, type WordEntry } from '../../../src/domain/words';
import { storyWordKeys } from '../../../src/domain/words-coverage';
import { dumpDb } from '../../support/fixtures/db-dump';
import { makeStory, storyId, T0 } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();
const RAIN = makeWordKey('雨', 'あめ');
const UMBRELLA = makeWordKey('傘', 'かさ');

function ready(plan: ImportPlan): ReadyImportPlan {
  if (!plan.ok) throw new Error(plan.message);
  return plan;
}

/** A library with one story, two words set, exported; then the device is emptied. */
async function exportedFile(): Promise<Record<string, unknown>> {
  await putStories([makeStory(1)]);
  await setWordState(RAIN, 'known', { storyId: storyId(1), segment: 0, at: T0 });
  await setWordState(UMBRELLA, 'learning', { storyId: storyId(1), segment: 1, at: T0 + 1 });
  const file = JSON.parse((await exportLibraryFile(T0 + 10, '0.1.0')).text) as Record<string, unknown>;
  await Promise.all(db().tables.map((t) => t.clear()));
  return file;
}

describe('backups carry what the learner knows', () => {
  it('exports every word and gives it back on a fresh device', async () => {
    const file = await exportedFile();
    expect((file.words as WordEntry[]).map((w) => [w.key, w.state])).toEqual([[UMBRELLA, 'learning'], [RAIN, 'known']].sort());
    const result = await applyImport(ready(await planLibraryImport(JSON.stringify(file), T0 + 20)), T0 + 20);
    expect(result).toMatchObject({ added: 1, words: 2 });
    expect(await getWord(RAIN)).toEqual({ key: RAIN, base: '雨', reading: 'あめ', state: 'known', firstSeen: { storyId: storyId(1), segment: 0, at: T0 }, updatedAt: T0 });
  });

  it('keeps the newer entry: an old file never takes back a word learned since', async () => {
    const file = await exportedFile();
    await setWordState(RAIN, 'learning', { storyId: storyId(1), segment: 0, at: T0 + 50 });
    const plan = ready(await planLibraryImport(JSON.stringify(file), T0 + 60));
    expect(plan.words.map((w) => w.key)).toEqual([UMBRELLA]);
    await applyImport(plan, T0 + 60);
    expect((await getWord(RAIN))?.state).toBe('learning');
    expect((await getWord(UMBRELLA))?.state).toBe('learning');
  });

  it('rejects a malformed entry with its reason and changes nothing else', async () => {
    const file = await exportedFile();
    const [first, second] = file.words as WordEntry[];
    file.words = [first, { ...second, state: 'mastered' }, { ...second, key: 'x'.repeat(700) }];
    const plan = ready(await planLibraryImport(JSON.stringify(file), T0 + 20));
    expect(plan.rejectedWords).toEqual([
      { index: 1, reason: expect.stringMatching(/^Entry 2 in “words” was skipped \(state: /) },
      { index: 2, reason: expect.stringMatching(/^Entry 3 in “words” was skipped \(key: /) },
    ]);
    expect(plan.notes).toEqual(plan.rejectedWords.map((r) => r.reason));
    expect(plan.words).toEqual([first]);
    await applyImport(plan, T0 + 20);
    expect(await db().words.toArray()).toEqual([first]);
    expect(await db().stories.count()).toBe(1);
  });

  it('skips a words list that is not a list, and loads a file made before the words store', async () => {
    const file = await exportedFile();
    const plan = ready(await planLibraryImport(JSON.stringify({ ...file, words: { a: 1 } }), T0 + 20));
    expect(plan.rejectedWords).toEqual([{ index: -1, reason: expect.stringContaining('not a list') }]);
    const { words: _none, ...older } = file;
    const before = await dumpDb(db());
    const olderPlan = ready(await planLibraryImport(JSON.stringify(older), T0 + 20));
    expect(olderPlan).toMatchObject({ words: [], rejectedWords: [], notes: [] });
    expect(await dumpDb(db())).toEqual(before);
    expect(await applyImport(olderPlan, T0 + 20)).toMatchObject({ added: 1, words: 0 });
  });

  it('gives an imported story its word keys, so the Library shows its coverage at once', async () => {
    await putStories([makeStory(1)]);
    const segments = [[{ surface: '雨', reading: 'あめ', pos: 'noun' }, { surface: 'が' }, { surface: '降っています' }, { surface: '。' }], null];
    await saveAnnotation({ storyId: storyId(1), segments, updatedAt: T0 });
    const file = JSON.parse((await exportLibraryFile(T0 + 10, '0.1.0')).text) as Record<string, unknown>;
    await Promise.all(db().tables.map((t) => t.clear()));
    await applyImport(ready(await planLibraryImport(JSON.stringify(file), T0 + 20)), T0 + 20);
    const stored = await db().storyWords.get(storyId(1));
    expect(stored).toEqual(storyWordKeys({ storyId: storyId(1), segments }));
    expect(stored?.total).toBe(2);
  });
});
