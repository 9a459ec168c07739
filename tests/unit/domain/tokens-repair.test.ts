import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokensText } from '../../../src/domain/tokens';
import { repairTokens } from '../../../src/domain/tokens-repair';

const JP = '山で食べました。';
const words = (...surfaces: string[]) => surfaces.map((surface) => ({ surface }));
const kinds = (jp: string, raw: unknown) => repairTokens(jp, raw).repairs.map((r) => r.kind);

describe('repairTokens', () => {
  it('keeps tokens that add up, with nothing repaired', () => {
    const raw = [
      { surface: '山', reading: 'やま', pos: 'noun', gloss: 'mountain' },
      { surface: 'で', pos: 'particle' },
      { surface: '食べました', reading: 'たべました', base: '食べる', baseReading: 'たべる', pos: 'verb', gloss: 'ate' },
      { surface: '。' },
    ];
    expect(repairTokens(JP, raw)).toEqual({ tokens: raw, repairs: [] });
  });

  it('fills a gap the model skipped with a plain token', () => {
    const { tokens, repairs } = repairTokens(JP, words('山', '食べました', '。'));
    expect(tokens?.map((t) => t.surface)).toEqual(['山', 'で', '食べました', '。']);
    expect(repairs).toEqual([{ kind: 'gap', index: 1 }]);
  });

  it('trims a token that overlaps the one before and drops its reading', () => {
    const { tokens } = repairTokens(JP, [{ surface: '山で' }, { surface: 'で食べ', reading: 'でたべ', gloss: 'eat' }, { surface: 'ました。' }]);
    expect(tokens).toEqual([{ surface: '山で' }, { surface: '食べ', gloss: 'eat' }, { surface: 'ました。' }]);
  });

  it('reconciles width and whitespace differences, taking the sentence’s own characters', () => {
    expect(repairTokens('ＡＴＭで', [{ surface: 'ATM', reading: 'えーてぃーえむ' }, { surface: 'で' }]).tokens).toEqual([
      { surface: 'ＡＴＭ', reading: 'えーてぃーえむ' },
      { surface: 'で' },
    ]);
    expect(repairTokens('食べ ました', words('食べ', 'ました')).tokens?.map((t) => t.surface)).toEqual(['食べ', ' ', 'ました']);
    expect(repairTokens('食べました', words('食べ ', 'ました')).tokens?.map((t) => t.surface)).toEqual(['食べ', 'ました']);
  });

  it('drops an invented token, a malformed one, and a reading that is not kana', () => {
    expect(kinds(JP, [...words('山', 'を', 'で', '食べました'), 42, { surface: '。', reading: 'maru' }])).toEqual([
      'invalid',
      'reading',
      'dropped',
    ]);
    expect(tokensText(repairTokens(JP, words('山', 'を', 'で', '食べました', '。')).tokens ?? [])).toBe(JP);
  });

  it('keeps a katakana reading in hiragana', () => {
    expect(repairTokens('山', [{ surface: '山', reading: 'ヤマ' }]).tokens).toEqual([{ surface: '山', reading: 'やま' }]);
  });

  it('drops all tokens when too little of the sentence fits, so the Reader segments it instead', () => {
    expect(repairTokens(JP, words('川', 'を', '見', '。')).tokens).toBeNull();
    expect(repairTokens(JP, 'not a list').tokens).toBeNull();
  });

  it('always gives tokens that concatenate to the sentence, or none', () => {
    const chars = fc.constantFrom(...'山で食べましたＡA 。々');
    const sentence = fc.string({ unit: chars, minLength: 1, maxLength: 20 });
    const token = fc.record({ surface: fc.string({ unit: chars, minLength: 1, maxLength: 6 }), reading: fc.option(fc.string(), { nil: undefined }) });
    fc.assert(
      fc.property(sentence, fc.array(fc.oneof(token, fc.anything()), { maxLength: 12 }), (jp, raw) => {
        const { tokens } = repairTokens(jp, raw);
        if (tokens) {
          expect(tokensText(tokens)).toBe(jp);
          expect(tokens.every((t) => t.surface.length > 0)).toBe(true);
        }
      }),
    );
  });

  it('keeps every honest split of the sentence as it was given', () => {
    const sentence = fc.array(fc.string({ unit: fc.constantFrom(...'山で食べました。'), minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(sentence, (parts) => {
        expect(repairTokens(parts.join(''), words(...parts))).toEqual({ tokens: words(...parts), repairs: [] });
      }),
    );
  });
});
