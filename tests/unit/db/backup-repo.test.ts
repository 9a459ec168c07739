import { describe, expect, it } from 'vitest';
import { applyImport, exportLibrary, exportLibraryFile, planLibraryImport } from '../../../src/db/backup-repo';
import { getProgress, saveProgress } from '../../../src/db/progress-repo';
import { setApiKey } from '../../../src/db/secrets-repo';
import { loadSettings, saveSettings } from '../../../src/db/settings-repo';
import { putStories } from '../../../src/db/stories-repo';
import type { ImportPlan, ReadyImportPlan } from '../../../src/domain/backup/plan-import';
import { DEFAULT_SETTINGS } from '../../../src/domain/default-settings';
import { idFromLegacy } from '../../../src/domain/ids';
import { countRows, dumpDb } from '../../support/fixtures/db-dump';
import { makeMedia, makeProgress, makeStory, storyId, T0 } from '../../support/fixtures/library';
import { makeOldBackup, oldStoryId } from '../../support/fixtures/old-app-backup';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();

function ready(plan: ImportPlan): ReadyImportPlan {
  if (!plan.ok) throw new Error(plan.message);
  return plan;
}

async function importText(text: string, now = T0) {
  return applyImport(ready(await planLibraryImport(text, now)), now);
}

async function seedLibrary(): Promise<void> {
  await putStories([makeStory(1), makeStory(2, { level: 'Advanced', source: 'imported', legacyId: 'gen-1' })]);
  await saveProgress(makeProgress(storyId(1)));
  await saveSettings({ theme: 'dark', fontSize: 'large', viewMode: 'side-by-side' }, T0);
  await db().media.put(makeMedia(storyId(1), 'audio', 0, 64));
}

describe('export then import of our own file', () => {
  it('gives back the same library on a fresh device', async () => {
    await seedLibrary();
    const { text } = await exportLibraryFile(T0 + 10, '0.1.0');
    const before = await dumpDb(db());
    for (const table of [db().stories, db().storySummaries, db().progress, db().media, db().settings]) await table.clear();

    const result = await importText(text, T0 + 30);
    expect(result).toEqual({ added: 2, alreadyPresent: 0, restored: 0, rejected: 0, progress: 1, settingsChanged: true, annotations: 0, words: 0, reviews: 0, readingDays: 0 });
    const after = await dumpDb(db());
    for (const table of ['stories', 'storySummaries', 'progress', 'tombstones'] as const) {
      expect(after[table], table).toEqual(before[table]);
    }
    // Media blobs are device-local and not part of a backup; settings come back with a new stamp.
    expect(after.media).toEqual([]);
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, ...(await exportLibrary(T0)).settings, updatedAt: T0 + 30 });
  });

  it('changes nothing when the same file is imported twice', async () => {
    const text = JSON.stringify(makeOldBackup(8));
    const first = await importText(text);
    expect(first).toMatchObject({ added: 8, alreadyPresent: 0, progress: 3, settingsChanged: true });
    const snapshot = await dumpDb(db());
    const second = await importText(text, T0 + 999);
    expect(second).toEqual({ added: 0, alreadyPresent: 8, restored: 0, rejected: 0, progress: 0, settingsChanged: false, annotations: 0, words: 0, reviews: 0, readingDays: 0 });
    expect(await dumpDb(db())).toEqual(snapshot);
  });

  it('plans nothing to do for the same file the second time: no reading positions to "update"', async () => {
    const text = JSON.stringify(makeOldBackup(8));
    expect(ready(await planLibraryImport(text, T0)).progress).toHaveLength(3);
    await importText(text);
    const again = ready(await planLibraryImport(text, T0 + 999));
    expect({ new: again.new.length, progress: again.progress.length }).toEqual({ new: 0, progress: 0 });
  });
});

describe('applyImport', () => {
  it('re-checks presence inside the transaction', async () => {
    const plan = ready(await planLibraryImport(JSON.stringify(makeOldBackup(2))));
    const meanwhile = { ...plan.new[0]!, titleEN: 'written meanwhile by another tab' };
    await putStories([meanwhile]);
    const result = await applyImport(plan, T0);
    expect(result).toMatchObject({ added: 1, alreadyPresent: 1 });
    expect((await db().stories.get(meanwhile.id))?.titleEN).toBe('written meanwhile by another tab');
  });

  it('never rewinds newer reading progress', async () => {
    const text = JSON.stringify(makeOldBackup(1));
    await importText(text);
    const id = idFromLegacy(oldStoryId(0));
    const newer = makeProgress(id, { percent: 10, completed: false, updatedAt: Date.now() });
    await saveProgress(newer);
    await applyImport(ready(await planLibraryImport(text)), T0);
    expect(await getProgress(id)).toEqual(newer);
  });

  it('writes nothing for a plan of only rejected stories', async () => {
    const before = countRows(await dumpDb(db()));
    const result = await importText(JSON.stringify({ stories: [{ titleJP: 'x' }] }));
    expect(result).toMatchObject({ added: 0, rejected: 1, settingsChanged: false });
    expect(countRows(await dumpDb(db()))).toEqual(before);
  });
});

describe('exportLibrary', () => {
  it('never contains the API key', async () => {
    await seedLibrary();
    const key = 'AIzaSyExportMustNotLeak0000';
    await setApiKey(key);
    await db().secrets.put({ key: 'supabaseSession', value: '{"refresh_token":"rt-secret"}', updatedAt: T0 });
    const { text, fileName } = await exportLibraryFile(T0);
    expect(fileName).toBe('nihongo-monogatari-backup-2025-01-15.json');
    expect(text).not.toContain(key);
    expect(text).not.toContain('rt-secret');
  });

  it('holds stories, progress and settings', async () => {
    await seedLibrary();
    const backup = await exportLibrary(T0, '1.2.3');
    expect(backup.app.version).toBe('1.2.3');
    expect(backup.stories.map((s) => s.id).sort()).toEqual([storyId(1), storyId(2)]);
    expect(backup.progress).toEqual([makeProgress(storyId(1))]);
    expect(backup.settings).toMatchObject({ theme: 'dark', fontSize: 'large', viewMode: 'side-by-side' });
  });
});
