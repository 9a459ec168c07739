import { describe, expect, it } from 'vitest';
import { decodeAnnotation, decodeTuple, encodeToken } from '../../../src/ai/annotate-codec';
import { AiError } from '../../../src/ai/errors';
import type { Token } from '../../../src/domain/tokens';

/** The annotate call's compact wire format: a tuple per word, by sentence id. */
const JP = '日曜日の朝、私は早く起きました。';
const TOKENS: Token[] = [
  { surface: '日曜日', reading: 'にちようび', pos: 'noun', gloss: 'Sunday' },
  { surface: 'の', pos: 'particle', gloss: 'possessive' },
  { surface: '朝', reading: 'あさ', pos: 'noun', gloss: 'morning' },
  { surface: '、' },
  { surface: '私', reading: 'わたし', pos: 'pronoun', gloss: 'I' },
  { surface: 'は', pos: 'particle', gloss: 'topic marker' },
  { surface: '早く', reading: 'はやく', base: '早い', baseReading: 'はやい', pos: 'adverb', gloss: 'early' },
  { surface: '起きました', reading: 'おきました', base: '起きる', baseReading: 'おきる', pos: 'verb', gloss: 'got up' },
  { surface: '。' },
];

const answer = (sentences: { id: number; tokens: string[][] }[]) => JSON.stringify({ sentences });

function thrown(fn: () => unknown): AiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AiError) return error;
    throw error;
  }
  throw new Error('expected an AiError');
}

describe('token tuples', () => {
  it('say a word in one short array, empty fields in the middle kept and trailing ones left out', () => {
    expect(encodeToken(TOKENS[7]!)).toEqual(['起きました', 'おきました', '起きる', 'おきる', 'verb', 'got up']);
    expect(encodeToken(TOKENS[5]!)).toEqual(['は', '', '', '', 'particle', 'topic marker']);
    expect(encodeToken(TOKENS[3]!)).toEqual(['、']);
  });

  it('decode back to the token they came from', () => {
    for (const token of TOKENS) expect(decodeTuple(encodeToken(token))).toEqual(token);
  });

  it('is several times smaller than the same words as JSON objects', () => {
    const compact = JSON.stringify(TOKENS.map(encodeToken)).length;
    expect(compact).toBeLessThan(JSON.stringify(TOKENS).length * 0.75);
  });
});

describe('decodeAnnotation', () => {
  const sent = [{ id: 4, jp: JP }];

  it('reads every sentence asked about, by id', () => {
    const tokens = decodeAnnotation(answer([{ id: 4, tokens: TOKENS.map(encodeToken) }]), sent);
    expect(tokens.get(4)).toEqual(TOKENS);
  });

  it('accepts an answer wrapped in a code fence', () => {
    const text = `\`\`\`json\n${answer([{ id: 4, tokens: TOKENS.map(encodeToken) }])}\n\`\`\``;
    expect(decodeAnnotation(text, sent).get(4)).toEqual(TOKENS);
  });

  it('repairs words that do not add up to the sentence instead of failing the paid chunk', () => {
    const tuples = TOKENS.map(encodeToken);
    // A word the model left out, and one with romaji for a reading.
    tuples.splice(1, 1);
    tuples[0] = ['日曜日', 'nichiyoubi'];
    const tokens = decodeAnnotation(answer([{ id: 4, tokens: tuples }]), sent).get(4);
    expect(tokens?.map((t) => t.surface).join('')).toBe(JP);
    expect(tokens?.[0]).toEqual({ surface: '日曜日' });
    expect(tokens?.find((t) => t.surface === '起きました')).toMatchObject({ base: '起きる' });
  });

  it('is a retryable invalid-output error when the answer is not JSON, not the shape, or skips a sentence', () => {
    const notJson = thrown(() => decodeAnnotation('{sentences: []}', sent));
    expect(notJson).toMatchObject({ kind: 'invalid-output', code: 'invalid-json' });
    expect(notJson.message).toMatch(/word list.*Retry usually works/);
    expect(thrown(() => decodeAnnotation('{"sentences": [{"id": 4, "tokens": "日曜日"}]}', sent))).toMatchObject({ code: 'schema-mismatch' });
    expect(thrown(() => decodeAnnotation(answer([{ id: 5, tokens: [['x']] }]), sent))).toMatchObject({ code: 'missing-sentence' });
    expect(thrown(() => decodeAnnotation('', sent))).toMatchObject({ code: 'empty-output' });
  });
});
