import { describe, expect, it } from 'vitest';
import { exportLibraryFile } from '../../../src/db/backup-repo';
import {
  declineLegacyMigration,
  LEGACY_MIGRATION_KEY,
  legacyMigrationStatus,
  markLegacyMigrationOffered,
  migrateLegacyLocalStorage,
} from '../../../src/db/legacy-migration';
import { getApiKey, setApiKey } from '../../../src/db/secrets-repo';
import { loadSettings } from '../../../src/db/settings-repo';
import { idFromLegacy } from '../../../src/domain/ids';
import { dumpDb } from '../../support/fixtures/db-dump';
import { fakeStorage, T0 } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';
import { makeOldBackup, oldStoryId } from '../../support/fixtures/old-app-backup';

const db = useTestDb();
const KEY = 'AIzaSyOldAppKey_abcdefghijklmnop';

function oldAppStorage(entries: Record<string, string> = {}) {
  const backup = makeOldBackup(4);
  return fakeStorage({
    nihongo_stories: JSON.stringify(backup.stories),
    nihongo_progress: JSON.stringify(backup.progress),
    nihongo_settings: JSON.stringify(backup.settings),
    nihongo_theme: 'dark',
    nihongo_api_keys: JSON.stringify({ google: KEY, pollinations: '' }),
    ...entries,
  });
}

describe('legacyMigrationStatus', () => {
  it('offers nothing on an origin without the older app', async () => {
    expect(await legacyMigrationStatus(fakeStorage({}))).toMatchObject({ found: false, shouldOffer: false });
  });

  it('offers once: until the learner migrates or declines', async () => {
    const storage = oldAppStorage();
    expect(await legacyMigrationStatus(storage)).toEqual({
      found: true,
      decision: null,
      shouldOffer: true,
      storyCount: 4,
      hasApiKey: true,
    });
    await markLegacyMigrationOffered(T0);
    expect(await legacyMigrationStatus(storage)).toMatchObject({ decision: 'offered', shouldOffer: true });
    await declineLegacyMigration(T0 + 1);
    expect(await legacyMigrationStatus(storage)).toMatchObject({ decision: 'declined', shouldOffer: false });
    await markLegacyMigrationOffered(T0 + 2);
    expect(await db().syncState.get(LEGACY_MIGRATION_KEY)).toEqual({
      key: LEGACY_MIGRATION_KEY,
      value: { decision: 'declined', at: T0 + 1 },
    });
  });
});

describe('migrateLegacyLocalStorage', () => {
  it('imports the library, puts the key into secrets only, and records the decision', async () => {
    const storage = oldAppStorage();
    const { plan, result, apiKey } = await migrateLegacyLocalStorage(storage, T0);
    expect(result).toMatchObject({ added: 4, progress: 2, settingsChanged: true });
    expect(apiKey).toBe('imported');
    expect(await getApiKey()).toBe(KEY);
    expect(JSON.stringify(plan)).not.toContain(KEY);
    expect(await db().stories.get(idFromLegacy(oldStoryId(1)))).toMatchObject({ legacyId: oldStoryId(1) });
    expect(await loadSettings()).toMatchObject({ theme: 'dark', fontSize: 'large' });
    expect(await legacyMigrationStatus(storage)).toMatchObject({ decision: 'done', shouldOffer: false });
    expect((await exportLibraryFile(T0)).text).not.toContain(KEY);
  });

  it('running it again changes nothing', async () => {
    const storage = oldAppStorage();
    await migrateLegacyLocalStorage(storage, T0);
    const snapshot = await dumpDb(db());
    const again = await migrateLegacyLocalStorage(storage, T0);
    expect(again.result).toMatchObject({ added: 0, alreadyPresent: 4, progress: 0, settingsChanged: false });
    expect(await dumpDb(db())).toEqual(snapshot);
  });

  it('keeps a key the learner already entered in this app', async () => {
    await setApiKey('AIzaSyNewerKeyTheLearnerTyped', T0);
    const { apiKey } = await migrateLegacyLocalStorage(oldAppStorage(), T0);
    expect(apiKey).toBe('kept-existing');
    expect(await getApiKey()).toBe('AIzaSyNewerKeyTheLearnerTyped');
  });

  it('changes nothing and records nothing when the stories cannot be read', async () => {
    const before = await dumpDb(db());
    const { plan, result } = await migrateLegacyLocalStorage(oldAppStorage({ nihongo_stories: '[{' }), T0);
    expect(plan).toMatchObject({ ok: false, code: 'legacy-stories-unreadable' });
    expect(result).toBeNull();
    expect(await dumpDb(db())).toEqual(before);
  });
});
