import { describe, expect, it } from 'vitest';
import { AnnotationSchema } from '../../../src/domain/annotations';
import { placeFurigana } from '../../../src/domain/furigana';
import { hasKanji, isKanjiLike } from '../../../src/domain/kana';
import { SAMPLE_ANNOTATIONS } from '../../../src/domain/samples/sample-annotations';
import { SAMPLE_STORIES } from '../../../src/domain/samples/sample-stories';
import { repairTokens } from '../../../src/domain/tokens-repair';

const HIRAGANA = /^[\u3041-\u3096ー]+$/u;
const PUNCTUATION = /^[、。「」]$/u;

const sentences = SAMPLE_STORIES.flatMap((story, s) =>
  story.content.map((segment, i) => ({ where: `${story.level} sentence ${i + 1}`, segment, tokens: SAMPLE_ANNOTATIONS[s]?.segments[i] ?? null })),
);

describe('the samples ship with words', () => {
  it('has one valid annotation per sample, one entry per sentence', () => {
    expect(SAMPLE_ANNOTATIONS.map((a) => a.storyId)).toEqual(SAMPLE_STORIES.map((s) => s.id));
    SAMPLE_ANNOTATIONS.forEach((annotation, s) => {
      expect(AnnotationSchema.parse(annotation)).toEqual(annotation);
      expect(annotation.segments).toHaveLength(SAMPLE_STORIES[s]?.content.length ?? -1);
    });
  });

  it('needs no repair: every sentence’s words add up to it exactly', () => {
    for (const { where, segment, tokens } of sentences) {
      expect(repairTokens(segment.jp, tokens), where).toEqual({ tokens, repairs: [] });
    }
  });

  it('gives every word with kanji a hiragana reading that fits its okurigana', () => {
    for (const { where, tokens } of sentences) {
      for (const token of tokens ?? []) {
        if (!hasKanji(token.surface)) {
          expect(token.reading, `${where}: ${token.surface}`).toBeUndefined();
          continue;
        }
        expect(token.reading, `${where}: ${token.surface}`).toMatch(HIRAGANA);
        const ruby = placeFurigana(token.surface, token.reading ?? '').filter((p) => p.kind === 'ruby');
        // A reading that does not fit falls back to one ruby over kana too: that would be a typo.
        expect(ruby.every((p) => [...p.text].every(isKanjiLike)), `${where}: ${token.surface}`).toBe(true);
      }
    }
  });

  it('agrees with the story’s own readings wherever both name the same kanji', () => {
    for (const { where, segment, tokens } of sentences) {
      const known = new Map(segment.readings.map((r) => [r.text, r.reading]));
      for (const token of tokens ?? []) {
        for (const part of placeFurigana(token.surface, token.reading ?? '')) {
          if (part.kind === 'ruby' && known.has(part.text)) expect(part.reading, `${where}: ${part.text}`).toBe(known.get(part.text));
        }
      }
    }
  });

  it('gives every word a part of speech and a meaning, and every base form with kanji its reading', () => {
    for (const { where, tokens } of sentences) {
      for (const token of tokens ?? []) {
        if (PUNCTUATION.test(token.surface)) continue;
        expect(token.pos, `${where}: ${token.surface}`).toBeTruthy();
        expect(token.gloss, `${where}: ${token.surface}`).toBeTruthy();
        if (token.base !== undefined) expect(token.baseReading, `${where}: ${token.base}`).toMatch(HIRAGANA);
        if (token.base !== undefined && !hasKanji(token.base)) expect(token.baseReading).toBe(token.base);
      }
    }
  });
});
