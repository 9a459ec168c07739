import { describe, expect, it } from 'vitest';
import { SAMPLE_STORIES } from '../../../src/domain/samples/sample-stories';
import type { Reading, Vocab } from '../../../src/domain/story';
import { tokensText } from '../../../src/domain/tokens';
import { segmentSentence } from '../../../src/domain/tokens-segment';

const vocab = (word: string, reading: string, meaning = ''): Vocab => ({ word, reading, meaning });
const surfaces = (jp: string, readings: Reading[] = [], words: Vocab[] = []) =>
  segmentSentence({ jp, readings, vocab: words }).map((t) => t.surface);

describe('segmentSentence (no tokens yet)', () => {
  it('keeps a verb the vocabulary knows in one piece with its okurigana and auxiliaries', () => {
    const tokens = segmentSentence({
      jp: '山の上で、おにぎりを食べました。',
      readings: [{ text: '山', reading: 'やま' }, { text: '上', reading: 'うえ' }, { text: '食', reading: 'た' }],
      vocab: [vocab('食べる', 'たべる', 'to eat'), vocab('おにぎり', 'おにぎり', 'rice ball')],
    });
    expect(tokens.map((t) => t.surface)).toEqual(['山', 'の', '上', 'で', '、', 'おにぎり', 'を', '食べました', '。']);
    expect(tokens[7]).toEqual({ surface: '食べました', reading: 'たべました', base: '食べる', baseReading: 'たべる', gloss: 'to eat' });
    expect(tokens[0]).toEqual({ surface: '山', reading: 'やま' });
  });

  it('stops an inflected word at a particle or the copula', () => {
    expect(surfaces('山へ行きましたが、', [], [vocab('行く', 'いく')])).toEqual(['山', 'へ', '行きました', 'が', '、']);
    expect(surfaces('天気はよかったです。', [], [vocab('よい', 'よい')])).toEqual(['天気', 'は', 'よかった', 'です', '。']);
    expect(surfaces('本を読んで、', [], [vocab('読む', 'よむ')])).toContain('読んで');
  });

  it('takes a known compound whole and a word the breaker glued to others apart', () => {
    expect(surfaces('今日は日曜日です。', [{ text: '日', reading: 'ひ' }, { text: '日曜日', reading: 'にちようび' }])).toEqual([
      '今日',
      'は',
      '日曜日',
      'です',
      '。',
    ]);
  });

  it('leaves a sentence the story knows nothing about as the breaker cut it, readings only where known', () => {
    const tokens = segmentSentence({ jp: '猫が寝る。', readings: [], vocab: [] });
    expect(tokensText(tokens)).toBe('猫が寝る。');
    expect(tokens.every((t) => t.reading === undefined)).toBe(true);
  });

  it('gives every sentence of the samples tokens that add up, with a reading for every word with kanji the story reads', () => {
    for (const story of SAMPLE_STORIES) {
      for (const segment of story.content) {
        const tokens = segmentSentence(segment);
        expect(tokensText(tokens)).toBe(segment.jp);
        for (const t of tokens) if (t.reading !== undefined) expect(t.reading).toMatch(/^[\u3041-\u3096ー]+$/u);
      }
    }
  });
});
