import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/domain/default-settings';
import { idFromLegacy, isUuid } from '../../../src/domain/ids';
import { ReadingProgressSchema } from '../../../src/domain/progress';
import { SAMPLE_N5 } from '../../../src/domain/samples/sample-n5';
import { SettingsSchema } from '../../../src/domain/settings';
import { StorySchema } from '../../../src/domain/story';

describe('Story schema', () => {
  it('keeps fields written by a newer app version', () => {
    const parsed = StorySchema.parse({ ...SAMPLE_N5, futureField: { x: 1 } });
    expect(parsed).toMatchObject({ futureField: { x: 1 } });
  });

  it('rejects a question without exactly four options and an answer outside 0–3', () => {
    const q = SAMPLE_N5.questions[0]!;
    expect(StorySchema.safeParse({ ...SAMPLE_N5, questions: [{ ...q, options: q.options.slice(0, 3) }] }).success).toBe(false);
    expect(StorySchema.safeParse({ ...SAMPLE_N5, questions: [{ ...q, answer: 4 }] }).success).toBe(false);
  });

  it('rejects unknown levels and non-uuid ids', () => {
    expect(StorySchema.safeParse({ ...SAMPLE_N5, level: 'N6' }).success).toBe(false);
    expect(StorySchema.safeParse({ ...SAMPLE_N5, id: 'gen-1700000000000' }).success).toBe(false);
  });

  it('fills defaults for optional older-app fields', () => {
    const { questions: _q, topic: _t, ...rest } = SAMPLE_N5;
    const parsed = StorySchema.parse({ ...rest, content: [{ jp: '猫です。' }] });
    expect(parsed.questions).toEqual([]);
    expect(parsed.content[0]).toMatchObject({ readings: [], en: '', vocab: [] });
  });
});

describe('settings and progress', () => {
  it('the zod-free defaults equal the schema defaults', () => {
    expect(SettingsSchema.parse({})).toEqual(DEFAULT_SETTINGS);
  });

  it('progress percent is bounded', () => {
    const base = { storyId: SAMPLE_N5.id, lastReadAt: 1, updatedAt: 1 };
    expect(ReadingProgressSchema.safeParse({ ...base, percent: 101 }).success).toBe(false);
    expect(ReadingProgressSchema.parse(base)).toMatchObject({ percent: 0, segmentIndex: 0, completed: false });
  });
});

describe('ids', () => {
  it('maps an older-app id to the same uuid every time and keeps uuids as they are', () => {
    const a = idFromLegacy('gen-1700000000000');
    expect(isUuid(a)).toBe(true);
    expect(idFromLegacy('gen-1700000000000')).toBe(a);
    expect(idFromLegacy('gen-1700000000001')).not.toBe(a);
    expect(idFromLegacy(SAMPLE_N5.id.toUpperCase())).toBe(SAMPLE_N5.id);
  });
});
