import { describe, expect, it } from 'vitest';
import { storyProblems, storyRejectionReason } from '../../../src/domain/backup/issue-text';
import { StorySchema } from '../../../src/domain/story';
import { makeStory } from '../../support/fixtures/library';

/** The reason a learner reads for a story that fails StorySchema. */
function reasonFor(story: unknown, index = 0): string {
  const result = StorySchema.safeParse(story);
  if (result.success) throw new Error('expected the story to be invalid');
  return storyRejectionReason(result.error.issues, story, index);
}

describe('storyRejectionReason', () => {
  it('names a missing field', () => {
    const { titleJP: _t, ...story } = makeStory(1, { titleEN: 'Rain' });
    expect(reasonFor(story)).toBe('Story 1 (“Rain”): the Japanese title is missing');
  });

  it('names a field of the wrong type', () => {
    expect(reasonFor({ ...makeStory(1), readTime: 'long' }, 4)).toBe('Story 5 (“雨の朝 1”): the reading time should be a number');
  });

  it('names an empty list', () => {
    expect(reasonFor({ ...makeStory(1), content: [] })).toBe('Story 1 (“雨の朝 1”): the story needs at least 1 paragraph');
  });

  it('names an empty sentence inside a paragraph', () => {
    const story = makeStory(1);
    story.content[1]!.jp = '';
    expect(reasonFor(story)).toBe('Story 1 (“雨の朝 1”): paragraph 2’s Japanese text is empty');
  });

  it('names an answer out of range', () => {
    const story = makeStory(1);
    story.questions[0]!.answer = 4;
    expect(reasonFor(story)).toBe('Story 1 (“雨の朝 1”): question 1’s answer must be at most 3');
  });

  it('names an empty option and a reading inside a paragraph', () => {
    const story = makeStory(1);
    story.questions[0]!.options[2] = '';
    expect(reasonFor(story)).toBe('Story 1 (“雨の朝 1”): option 3 of question 1 is empty');
    const other = makeStory(1);
    other.content[0]!.readings[0]!.reading = '';
    expect(reasonFor(other)).toBe('Story 1 (“雨の朝 1”): reading 1 of paragraph 1’s reading is empty');
  });

  it('mentions how many more problems there are', () => {
    expect(reasonFor({ ...makeStory(1), level: 'N9', content: [] })).toBe(
      'Story 1 (“雨の朝 1”): the level is not one of the levels N5, N4, N3, N2, N1, Beginner, Intermediate or Advanced (and 1 more problem)',
    );
  });

  it('lists every problem, so the "1 more" can be read', () => {
    const input = { ...makeStory(1), level: 'N9', content: [] };
    const parsed = StorySchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(storyProblems(parsed.error!.issues, input)).toEqual([
      'the level is not one of the levels N5, N4, N3, N2, N1, Beginner, Intermediate or Advanced',
      'the story needs at least 1 paragraph',
    ]);
  });
});
