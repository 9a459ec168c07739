import { describe, expect, it } from 'vitest';
import { kanaRunRomajiAt, kanaRuns, kanaToRomaji } from '../../../src/domain/romaji';

describe('kanaToRomaji (the Reader\'s hint over kana, as the older app had)', () => {
  it('reads plain and voiced kana, in either script', () => {
    expect(kanaToRomaji('ひらがな')).toBe('hiragana');
    expect(kanaToRomaji('カタカナ')).toBe('katakana');
    expect(kanaToRomaji('ですます')).toBe('desumasu');
    expect(kanaToRomaji('しちつふ')).toBe('shichitsufu');
  });

  it('joins small ya/yu/yo to the kana before them', () => {
    expect(kanaToRomaji('きょう')).toBe('kyou');
    expect(kanaToRomaji('しゃしん')).toBe('shashin');
    expect(kanaToRomaji('じゅぎょう')).toBe('jugyou');
  });

  it('doubles the next consonant after a small tsu (tch before ch)', () => {
    expect(kanaToRomaji('きって')).toBe('kitte');
    expect(kanaToRomaji('まっちゃ')).toBe('matcha');
    expect(kanaToRomaji('ちょっと')).toBe('chotto');
    expect(kanaToRomaji('ザッシ')).toBe('zasshi');
  });

  it('lengthens the vowel before ー with a macron, and marks ん before a vowel or y', () => {
    expect(kanaToRomaji('コーヒー')).toBe('kōhī');
    expect(kanaToRomaji('パーティー')).toBe('pātī');
    expect(kanaToRomaji('こんや')).toBe("kon'ya");
    expect(kanaToRomaji('せんえん')).toBe("sen'en");
    expect(kanaToRomaji('しんぶん')).toBe('shinbun');
  });

  it('keeps what is not kana', () => {
    expect(kanaToRomaji('ABCと。')).toBe('ABCto。');
  });
});

describe('kanaRuns', () => {
  it('splits a sentence into kana and other runs, in order, losing nothing', () => {
    const runs = kanaRuns('今日はコーヒーを飲みました。');
    expect(runs.map((r) => r.text).join('')).toBe('今日はコーヒーを飲みました。');
    expect(runs.filter((r) => r.kana).map((r) => r.text)).toEqual(['はコーヒーを', 'みました']);
  });
});

describe('kanaRunRomajiAt (the hint under the mouse)', () => {
  it('gives the romaji of the whole run of kana the character belongs to', () => {
    const text = '今日はコーヒーを飲みました。';
    expect(kanaRunRomajiAt(text, 2)).toBe(kanaToRomaji('はコーヒーを'));
    expect(kanaRunRomajiAt(text, 7)).toBe(kanaToRomaji('はコーヒーを'));
    expect(kanaRunRomajiAt(text, 9)).toBe(kanaToRomaji('みました'));
  });

  it('gives nothing over kanji, punctuation or past the text', () => {
    const text = '今日はコーヒーを飲みました。';
    expect(kanaRunRomajiAt(text, 0)).toBeNull();
    expect(kanaRunRomajiAt(text, 8)).toBeNull();
    expect(kanaRunRomajiAt(text, text.length - 1)).toBeNull();
    expect(kanaRunRomajiAt(text, text.length)).toBeNull();
    expect(kanaRunRomajiAt(text, -1)).toBeNull();
  });
});
