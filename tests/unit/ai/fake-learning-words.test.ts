import { describe, expect, it } from 'vitest';
import { buildStoryPrompt } from '../../../src/ai/story-prompt';
import { StoryJobParamsSchema } from '../../../src/domain/job';
import { fakeTokens, STORY_N5, storyForRequest } from '../../support/fake-gemini';

/** The fake Gemini answers a story prompt that carries learning words with a story that uses some. */
function bodyFor(over: object) {
  const params = StoryJobParamsSchema.parse({ topic: 'Cats', level: 'N5', length: 'short', ...over });
  const { prompt, systemInstruction } = buildStoryPrompt(params as never);
  return { contents: [{ role: 'user', parts: [{ text: prompt }] }], systemInstruction: { parts: [{ text: systemInstruction }] } };
}

describe('fake Gemini: learning words', () => {
  it('writes the first two learning words (with readings) into one more sentence, which its tokenizer reads back', () => {
    const words = [{ base: '猫', reading: 'ねこ' }, { base: '雨', reading: 'あめ' }, { base: '海', reading: 'うみ' }];
    const story = storyForRequest(bodyFor({ learningWords: words }) as never);
    expect(story.content).toHaveLength(STORY_N5.content.length + 1);
    const added = story.content.find((s) => s.jp.includes('猫'))!;
    expect(added.jp).toContain('雨');
    expect(added.jp).not.toContain('海');
    expect(added.readings).toEqual([{ text: '猫', reading: 'ねこ' }, { text: '雨', reading: 'あめ' }]);
    const tokens = fakeTokens(added.jp);
    expect(tokens).toContainEqual(expect.arrayContaining(['猫', 'ねこ']));
    expect(tokens).toContainEqual(expect.arrayContaining(['雨', 'あめ']));
  });

  it('leaves the story as it was when the prompt has no learning words', () => {
    expect(storyForRequest(bodyFor({}) as never).content).toEqual(STORY_N5.content);
  });
});
