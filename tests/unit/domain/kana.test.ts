import { describe, expect, it } from 'vitest';
import {
  HIRAGANA,
  KANA_CHARTS,
  KATAKANA,
  type KanaChart,
  type KanaSectionId,
  kanaIn,
  toKatakana,
} from '../../../src/domain/kana';

function section(chart: KanaChart, id: KanaSectionId) {
  const found = chart.sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id} in ${chart.id}`);
  return found;
}

function romajiOf(chart: KanaChart, kana: string): string | undefined {
  return kanaIn(chart).find((k) => k.kana === kana)?.romaji;
}

const COUNTS: Array<[KanaSectionId, number]> = [
  ['basic', 46],
  ['dakuten', 20],
  ['handakuten', 5],
  ['yoon', 33],
  ['small', 10],
];

describe('kana chart data', () => {
  it('lists both scripts under their ids', () => {
    expect(KANA_CHARTS.hiragana).toBe(HIRAGANA);
    expect(KANA_CHARTS.katakana).toBe(KATAKANA);
  });

  it.each(COUNTS)('has the expected number of %s kana in each script', (id, count) => {
    expect(kanaIn(section(HIRAGANA, id))).toHaveLength(count);
    expect(kanaIn(section(KATAKANA, id))).toHaveLength(count);
  });

  it('adds 23 extended kana to katakana only', () => {
    expect(HIRAGANA.sections.map((s) => s.id)).toEqual(['basic', 'dakuten', 'handakuten', 'yoon', 'small']);
    expect(KATAKANA.sections.map((s) => s.id)).toEqual(['basic', 'dakuten', 'handakuten', 'yoon', 'small', 'extended']);
    expect(kanaIn(section(KATAKANA, 'extended'))).toHaveLength(23);
    expect(kanaIn(HIRAGANA)).toHaveLength(114);
    expect(kanaIn(KATAKANA)).toHaveLength(137);
  });

  it('gives every row one cell per column', () => {
    for (const chart of [HIRAGANA, KATAKANA]) {
      for (const s of chart.sections) {
        for (const r of s.rows) expect(r.cells, `${chart.id} ${s.id} ${r.label}`).toHaveLength(s.columns.length);
      }
    }
  });

  it.each([
    ['し', 'shi'], ['ち', 'chi'], ['つ', 'tsu'], ['ふ', 'fu'], ['じ', 'ji'], ['ぢ', 'ji'], ['づ', 'zu'],
    ['を', 'wo'], ['ん', 'n'], ['しゃ', 'sha'], ['ちゃ', 'cha'], ['じゃ', 'ja'], ['ぴょ', 'pyo'], ['っ', 'tsu'],
  ])('romanises %s as %s in both scripts', (kana, romaji) => {
    expect(romajiOf(HIRAGANA, kana)).toBe(romaji);
    expect(romajiOf(KATAKANA, toKatakana(kana))).toBe(romaji);
  });

  it('spot-checks katakana', () => {
    expect(romajiOf(KATAKANA, 'シ')).toBe('shi');
    expect(romajiOf(KATAKANA, 'ヲ')).toBe('wo');
    expect(romajiOf(KATAKANA, 'ヴ')).toBe('vu');
    expect(romajiOf(KATAKANA, 'ファ')).toBe('fa');
    expect(romajiOf(KATAKANA, 'ティ')).toBe('ti');
  });

  it('aligns hiragana and katakana cell for cell', () => {
    HIRAGANA.sections.forEach((h, i) => {
      const k = KATAKANA.sections[i]!;
      expect(k.id).toBe(h.id);
      expect(k.columns).toEqual(h.columns);
      expect(k.rows.map((r) => r.label)).toEqual(h.rows.map((r) => r.label));
      const shape = (s: typeof h) => s.rows.map((r) => r.cells.map((c) => c?.romaji ?? null));
      expect(shape(k)).toEqual(shape(h));
    });
  });

  it('writes each script in its own characters', () => {
    for (const { kana } of kanaIn(HIRAGANA)) expect(kana).toMatch(/^\p{Script=Hiragana}+$/u);
    for (const { kana } of kanaIn(KATAKANA)) expect(kana).toMatch(/^\p{Script=Katakana}+$/u);
  });

  it('has no duplicate kana within a script', () => {
    for (const chart of [HIRAGANA, KATAKANA]) {
      const all = kanaIn(chart).map((k) => k.kana);
      expect(new Set(all).size, chart.id).toBe(all.length);
    }
  });

  it('has lowercase romaji for every kana', () => {
    for (const { romaji } of [...kanaIn(HIRAGANA), ...kanaIn(KATAKANA)]) expect(romaji).toMatch(/^[a-z]+$/);
  });

  it('converts hiragana to katakana and keeps other characters', () => {
    expect(toKatakana('きって ゔ ー A')).toBe('キッテ ヴ ー A');
  });
});
