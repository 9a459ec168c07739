import { describe, expect, it } from 'vitest';
import { importSummaryLines } from '../../../src/app/data-portability';
import { applyImport, exportLibraryFile, planLibraryImport } from '../../../src/db/backup-repo';
import { deleteAllStories, deleteStory } from '../../../src/db/library-repo';
import { getProgress, saveProgress } from '../../../src/db/progress-repo';
import { loadSettings, saveSettings } from '../../../src/db/settings-repo';
import { putStories } from '../../../src/db/stories-repo';
import type { ImportPlan, ReadyImportPlan } from '../../../src/domain/backup/plan-import';
import { DEFAULT_SETTINGS } from '../../../src/domain/default-settings';
import { restoredId } from '../../../src/domain/ids';
import { dumpDb } from '../../support/fixtures/db-dump';
import { makeProgress, makeStory, storyId, T0 } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';

/** Trust boundaries at the database: restored stories, and settings a file must never set (issue 10). */
const db = useTestDb();

function ready(plan: ImportPlan): ReadyImportPlan {
  if (!plan.ok) throw new Error(plan.message);
  return plan;
}

async function importText(text: string, now: number) {
  return applyImport(ready(await planLibraryImport(text, now)), now);
}

describe('a story deleted here and restored from a backup', () => {
  it('comes back as a new copy that the next sync will not delete, and a second import changes nothing', async () => {
    await putStories([makeStory(1), makeStory(2)]);
    await saveProgress(makeProgress(storyId(1)));
    const { text } = await exportLibraryFile(T0 + 10);
    await deleteStory(storyId(1), T0 + 20);

    const first = await importText(text, T0 + 30);
    expect(first).toMatchObject({ added: 1, restored: 1, alreadyPresent: 1, progress: 1 });
    const copyId = restoredId(storyId(1), T0 + 20);
    expect(await db().stories.get(copyId)).toEqual({ ...makeStory(1), id: copyId, restoredFrom: storyId(1) });
    expect((await getProgress(copyId))?.percent).toBe(40);
    // The deletion stands (it is final on the server), so the old id stays deleted here too.
    expect(await db().stories.get(storyId(1))).toBeUndefined();
    expect(await db().tombstones.get(storyId(1))).toMatchObject({ deletedAt: T0 + 20 });
    expect(importSummaryLines(first).join(' ')).toContain('1 story you had deleted was restored as a new copy');

    const snapshot = await dumpDb(db());
    const second = await importText(text, T0 + 40);
    expect(second).toMatchObject({ added: 0, restored: 0, alreadyPresent: 2, progress: 0, settingsChanged: false });
    expect(await dumpDb(db())).toEqual(snapshot);
  });

  it('follows a copy that was deleted again to a newer copy', async () => {
    await putStories([makeStory(1)]);
    const { text } = await exportLibraryFile(T0 + 10);
    await deleteAllStories(T0 + 20);
    await importText(text, T0 + 30);
    await deleteAllStories(T0 + 40);
    const result = await importText(text, T0 + 50);
    expect(result).toMatchObject({ added: 1, restored: 1 });
    const again = restoredId(restoredId(storyId(1), T0 + 20), T0 + 40);
    expect((await db().stories.toArray()).map((s) => [s.id, s.restoredFrom])).toEqual([[again, storyId(1)]]);
  });
});

describe('device settings and a backup file', () => {
  const stranger = { geminiBaseUrl: 'https://stranger.example', supabaseUrl: 'https://stranger.supabase.co', supabaseAnonKey: 'theirs' };

  it('are not exported', async () => {
    await saveSettings({ geminiBaseUrl: 'http://127.0.0.1:9', supabaseUrl: 'https://mine.supabase.co', supabaseAnonKey: 'mine' }, T0);
    const { text } = await exportLibraryFile(T0);
    for (const value of ['127.0.0.1:9', 'mine.supabase.co', '"mine"', 'geminiBaseUrl', 'supabaseUrl', 'supabaseAnonKey']) {
      expect(text).not.toContain(value);
    }
  });

  it('are never applied by an import, even from a plan that carries them', async () => {
    await saveSettings({ geminiBaseUrl: 'http://127.0.0.1:9' }, T0);
    const file = JSON.parse((await exportLibraryFile(T0)).text);
    file.settings = { ...file.settings, ...stranger, theme: 'dark' };
    const plan = ready(await planLibraryImport(JSON.stringify(file), T0 + 1));
    const result = await applyImport({ ...plan, settings: { ...plan.settings, ...stranger } }, T0 + 1);
    expect(result.settingsChanged).toBe(true);
    expect(await loadSettings()).toMatchObject({ theme: 'dark', geminiBaseUrl: 'http://127.0.0.1:9', supabaseUrl: '', supabaseAnonKey: '' });
  });

  it('fall back to safe values when the stored endpoint breaks the rule', async () => {
    await db().settings.put({ key: 'app', value: { ...DEFAULT_SETTINGS, geminiBaseUrl: 'http://stranger.example', supabaseUrl: 'http://stranger.example' } });
    expect(await loadSettings()).toMatchObject({ geminiBaseUrl: DEFAULT_SETTINGS.geminiBaseUrl, supabaseUrl: '' });
  });
});
