import { describe, expect, it } from 'vitest';
import { emptyProgress, ReadingProgressSchema } from '../../../src/domain/progress';
import { SAMPLE_N5 } from '../../../src/domain/samples/sample-n5';
import { STORY_LIMITS, StorySchema } from '../../../src/domain/story';
import { MAX_EPOCH_MS, normaliseDeep, normaliseText } from '../../../src/domain/untrusted-text';

/** The one normaliser and the bounds the schemas apply to text and times from outside the app. */
describe('normaliseText', () => {
  it('strips NUL, other controls, lone surrogates, bidi and zero-width format characters', () => {
    const bidi = '\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(normaliseText(`a\u0000b\u0007c\u001Fd\u007Fe\u0085f`)).toBe('abcdef');
    expect(normaliseText(`雨\uD800が\uDC00降る`)).toBe('雨が降る');
    expect(normaliseText(`猫${bidi}です\u200B\uFEFF\u2060\u00AD`)).toBe('猫です');
    expect(normaliseText('\uFFF9漢字\uFFFAかんじ\uFFFB')).toBe('漢字かんじ'); // interlinear annotation marks
  });

  it('keeps what text and emoji need: whitespace, ZWJ/ZWNJ, variation selectors, surrogate pairs, tags', () => {
    const kept = [
      'line one\n\tline two\r\n',
      '👨\u200D👩\u200D👧', // family: joined by ZWJ
      '❤\uFE0F 葛\u{E0100}', // emoji and ideographic variation selectors
      '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}', // England's flag: tag characters
      'می\u200Cخواهم', // ZWNJ
      '𠮷野家 ｶﾀｶﾅ',
    ];
    for (const text of kept) expect(normaliseText(text)).toBe(text);
  });

  it('normaliseDeep reaches nested strings and object keys, leaving other values alone', () => {
    expect(normaliseDeep({ 'k\u0000': ['a\u202Eb', 1, null, { c: 'd\uD800' }], n: true })).toEqual({ k: ['ab', 1, null, { c: 'd' }], n: true });
  });
});

describe('Story schema: normalised and bounded', () => {
  it('normalises every text field', () => {
    const dirty = (s: string) => `\u202E${s}\u0000`;
    const segment = SAMPLE_N5.content[0]!;
    const parsed = StorySchema.parse({
      ...SAMPLE_N5,
      titleJP: dirty('題'),
      topic: dirty('topic'),
      content: [{ ...segment, jp: dirty(segment.jp), en: dirty('en'), vocab: [{ word: dirty('猫'), meaning: dirty('cat') }] }],
    });
    expect([parsed.titleJP, parsed.topic, parsed.content[0]!.jp, parsed.content[0]!.en]).toEqual(['題', 'topic', segment.jp, 'en']);
    expect(parsed.content[0]!.vocab[0]).toMatchObject({ word: '猫', meaning: 'cat' });
  });

  it('refuses a required text that is empty once normalised', () => {
    expect(StorySchema.safeParse({ ...SAMPLE_N5, titleJP: '\u0000\u200B' }).success).toBe(false);
  });

  it('caps field sizes and list lengths', () => {
    const segment = SAMPLE_N5.content[0]!;
    const tooMany = <T>(item: T, n: number) => Array.from({ length: n + 1 }, () => item);
    const over = [
      { titleJP: 'あ'.repeat(STORY_LIMITS.shortText + 1) },
      { topic: 'x'.repeat(STORY_LIMITS.longText + 1) },
      { content: [{ ...segment, jp: 'あ'.repeat(STORY_LIMITS.sentence + 1) }] },
      { content: tooMany(segment, STORY_LIMITS.segments) },
      { content: [{ ...segment, vocab: tooMany({ word: '猫' }, STORY_LIMITS.vocabPerSegment) }] },
      { questions: tooMany(SAMPLE_N5.questions[0], STORY_LIMITS.questions) },
      { readTime: STORY_LIMITS.readTimeMinutes + 1 },
    ];
    for (const patch of over) expect(StorySchema.safeParse({ ...SAMPLE_N5, ...patch }).success, JSON.stringify(patch).slice(0, 40)).toBe(false);
    expect(StorySchema.safeParse({ ...SAMPLE_N5, content: tooMany(segment, STORY_LIMITS.segments - 1) }).success).toBe(true);
  });
});

describe('timestamps are bounded', () => {
  it('a time past year 9999 (9e15 is not even a Date) is refused in stories and progress', () => {
    for (const at of [9e15, MAX_EPOCH_MS + 1, -1, 1.5]) {
      expect(StorySchema.safeParse({ ...SAMPLE_N5, createdAt: at }).success).toBe(false);
      expect(StorySchema.safeParse({ ...SAMPLE_N5, updatedAt: at }).success).toBe(false);
      expect(ReadingProgressSchema.safeParse({ ...emptyProgress(SAMPLE_N5.id), lastReadAt: at }).success).toBe(false);
    }
    expect(StorySchema.safeParse({ ...SAMPLE_N5, createdAt: MAX_EPOCH_MS, updatedAt: MAX_EPOCH_MS }).success).toBe(true);
    expect(new Date(MAX_EPOCH_MS).toISOString()).toBe('9999-12-31T23:59:59.999Z');
  });
});
