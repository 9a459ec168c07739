import { describe, expect, it } from 'vitest';
import { importableSettings, legacySettings } from '../../../src/domain/backup/settings-import';
import { furiganaModeOf } from '../../../src/domain/settings-options';

describe('furigana mode and learning highlight from a file (issue 14)', () => {
  it('takes a valid mode and highlight, and drops a mode this version does not know', () => {
    expect(importableSettings({ furiganaMode: 'unknown', showFurigana: true, highlightLearning: false }).settings).toEqual({
      furiganaMode: 'unknown',
      showFurigana: true,
      highlightLearning: false,
    });
    expect(importableSettings({ furiganaMode: 'sometimes', fontSize: 'large' }).settings).toEqual({ fontSize: 'large' });
  });

  it('an older app’s "furigana off" still means none over a mode chosen here', () => {
    const imported = legacySettings({ showFurigana: false }, undefined).settings;
    expect(furiganaModeOf({ furiganaMode: 'unknown', showFurigana: true, ...imported })).toBe('none');
  });
});
