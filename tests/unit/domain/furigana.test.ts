import { describe, expect, it } from 'vitest';
import { tokenizeFurigana } from '../../../src/domain/furigana';

describe('tokenizeFurigana', () => {
  it('gives 学生 one ruby even when 学 has a reading too (no nesting)', () => {
    const tokens = tokenizeFurigana('学生です。学ぶ。', [
      { text: '学', reading: 'まな' },
      { text: '学生', reading: 'がくせい' },
    ]);
    expect(tokens).toEqual([
      { kind: 'ruby', text: '学生', reading: 'がくせい' },
      { kind: 'text', text: 'です。' },
      { kind: 'ruby', text: '学', reading: 'まな' },
      { kind: 'text', text: 'ぶ。' },
    ]);
  });

  it('gives every repeat its furigana (猫猫)', () => {
    expect(tokenizeFurigana('猫猫', [{ text: '猫', reading: 'ねこ' }])).toEqual([
      { kind: 'ruby', text: '猫', reading: 'ねこ' },
      { kind: 'ruby', text: '猫', reading: 'ねこ' },
    ]);
  });

  it('keeps markup-like text as plain text tokens', () => {
    const tokens = tokenizeFurigana('<img src=x onerror=alert(1)>猫', [{ text: '猫', reading: 'ねこ' }]);
    expect(tokens[0]).toEqual({ kind: 'text', text: '<img src=x onerror=alert(1)>' });
  });

  it('ignores readings that are missing from the sentence, empty, or the same as the text', () => {
    expect(
      tokenizeFurigana('すし', [
        { text: '魚', reading: 'さかな' },
        { text: 'すし', reading: 'すし' },
      ]),
    ).toEqual([{ kind: 'text', text: 'すし' }]);
  });

  it('reassembles to the original sentence', () => {
    const jp = '毎朝、学校の先生と学生が学校へ行きます。';
    const tokens = tokenizeFurigana(jp, [
      { text: '毎朝', reading: 'まいあさ' },
      { text: '学校', reading: 'がっこう' },
      { text: '先生', reading: 'せんせい' },
      { text: '学生', reading: 'がくせい' },
      { text: '行', reading: 'い' },
    ]);
    expect(tokens.map((t) => t.text).join('')).toBe(jp);
    expect(tokens.filter((t) => t.kind === 'ruby')).toHaveLength(6);
  });
});
