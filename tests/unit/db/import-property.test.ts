import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyImport, exportLibraryFile, planLibraryImport } from '../../../src/db/backup-repo';
import { saveProgress } from '../../../src/db/progress-repo';
import { setApiKey } from '../../../src/db/secrets-repo';
import { saveSettings } from '../../../src/db/settings-repo';
import { putStories } from '../../../src/db/stories-repo';
import { dumpDb } from '../../support/fixtures/db-dump';
import { makeMedia, makeProgress, makeStory, storyId, T0 } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';
import { makeOldBackup } from '../../support/fixtures/old-app-backup';

/**
 * Property: a file that is not a backup as a whole never changes the database. Whatever the planner
 * says, the test also applies any plan it returns, so a planner that wrongly accepted such a file
 * would show up as a changed table, not just as a wrong flag.
 */
const db = useTestDb();

const isBackupShaped = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Array.isArray((value as { stories?: unknown }).stories);

const notAList = fc.jsonValue().filter((v) => !Array.isArray(v) && v !== null);

/** Our own export of a different library, so that accepting it by mistake would add stories. */
const OWN_TEXT = JSON.stringify({
  format: 'nihongo-monogatari-backup',
  formatVersion: 1,
  exportedAt: new Date(T0).toISOString(),
  app: { version: 'test' },
  stories: [makeStory(50), makeStory(51)],
  progress: [makeProgress(storyId(50))],
  settings: { theme: 'dark' },
});

/** Valid backups (older app's and our own) to break. */
function validBackups(ownText: string): Record<string, unknown>[] {
  return [makeOldBackup(3) as unknown as Record<string, unknown>, JSON.parse(ownText) as Record<string, unknown>];
}

function malformedFiles(ownText: string): fc.Arbitrary<string> {
  const backup = fc.constantFrom(...validBackups(ownText));
  return fc.oneof(
    // Arbitrary text: almost never JSON at all.
    fc.string(),
    // Arbitrary JSON that is not an object holding a stories list.
    fc.jsonValue().filter((v) => !isBackupShaped(v)).map((v) => JSON.stringify(v)),
    // A valid backup cut short (a broken download).
    fc.tuple(backup, fc.double({ min: 0, max: 0.999, noNaN: true })).map(([b, f]) => {
      const text = JSON.stringify(b);
      return text.slice(0, Math.floor(text.length * f));
    }),
    // A valid backup that is no longer an object: its stories alone, or a scalar.
    backup.map((b) => JSON.stringify(b.stories)),
    // A valid backup whose stories entry is missing or is not a list.
    backup.map(({ stories: _s, ...rest }) => JSON.stringify(rest)),
    fc.tuple(backup, notAList).map(([b, stories]) => JSON.stringify({ ...b, stories })),
    // Our own format from a future version.
    fc.integer({ min: 2, max: 1000 }).map((v) => JSON.stringify({ ...JSON.parse(ownText), formatVersion: v })),
  );
}

async function seed(): Promise<void> {
  await putStories([makeStory(1), makeStory(2, { level: 'N1' })]);
  await saveProgress(makeProgress(storyId(1)));
  await saveSettings({ theme: 'light', fontSize: 'small' }, T0);
  await setApiKey('AIzaSyProperty', T0);
  await db().media.put(makeMedia(storyId(2), 'image', -1, 32));
}

describe('import of malformed files', () => {
  it('never changes the database', async () => {
    await seed();
    const before = await dumpDb(db());
    await fc.assert(
      fc.asyncProperty(malformedFiles(OWN_TEXT), async (text) => {
        const plan = await planLibraryImport(text, T0 + 1);
        if (plan.ok) await applyImport(plan, T0 + 1);
        expect(plan.ok).toBe(false);
        expect(await dumpDb(db())).toEqual(before);
      }),
      { numRuns: 200 },
    );
    // 200 full database dumps: ~3 s alone, more on a loaded 2-core machine.
  }, 30_000);

  it('starts from files that do import', async () => {
    for (const text of [OWN_TEXT, JSON.stringify(makeOldBackup(3)), (await exportLibraryFile(T0)).text]) {
      const plan = await planLibraryImport(text);
      expect(plan.ok && plan.rejected).toEqual([]);
    }
  });
});
