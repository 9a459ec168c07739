import { describe, expect, it } from 'vitest';
import { tokenizeFurigana } from '../../../src/domain/furigana';
import { isUuid } from '../../../src/domain/ids';
import { difficultyRank, LENGTH_SENTENCES } from '../../../src/domain/levels';
import { SAMPLE_N3 } from '../../../src/domain/samples/sample-n3';
import { SAMPLE_N4 } from '../../../src/domain/samples/sample-n4';
import { SAMPLE_N5 } from '../../../src/domain/samples/sample-n5';
import { SAMPLE_STORIES } from '../../../src/domain/samples/sample-stories';
import { type Story, StorySchema } from '../../../src/domain/story';

const HAN = /\p{Script=Han}/u;
const HIRAGANA = /^[\u3041-\u309F\u30FCー]+$/;

interface Expectation {
  story: Story;
  level: Story['level'];
  length: NonNullable<Story['length']>;
  min: number;
  max: number;
}

const EXPECTED: Expectation[] = [
  { story: SAMPLE_N5, level: 'N5', length: 'short', min: 6, max: 7 },
  { story: SAMPLE_N4, level: 'N4', length: 'medium', min: 10, max: 12 },
  { story: SAMPLE_N3, level: 'N3', length: 'medium', min: 10, max: 12 },
];

describe('sample stories', () => {
  it('lists the three samples, easiest first', () => {
    expect(SAMPLE_STORIES).toEqual([SAMPLE_N5, SAMPLE_N4, SAMPLE_N3]);
    const ranks = SAMPLE_STORIES.map((s) => difficultyRank(s.level));
    expect(ranks).toEqual([1, 2, 3]);
  });

  it('have distinct, valid lower-case uuids', () => {
    const ids = SAMPLE_STORIES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(isUuid(id)).toBe(true);
      expect(id).toBe(id.toLowerCase());
    }
  });

  it('have distinct fixed timestamps, N3 newest', () => {
    const created = SAMPLE_STORIES.map((s) => s.createdAt);
    expect(new Set(created).size).toBe(created.length);
    expect([...created].sort((a, b) => a - b)).toEqual(created);
    for (const s of SAMPLE_STORIES) expect(s.updatedAt).toBeGreaterThanOrEqual(s.createdAt);
  });

  describe.each(EXPECTED)('$level', ({ story, level, length, min, max }) => {
    it('passes StorySchema unchanged', () => {
      const parsed = StorySchema.parse(story);
      expect(parsed).toEqual(story);
      expect(parsed.source).toBe('sample');
      expect(parsed.schemaVersion).toBe(1);
    });

    it('has the expected level, length and sentence count', () => {
      expect(story.level).toBe(level);
      expect(story.length).toBe(length);
      expect(story.content.length).toBeGreaterThanOrEqual(min);
      expect(story.content.length).toBeLessThanOrEqual(max);
      expect(story.content.length).toBeGreaterThanOrEqual(LENGTH_SENTENCES[length].min);
      expect(story.content.length).toBeLessThanOrEqual(LENGTH_SENTENCES[length].max);
      expect(story.readTime).toBeGreaterThan(0);
      expect(story.titleJP).not.toBe('');
      expect(story.titleEN).not.toBe('');
      expect(story.topic).not.toBe('');
      expect(story.excerpt.startsWith(story.content[0]!.jp)).toBe(true);
    });

    it('has three questions with valid, varied answers', () => {
      expect(story.questions).toHaveLength(3);
      for (const q of story.questions) {
        expect(q.options).toHaveLength(4);
        expect(new Set(q.options).size).toBe(4);
        expect(Number.isInteger(q.answer)).toBe(true);
        expect(q.answer).toBeGreaterThanOrEqual(0);
        expect(q.answer).toBeLessThanOrEqual(3);
        expect(q.explanation).not.toBe('');
      }
      expect(new Set(story.questions.map((q) => q.answer)).size).toBeGreaterThan(1);
    });

    it('gives every segment a translation, vocab and well-formed readings', () => {
      for (const seg of story.content) {
        expect(seg.en).not.toBe('');
        expect(seg.vocab.length).toBeGreaterThanOrEqual(2);
        expect(seg.vocab.length).toBeLessThanOrEqual(4);
        for (const v of seg.vocab) {
          expect(v.reading).not.toBe('');
          expect(v.meaning).not.toBe('');
        }
        for (const r of seg.readings) {
          expect(seg.jp, r.text).toContain(r.text);
          expect(HAN.test(r.text), r.text).toBe(true);
          expect(r.reading, r.text).toMatch(HIRAGANA);
        }
      }
      expect(story.content.some((seg) => seg.imagePrompt)).toBe(true);
    });

    it('puts furigana on every kanji', () => {
      for (const seg of story.content) {
        const bare = tokenizeFurigana(seg.jp, seg.readings)
          .filter((t) => t.kind === 'text' && HAN.test(t.text))
          .map((t) => t.text);
        expect(bare, seg.jp).toEqual([]);
      }
    });
  });

  it('do not all put the correct answer at the same index', () => {
    const answers = SAMPLE_STORIES.flatMap((s) => s.questions.map((q) => q.answer));
    expect(new Set(answers).size).toBeGreaterThan(1);
  });
});
