import { describe, expect, it } from 'vitest';
import { furiganaModeOf, furiganaModePatch } from '../../../src/domain/settings-options';
import { furiganaShown, lookByKey, stateOf, wordLook } from '../../../src/ui/reader/word-look';

describe('furigana per word', () => {
  it('"all" shows every word’s, "none" no word’s, "unknown" all but the known words’', () => {
    expect(['new', 'learning', 'known'].map((s) => furiganaShown('all', s as 'new'))).toEqual([true, true, true]);
    expect(['new', 'learning', 'known'].map((s) => furiganaShown('none', s as 'new'))).toEqual([false, false, false]);
    expect(['new', 'learning', 'known'].map((s) => furiganaShown('unknown', s as 'new'))).toEqual([true, true, false]);
  });

  it('marks learning words only when the highlight is on', () => {
    expect(wordLook('all', true, 'learning')).toEqual({ furigana: true, learning: true });
    expect(wordLook('all', false, 'learning')).toEqual({ furigana: true, learning: false });
    expect(wordLook('unknown', true, 'known')).toEqual({ furigana: false, learning: false });
  });

  it('reads a word’s state from the store’s keys; a word never set is new', () => {
    const states = { known: new Set(['猫|ねこ']), learning: new Set(['魚|さかな']) };
    expect([stateOf(states, '猫|ねこ'), stateOf(states, '魚|さかな'), stateOf(states, '犬|いぬ'), stateOf(undefined, '猫|ねこ')]).toEqual(['known', 'learning', 'new', 'new']);
    expect(lookByKey('unknown', true, states)('猫|ねこ')).toEqual({ furigana: false, learning: false });
  });
});

describe('the furigana mode setting', () => {
  it('keeps what rows from before the modes said: showFurigana false is none, anything else all', () => {
    expect(furiganaModeOf({ showFurigana: false })).toBe('none');
    expect(furiganaModeOf({ showFurigana: true })).toBe('all');
    expect(furiganaModeOf({})).toBe('all');
    expect(furiganaModeOf({ furiganaMode: 'sometimes', showFurigana: true })).toBe('all');
  });

  it('reads the mode the app wrote, and lets a later show/hide from an older version win', () => {
    for (const mode of ['all', 'unknown', 'none'] as const) expect(furiganaModeOf(furiganaModePatch(mode))).toBe(mode);
    expect(furiganaModeOf({ furiganaMode: 'unknown', showFurigana: false })).toBe('none');
    expect(furiganaModeOf({ furiganaMode: 'none', showFurigana: true })).toBe('all');
  });

  it('writes showFurigana with the mode, for older versions of the app', () => {
    expect(furiganaModePatch('none')).toEqual({ furiganaMode: 'none', showFurigana: false });
    expect(furiganaModePatch('unknown')).toEqual({ furiganaMode: 'unknown', showFurigana: true });
  });
});
