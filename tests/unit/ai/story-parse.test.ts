import { describe, expect, it } from 'vitest';
import { firstSentence, toStory } from '../../../src/ai/generate-story';
import { AiError } from '../../../src/ai/errors';
import { checkOutcome } from '../../../src/ai/finish';
import { parseStoryText, stripCodeFences } from '../../../src/ai/story-parse';
import { StorySchema } from '../../../src/domain/story';

const STORY = {
  titleJP: '雨の日',
  titleEN: 'A Rainy Day',
  excerpt: '',
  topic: 'rain',
  content: [
    {
      jp: '今日は雨です。',
      readings: [
        { text: '今日', reading: 'きょう' },
        { text: '雨', reading: 'あめ' },
        { text: '晴', reading: 'は' }, // not in jp: dropped
        { text: 'です', reading: 'です' }, // no kanji: dropped
      ],
      en: 'Today it is raining.',
      imagePrompt: 'Rain on a window',
      vocab: [{ word: '雨', reading: 'あめ', meaning: 'rain' }, { word: '' }],
      mood: 'invented by the model', // unknown key: dropped
    },
  ],
  questions: [
    { question: '天気は？', options: ['雨', '晴れ', '雪', '風'], answer: 0, explanation: 'It rains.' },
    { question: '壊れた', options: ['a', 'b'], answer: 7, explanation: '' }, // malformed: dropped
  ],
};

function failure(fn: () => unknown): AiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AiError) return err;
    throw err;
  }
  throw new Error('expected an AiError');
}

describe('parseStoryText', () => {
  it('keeps valid readings, drops ones not in the sentence, without kanji, and unknown keys', () => {
    const story = parseStoryText(JSON.stringify(STORY));
    expect(story.content[0]!.readings).toEqual([
      { text: '今日', reading: 'きょう' },
      { text: '雨', reading: 'あめ' },
    ]);
    expect(story.content[0]!.vocab).toEqual([{ word: '雨', reading: 'あめ', meaning: 'rain' }]);
    expect(story.content[0]).not.toHaveProperty('mood');
    expect(story.questions).toHaveLength(1);
  });

  it('accepts JSON inside a Markdown fence', () => {
    expect(parseStoryText('```json\n' + JSON.stringify(STORY) + '\n```').titleJP).toBe('雨の日');
    expect(stripCodeFences('```\n{"a":1}\n```')).toBe('{"a":1}');
    expect(stripCodeFences(' {"a":1} ')).toBe('{"a":1}');
  });

  it.each([
    ['empty', '', 'empty-output'],
    ['prose', 'Here is your story: {titleJP: "x"}', 'invalid-json'],
    ['truncated', JSON.stringify(STORY).slice(0, 80), 'invalid-json'],
    ['no content', JSON.stringify({ ...STORY, content: [] }), 'schema-mismatch'],
    ['no valid question', JSON.stringify({ ...STORY, questions: [{ question: 'q', options: ['a'], answer: 9 }] }), 'schema-mismatch'],
    ['no title', JSON.stringify({ ...STORY, titleJP: '  ' }), 'schema-mismatch'],
  ])('%s → invalid-output %s', (_, text, code) => {
    const err = failure(() => parseStoryText(text));
    expect(err.kind).toBe('invalid-output');
    expect(err.code).toBe(code);
  });

  it('says it in the learner’s words, and keeps the technical reason in the detail', () => {
    const sentence = "Gemini's answer was not a complete story. Retry usually works.";
    const bad = { ...STORY, content: [{ ...STORY.content[0], jp: 5 }] };
    const shape = failure(() => parseStoryText(JSON.stringify(bad)));
    expect(shape.message).toBe(sentence);
    expect(shape.detail).toMatch(/^not the story's shape: content\.0\.jp: /);
    const untitled = failure(() => parseStoryText(JSON.stringify({ ...STORY, titleJP: undefined })));
    expect(untitled).toMatchObject({ message: sentence, detail: "not the story's shape: titleJP: Invalid input: expected string, received undefined" });
    const prose = failure(() => parseStoryText('Here is your story'));
    expect(prose.message).toBe(sentence);
    expect(prose.detail).toMatch(/^not valid JSON: /);
    expect(failure(() => parseStoryText(' '))).toMatchObject({ message: sentence, detail: 'empty answer' });
  });
});

describe('toStory', () => {
  const params = { topic: ' Rainy days ', level: 'Beginner', length: 'short', instructions: '' } as const;
  const id = '0b6f3f52-8f0e-4d4e-9a8e-3f1f1c2d5e6a';

  it('builds a valid library story from a generated one', () => {
    const story = toStory(parseStoryText(JSON.stringify(STORY)), { id, params, model: 'gemini-2.5-flash', now: 1_700_000_000_000 });
    expect(StorySchema.parse(story)).toEqual(story);
    expect(story).toMatchObject({
      id,
      level: 'Beginner',
      length: 'short',
      topic: 'Rainy days',
      source: 'generated',
      model: 'gemini-2.5-flash',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
      schemaVersion: 1,
      readTime: 1,
      excerpt: '今日は雨です。',
    });
  });

  it('finds the first sentence for a missing excerpt', () => {
    expect(firstSentence('猫がいます。犬もいます。')).toBe('猫がいます。');
    expect(firstSentence('本当？うん。')).toBe('本当？');
    expect(firstSentence('終わりなし')).toBe('終わりなし');
  });

  it('reports an unusable id as invalid output rather than writing a bad row', () => {
    const err = failure(() => toStory(parseStoryText(JSON.stringify(STORY)), { id: 'gen-1', params, model: 'm', now: 1 }));
    expect(err.kind).toBe('invalid-output');
  });
});

describe('checkOutcome', () => {
  it.each([
    [{ finishReason: 'MAX_TOKENS' }, 'story', 'invalid-output', 'max-tokens', "Gemini's answer stopped before the story was finished. Retry usually works."],
    [{ finishReason: 'SAFETY' }, 'story', 'permanent', 'safety', /safety filters/],
    [{ finishReason: 'RECITATION' }, 'story', 'permanent', 'recitation', /existing work/],
    [{ finishReason: 'PROHIBITED_CONTENT' }, 'story', 'permanent', 'prohibited-content', /prohibited content/],
    [{ finishReason: 'BLOCKLIST' }, 'story', 'permanent', 'blocklist', /blocked terms/],
    [{ finishReason: 'SPII' }, 'story', 'permanent', 'spii', /personal information/],
    [{ finishReason: 'OTHER' }, 'story', 'permanent', 'blocked-other', /unspecified/],
    [{ blockReason: 'SAFETY' }, 'story', 'permanent', 'prompt-blocked', /^Gemini refused this topic: /],
    [{ finishReason: 'IMAGE_SAFETY' }, 'image', 'permanent', 'image-safety', 'Gemini would not draw this picture (safety)'],
    [{ finishReason: 'NO_IMAGE' }, 'image', 'permanent', 'no-image', 'Gemini returned no picture'],
    [{ finishReason: 'MALFORMED_FUNCTION_CALL' }, 'story', 'invalid-output', 'unexpected-finish', 'Gemini stopped writing this story early. Retry usually works.'],
    [{ finishReason: 'MALFORMED_FUNCTION_CALL' }, 'audio', 'invalid-output', 'unexpected-finish', /MALFORMED_FUNCTION_CALL/],
  ] as const)('%o (%s) → %s %s', (outcome, activity, kind, code, message) => {
    const err = failure(() => checkOutcome(outcome, activity));
    expect(err).toMatchObject({ kind, code });
    if (typeof message === 'string') expect(err.message).toBe(message);
    else expect(err.message).toMatch(message);
    // The finish reason is always kept for the "details" disclosure.
    expect(err.detail).toMatch(/^(finishReason|blockReason) [A-Z_]+$/);
  });

  it('accepts a normal finish', () => {
    expect(() => checkOutcome({ finishReason: 'STOP' }, 'story')).not.toThrow();
    expect(() => checkOutcome({}, 'audio')).not.toThrow();
  });
});
