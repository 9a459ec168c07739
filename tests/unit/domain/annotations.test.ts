import { describe, expect, it } from 'vitest';
import { AnnotationSchema, fitAnnotation, mergeAnnotation } from '../../../src/domain/annotations';
import { SAMPLE_N5 } from '../../../src/domain/samples/sample-n5';
import { STORY_LIMITS } from '../../../src/domain/story';
import { TOKEN_LIMITS } from '../../../src/domain/tokens';

const base = { storyId: SAMPLE_N5.id, updatedAt: 1 };
const story = { content: [{ jp: '山で', readings: [], vocab: [], en: '' }, { jp: '食べた。', readings: [], vocab: [], en: '' }] };

describe('AnnotationSchema', () => {
  it('accepts a row with a null sentence and keeps fields a newer version adds', () => {
    const row = { ...base, segments: [[{ surface: '山' }], null], wordNotes: { 0: 'a field from a newer version' } };
    expect(AnnotationSchema.parse(row)).toEqual(row);
  });

  it('refuses rows past the caps: too many sentences, too many tokens, a long gloss, no story id', () => {
    const one = [{ surface: '山' }];
    expect(AnnotationSchema.safeParse({ ...base, segments: Array(STORY_LIMITS.segments + 1).fill(one) }).success).toBe(false);
    expect(AnnotationSchema.safeParse({ ...base, segments: [Array(TOKEN_LIMITS.perSegment + 1).fill({ surface: '山' })] }).success).toBe(false);
    expect(AnnotationSchema.safeParse({ ...base, segments: [[{ surface: '山', gloss: 'x'.repeat(TOKEN_LIMITS.gloss + 1) }]] }).success).toBe(false);
    expect(AnnotationSchema.safeParse({ segments: [], updatedAt: 1 }).success).toBe(false);
    expect(AnnotationSchema.safeParse({ ...base, segments: [[{ surface: '' }]] }).success).toBe(false);
  });
});

describe('fitAnnotation', () => {
  it('repairs each sentence against the story, drops extra sentences and fills missing ones with null', () => {
    const fitted = fitAnnotation({ ...base, segments: [[{ surface: '山' }]] }, story);
    expect(fitted.annotation.segments).toEqual([[{ surface: '山' }, { surface: 'で' }], null]);
    expect(fitted.repairedSegments).toBe(1);
    const extra = fitAnnotation({ ...base, segments: [[{ surface: '山で' }], [{ surface: '食べた。' }], [{ surface: '猫' }]] }, story);
    expect(extra.annotation.segments).toHaveLength(2);
    expect(extra.repairedSegments).toBe(1);
  });

  it('counts no repair for an annotation that fits', () => {
    expect(fitAnnotation({ ...base, segments: [[{ surface: '山で' }], null] }, story).repairedSegments).toBe(0);
  });
});

describe('mergeAnnotation', () => {
  const note = (text: string, updatedAt: number) => ({ text, updatedAt });

  it('keeps the newer tokens, the older ones where the newer row has none, and every explanation, the newer note where both explained', () => {
    const stored = { ...base, updatedAt: 10, segments: [[{ surface: '山で' }], [{ surface: '食べた' }, { surface: '。' }]], explanations: { 0: note('mine', 5), 1: note('old', 1) } };
    const incoming = { ...base, updatedAt: 20, segments: [null, [{ surface: '食べた。' }]], explanations: { 1: note('theirs', 9) } };
    const { merged, changed } = mergeAnnotation(stored, incoming);
    expect(changed).toBe(true);
    expect(merged.segments).toEqual([[{ surface: '山で' }], [{ surface: '食べた。' }]]);
    expect(merged.explanations).toEqual({ 0: note('mine', 5), 1: note('theirs', 9) });
  });

  it('a newer row that only explained a sentence (no words yet on its device) never wipes the words stored here', () => {
    const words = [[{ surface: '山で' }], [{ surface: '食べた。' }]];
    const stored = { ...base, updatedAt: 10, segments: words };
    const explainedElsewhere = { ...base, updatedAt: 30, segments: [null, null], explanations: { 0: note('from B', 30) } };
    const { merged, changed } = mergeAnnotation(stored, explainedElsewhere);
    expect(changed).toBe(true);
    expect(merged.segments).toEqual(words);
    expect(merged.explanations).toEqual({ 0: note('from B', 30) });
    // And the other way round: B, holding only its note, gains A's words when it pulls them.
    const onB = mergeAnnotation(explainedElsewhere, stored);
    expect(onB.changed).toBe(true);
    expect(onB.merged.segments).toEqual(words);
    expect(onB.merged.explanations).toEqual({ 0: note('from B', 30) });
    expect(mergeAnnotation(onB.merged, stored).changed).toBe(false);
  });

  it('adds an older row’s new note without rewinding the tokens, and reports no change for a row it already has', () => {
    const stored = { ...base, updatedAt: 20, segments: [[{ surface: '山で' }], null] };
    const older = { ...base, updatedAt: 10, segments: [null, null], explanations: { 0: note('paid for', 3) } };
    const { merged, changed } = mergeAnnotation(stored, older);
    expect(changed).toBe(true);
    expect(merged.segments).toEqual(stored.segments);
    expect(merged.explanations).toEqual({ 0: note('paid for', 3) });
    expect(mergeAnnotation(merged, older).changed).toBe(false);
    expect(mergeAnnotation(stored, { ...stored }).changed).toBe(false);
  });

  it('drops notes on sentences the story no longer has when fitted', () => {
    const fitted = fitAnnotation({ ...base, segments: [null, null], explanations: { 1: note('kept', 1), 7: note('gone', 1) } }, story);
    expect(fitted.annotation.explanations).toEqual({ 1: note('kept', 1) });
  });
});
