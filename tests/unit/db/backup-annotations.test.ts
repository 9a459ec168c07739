import { describe, expect, it } from 'vitest';
import { getAnnotation, saveAnnotation } from '../../../src/db/annotations-repo';
import { applyImport, exportLibrary, exportLibraryFile, planLibraryImport } from '../../../src/db/backup-repo';
import { putStories } from '../../../src/db/stories-repo';
import type { ImportPlan, ReadyImportPlan } from '../../../src/domain/backup/plan-import';
import { dumpDb } from '../../support/fixtures/db-dump';
import { makeStory, storyId, T0 } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();

function ready(plan: ImportPlan): ReadyImportPlan {
  if (!plan.ok) throw new Error(plan.message);
  return plan;
}

/** Words for makeStory's sentences: 雨が降っています。 and 傘を持って出かけます。 */
const words = (id: string, updatedAt = T0) => ({
  storyId: id,
  segments: [
    [{ surface: '雨', reading: 'あめ', gloss: 'rain' }, { surface: 'が' }, { surface: '降っています', reading: 'ふっています' }, { surface: '。' }],
    null,
  ],
  updatedAt,
});

async function fileWithWords(): Promise<Record<string, unknown>> {
  await putStories([makeStory(1), makeStory(2)]);
  await saveAnnotation(words(storyId(1)));
  await saveAnnotation(words(storyId(2)));
  const file = JSON.parse((await exportLibraryFile(T0 + 10, '0.1.0')).text) as Record<string, unknown>;
  await db().stories.clear();
  await db().storySummaries.clear();
  await db().annotations.clear();
  return file;
}

describe('backups carry the stories’ words', () => {
  it('exports each story’s annotation and gives it back on a fresh device', async () => {
    const file = await fileWithWords();
    expect(file.annotations).toEqual([words(storyId(1)), words(storyId(2))]);
    const result = await applyImport(ready(await planLibraryImport(JSON.stringify(file), T0 + 20)), T0 + 20);
    expect(result).toMatchObject({ added: 2, annotations: 2 });
    expect(await getAnnotation(storyId(1))).toEqual(words(storyId(1)));
  });

  it('loads a backup made before annotations existed', async () => {
    const { annotations: _none, ...file } = await fileWithWords();
    const plan = ready(await planLibraryImport(JSON.stringify(file), T0 + 20));
    expect(plan).toMatchObject({ annotations: [], rejectedAnnotations: [], notes: [] });
    expect(await applyImport(plan, T0 + 20)).toMatchObject({ added: 2, annotations: 0 });
  });

  it('rejects a malformed entry with its reason and imports everything else', async () => {
    const file = await fileWithWords();
    const [first] = file.annotations as unknown[];
    file.annotations = [first, { ...words(storyId(2)), segments: [[{ surface: 42 }]] }];
    const plan = ready(await planLibraryImport(JSON.stringify(file), T0 + 20));
    expect(plan.rejectedAnnotations).toEqual([{ index: 1, reason: expect.stringContaining('entry 2 in “annotations”') }]);
    expect(plan.rejectedAnnotations[0]?.reason).toContain('segments.0.0.surface');
    expect(plan.notes).toEqual([plan.rejectedAnnotations[0]?.reason]);
    expect(plan.new.map((s) => s.id)).toEqual([storyId(1), storyId(2)]);
    expect(await applyImport(plan, T0 + 20)).toMatchObject({ added: 2, rejected: 0, annotations: 1 });
    expect(await getAnnotation(storyId(1))).toEqual(words(storyId(1)));
    expect(await getAnnotation(storyId(2))).toBeUndefined();
  });

  it('never rewinds newer words with an older file, so importing twice changes nothing', async () => {
    const file = await fileWithWords();
    await putStories([makeStory(1), makeStory(2)]);
    await saveAnnotation(words(storyId(1), T0 + 50));
    const plan = ready(await planLibraryImport(JSON.stringify(file), T0 + 60));
    expect(await applyImport(plan, T0 + 60)).toMatchObject({ annotations: 1 });
    const snapshot = await dumpDb(db());
    expect(await applyImport(ready(await planLibraryImport(JSON.stringify(file), T0 + 70)), T0 + 70)).toMatchObject({ annotations: 0 });
    expect(await dumpDb(db())).toEqual(snapshot);
    expect((await getAnnotation(storyId(1)))?.updatedAt).toBe(T0 + 50);
  });

  it('leaves out the words of a story no longer in the library', async () => {
    await putStories([makeStory(1)]);
    await db().annotations.put(words(storyId(7)));
    expect((await exportLibrary(T0)).annotations).toEqual([]);
  });
});
