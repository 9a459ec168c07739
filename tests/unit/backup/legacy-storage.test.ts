import { describe, expect, it } from 'vitest';
import { planLegacyStorage, readLegacyLocalStorage } from '../../../src/domain/backup/legacy-storage';
import { fakeStorage } from '../../support/fixtures/library';
import { makeOldBackup } from '../../support/fixtures/old-app-backup';

const KEY = 'AIzaSyLegacyKey0123456789';

function oldAppStorage(theme = '"dark"') {
  const backup = makeOldBackup(3);
  return fakeStorage({
    nihongo_stories: JSON.stringify(backup.stories),
    nihongo_progress: JSON.stringify(backup.progress),
    nihongo_settings: JSON.stringify(backup.settings),
    nihongo_theme: theme,
    nihongo_api_keys: JSON.stringify({ google: ` ${KEY} `, pollinations: 'poll' }),
  });
}

describe('readLegacyLocalStorage', () => {
  it('reads all five keys, keeping the Google key apart from the data', () => {
    const data = readLegacyLocalStorage(oldAppStorage());
    expect(data.found).toHaveLength(5);
    expect(data.unreadable).toEqual([]);
    expect(data.backup.stories).toHaveLength(3);
    expect(data.backup.theme).toBe('dark');
    expect(data.googleApiKey).toBe(KEY);
    expect(JSON.stringify(data.backup)).not.toContain(KEY);
  });

  it('reads the theme written raw as well as JSON-encoded', () => {
    expect(readLegacyLocalStorage(oldAppStorage('light')).backup.theme).toBe('light');
  });

  it('finds nothing on a clean origin', () => {
    const data = readLegacyLocalStorage(fakeStorage({}));
    expect(data).toEqual({
      found: [],
      unreadable: [],
      backup: { stories: [], progress: undefined, settings: undefined, theme: undefined },
      googleApiKey: null,
    });
  });

  it('lists values it cannot read', () => {
    const data = readLegacyLocalStorage(fakeStorage({ nihongo_stories: '{"a":1}', nihongo_progress: '{oops' }));
    expect(data.unreadable).toEqual(['nihongo_stories', 'nihongo_progress']);
  });
});

describe('planLegacyStorage', () => {
  it('plans the stories, progress and settings, never the key', () => {
    const plan = planLegacyStorage(readLegacyLocalStorage(oldAppStorage()), { ids: new Set() }, 0);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.source).toBe('legacy-storage');
    expect(plan.new).toHaveLength(3);
    expect(plan.progress).toHaveLength(1);
    expect(plan.settings).toMatchObject({ theme: 'dark', fontSize: 'large' });
    expect(JSON.stringify(plan)).not.toContain(KEY);
  });

  it('refuses when the stories cannot be read, and notes other unreadable keys', () => {
    const bad = readLegacyLocalStorage(fakeStorage({ nihongo_stories: 'not json' }));
    expect(planLegacyStorage(bad, { ids: new Set() }, 0)).toMatchObject({ ok: false, code: 'legacy-stories-unreadable' });
    const partly = readLegacyLocalStorage(fakeStorage({ nihongo_stories: '[]', nihongo_settings: '{' }));
    const plan = planLegacyStorage(partly, { ids: new Set() }, 0);
    expect(plan.ok && plan.notes).toEqual(["The older app's “nihongo_settings” data could not be read and was skipped."]);
  });
});
