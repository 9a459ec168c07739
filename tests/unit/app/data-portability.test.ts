import { describe, expect, it } from 'vitest';
import { describeSettingsChanges, importSummaryLines } from '../../../src/app/data-portability';
import { DEFAULT_SETTINGS } from '../../../src/domain/default-settings';

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

  it('says nothing for no settings, equal settings, or fields it has no words for', () => {
    expect(describeSettingsChanges(null, DEFAULT_SETTINGS)).toEqual([]);
    expect(describeSettingsChanges({ ...DEFAULT_SETTINGS, updatedAt: 5 }, DEFAULT_SETTINGS)).toEqual([]);
    expect(describeSettingsChanges({ futureField: 1 } as never, DEFAULT_SETTINGS)).toEqual([]);
  });
});

describe('importSummaryLines', () => {
  it('reports every outcome with singular and plural', () => {
    expect(importSummaryLines({ added: 3, alreadyPresent: 1, rejected: 2, progress: 1, settingsChanged: true })).toEqual([
      'Added 3 stories.',
      '1 story was already in your library and left as it was.',
      '2 stories could not be imported (see the reasons above).',
      'Reading position restored for 1 story.',
      'Your preferences were updated from the file.',
    ]);
  });

  it('says plainly when nothing was added', () => {
    expect(importSummaryLines({ added: 0, alreadyPresent: 6, rejected: 0, progress: 0, settingsChanged: false })).toEqual([
      'No new stories were added.',
      '6 stories were already in your library and left as they were.',
    ]);
  });
});
