import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FuriganaToken, placeFurigana, tokenizeFurigana, tokensFurigana } from '../../../src/domain/furigana';

/** `食[た]べました`: the notation learners know, so each expectation reads like the furigana it means. */
function notation(parts: readonly FuriganaToken[]): string {
  return parts.map((p) => (p.kind === 'ruby' ? `${p.text}[${p.reading}]` : p.text)).join('');
}
const place = (surface: string, reading: string) => notation(placeFurigana(surface, reading));

describe('placeFurigana', () => {
  it('puts furigana over the kanji and never over okurigana', () => {
    expect(place('食べました', 'たべました')).toBe('食[た]べました');
    expect(place('持って', 'もって')).toBe('持[も]って');
    expect(place('引っ越し', 'ひっこし')).toBe('引[ひ]っ越[こ]し');
    expect(place('お茶', 'おちゃ')).toBe('お茶[ちゃ]');
    expect(place('友だち', 'ともだち')).toBe('友[とも]だち');
  });

  it('reads a run of kanji as one whole, 々 included', () => {
    expect(place('日曜日', 'にちようび')).toBe('日曜日[にちようび]');
    expect(place('人々', 'ひとびと')).toBe('人々[ひとびと]');
    expect(place('時々', 'ときどき')).toBe('時々[ときどき]');
    expect(place('お祭り', 'おまつり')).toBe('お祭[まつ]り');
  });

  it('accepts a katakana reading and matches katakana in the word', () => {
    expect(place('食べる', 'タベル')).toBe('食[た]べる');
    expect(place('カレー屋', 'かれーや')).toBe('カレー屋[や]');
  });

  it('falls back to one ruby over the whole word when the reading does not fit the kana', () => {
    expect(place('食べました', 'たべます')).toBe('食べました[たべます]');
    expect(place('持って', 'もつ')).toBe('持って[もつ]');
  });

  it('gives kana-only words, or no reading, no furigana', () => {
    expect(place('おにぎり', 'おにぎり')).toBe('おにぎり');
    expect(place('カレー', 'かれー')).toBe('カレー');
    expect(place('山', '')).toBe('山');
    expect(place('。', '。')).toBe('。');
  });

  it('gives digits their reading with the counter', () => {
    expect(place('3人', 'さんにん')).toBe('3人[さんにん]');
  });

  it('always gives back the word as written', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'食べ持っ日曜々カーあい3。') }), fc.string(), (surface, reading) => {
        expect(placeFurigana(surface, reading).map((p) => p.text).join('')).toBe(surface);
      }),
    );
  });
});

describe('tokenizeFurigana with readings that include okurigana', () => {
  it('keeps the okurigana of a story reading bare', () => {
    expect(notation(tokenizeFurigana('山で食べました。', [{ text: '食べ', reading: 'たべ' }, { text: '山', reading: 'やま' }]))).toBe(
      '山[やま]で食[た]べました。',
    );
  });
});

describe('tokensFurigana', () => {
  it('places each word’s own reading over its kanji only', () => {
    const tokens = [
      { surface: '山', reading: 'やま' },
      { surface: 'で' },
      { surface: '食べました', reading: 'たべました' },
      { surface: '。' },
    ];
    expect(notation(tokensFurigana(tokens, []))).toBe('山[やま]で食[た]べました。');
  });

  it('uses the story’s readings for a word without one, so no furigana is lost', () => {
    const tokens = [{ surface: '日曜日' }, { surface: 'に' }, { surface: '引っ越し', reading: 'hikkoshi' }];
    const readings = [{ text: '日曜日', reading: 'にちようび' }, { text: '引', reading: 'ひ' }];
    expect(notation(tokensFurigana(tokens, readings))).toBe('日曜日[にちようび]に引[ひ]っ越し');
  });
});
