import { describe, expect, it } from 'vitest';
import {
  acceptLegacyOffer, checkLegacyOffer, declineLegacyOffer, legacyKeyRemains, legacyOutcomeLines, removeLegacyKeyCopy,
} from '../../../src/app/legacy-offer';
import { getApiKey } from '../../../src/db/secrets-repo';
import { LEGACY_MIGRATION_KEY } from '../../../src/db/legacy-migration';
import { IMPORT_REFUSALS } from '../../../src/domain/backup/messages';
import { fakeStorage } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';
import { makeOldBackup } from '../../support/fixtures/old-app-backup';

const db = useTestDb();

function oldApp(withKey = true) {
  const backup = makeOldBackup(3);
  return fakeStorage({
    nihongo_stories: JSON.stringify(backup.stories),
    nihongo_progress: JSON.stringify(backup.progress),
    ...(withKey ? { nihongo_api_keys: JSON.stringify({ google: 'AIzaSyOld_0123456789' }) } : {}),
  });
}

describe('legacy offer', () => {
  it('asks only when the older app left data, and records that it asked', async () => {
    expect(await checkLegacyOffer(fakeStorage({}))).toMatchObject({ shouldOffer: false });
    expect(await db().syncState.get(LEGACY_MIGRATION_KEY)).toBeUndefined();
    expect(await checkLegacyOffer(oldApp())).toMatchObject({ shouldOffer: true, storyCount: 3, hasApiKey: true });
    expect((await db().syncState.get(LEGACY_MIGRATION_KEY))?.value).toMatchObject({ decision: 'offered' });
    expect(await checkLegacyOffer(null)).toBeNull();
  });

  it('"Never" stops the offer', async () => {
    await checkLegacyOffer(oldApp());
    await declineLegacyOffer();
    expect(await checkLegacyOffer(oldApp())).toMatchObject({ found: true, shouldOffer: false });
  });

  it('brings the stories over and says what happened, without showing the key', async () => {
    const outcome = await acceptLegacyOffer(oldApp());
    const lines = legacyOutcomeLines(outcome!);
    expect(lines[0]).toBe('Brought over 3 stories.');
    // Copied, not moved: the older app's copy is still in localStorage until the learner removes it.
    expect(lines).toContain('Your Gemini API key was copied to this app’s device-only key store. The older app’s copy is still in this browser.');
    expect(lines.join(' ')).not.toContain('moved');
    expect(lines.join(' ')).not.toContain('AIzaSyOld');
    expect(await checkLegacyOffer(oldApp())).toMatchObject({ shouldOffer: false });
  });

  it('passes on a refusal', async () => {
    const outcome = await acceptLegacyOffer(fakeStorage({ nihongo_stories: '{not json' }));
    expect(legacyOutcomeLines(outcome!)).toEqual([IMPORT_REFUSALS['legacy-stories-unreadable']]);
  });

  it('offers to remove the older app’s copy of the key once it was copied, and removes only that', async () => {
    const entries = new Map<string, string>([['nihongo_api_keys', JSON.stringify({ google: 'AIzaSyOld_0123456789', pollinations: 'p1' })]]);
    const storage = {
      getItem: (key: string) => entries.get(key) ?? null,
      setItem: (key: string, value: string) => void entries.set(key, value),
      removeItem: (key: string) => void entries.delete(key),
    };
    expect(legacyKeyRemains(await checkLegacyOffer(storage))).toBe(false);
    await acceptLegacyOffer(storage);
    expect(legacyKeyRemains(await checkLegacyOffer(storage))).toBe(true);

    expect(removeLegacyKeyCopy(storage)).toBe('The older app’s copy of your key was removed from this browser. This app still has its own.');
    expect(entries.get('nihongo_api_keys')).toBe(JSON.stringify({ pollinations: 'p1' }));
    expect(await getApiKey()).toBe('AIzaSyOld_0123456789');
    expect(legacyKeyRemains(await checkLegacyOffer(storage))).toBe(false);
    expect(removeLegacyKeyCopy(storage)).toBe('The older app had no copy of your key left in this browser.');
    expect(removeLegacyKeyCopy(null)).toMatch(/does not let the app/);
  });
});
