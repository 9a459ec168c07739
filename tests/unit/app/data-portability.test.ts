import { describe, expect, it } from 'vitest';
import { describeSettingsChanges, importFailureMessage, importSummaryLines, planImportFile } from '../../../src/app/data-portability';
import { IMPORT_REFUSALS } from '../../../src/domain/backup/messages';
import { DEFAULT_SETTINGS } from '../../../src/domain/default-settings';
import { mintFakeGoogleKey } from '../../support/fake-key';

describe('describeSettingsChanges', () => {
  it('lists only the preferences that would change, in words', () => {
    const patch = { theme: 'dark', fontSize: 'medium', viewMode: 'side-by-side', showFurigana: false, playbackSpeed: 1.25 } as const;
    expect(describeSettingsChanges(patch, DEFAULT_SETTINGS)).toEqual([
      'Theme: Dark',
      'Layout: Side by side',
      'Furigana: off',
      'Narration speed: 1.25',
    ]);
  });

  it('names the furigana mode and the learning highlight (issue 14)', () => {
    expect(describeSettingsChanges({ furiganaMode: 'unknown', highlightLearning: false }, DEFAULT_SETTINGS)).toEqual([
      'Furigana over: Words not known',
      'Highlight words you are learning: off',
    ]);
  });

  it('says nothing for no settings, equal settings, or fields it has no words for', () => {
    expect(describeSettingsChanges(null, DEFAULT_SETTINGS)).toEqual([]);
    expect(describeSettingsChanges({ ...DEFAULT_SETTINGS, updatedAt: 5 }, DEFAULT_SETTINGS)).toEqual([]);
    expect(describeSettingsChanges({ futureField: 1 } as never, DEFAULT_SETTINGS)).toEqual([]);
  });

  it('never offers the endpoint or Supabase project under "also use the file’s preferences"', () => {
    const patch = { geminiBaseUrl: 'https://stranger.example', supabaseUrl: 'https://stranger.supabase.co' };
    expect(describeSettingsChanges(patch, DEFAULT_SETTINGS)).toEqual([]);
  });
});

describe('importSummaryLines', () => {
  it('reports every outcome with singular and plural', () => {
    expect(importSummaryLines({ added: 3, alreadyPresent: 1, restored: 2, rejected: 2, progress: 1, settingsChanged: true })).toEqual([
      'Added 3 stories.',
      '2 stories you had deleted were restored as new copies, so sync will not delete them again.',
      '1 story was already in your library and left as it was.',
      '2 stories could not be imported (the reasons are below).',
      'Reading position restored for 1 story.',
      'Your preferences were updated from the file.',
    ]);
  });

  it('counts the reviews added and the days of reading restored', () => {
    const base = { added: 0, alreadyPresent: 0, restored: 0, rejected: 0, progress: 0, settingsChanged: false };
    expect(importSummaryLines({ ...base, reviews: 1, readingDays: 12 }).slice(1)).toEqual(['1 review added to your review history.', 'Reading time restored for 12 days.']);
    expect(importSummaryLines({ ...base, reviews: 40, readingDays: 1 }).slice(1)).toEqual(['40 reviews added to your review history.', 'Reading time restored for 1 day.']);
  });

  it('says plainly when nothing was added', () => {
    expect(importSummaryLines({ added: 0, alreadyPresent: 6, restored: 0, rejected: 0, progress: 0, settingsChanged: false })).toEqual([
      'No new stories were added.',
      '6 stories were already in your library and left as they were.',
    ]);
  });
});

describe('import failures', () => {
  it('refuses a file over 50 MB without reading it', async () => {
    const huge = { size: 50 * 1024 * 1024 + 1, text: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    await expect(planImportFile(huge)).resolves.toEqual({ ok: false, code: 'too-large', message: IMPORT_REFUSALS['too-large'] });
  });

  it('says what failed in plain words, without the key, and that nothing changed', () => {
    const key = mintFakeGoogleKey();
    const message = importFailureMessage('apply', new Error(`Transaction aborted for key ${key}`));
    expect(message).toMatch(/^The import could not be finished \(.*\)\. Nothing was changed; you can try again\.$/);
    expect(message).not.toContain(key);
    expect(importFailureMessage('plan', new DOMException('full', 'QuotaExceededError'))).toMatch(/out of storage space.*Nothing was changed/);
  });
});
