import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftFromText } from '../../../src/domain/partial-story';
import type { StoryDraft } from '../../../src/domain/story-draft';
import { STORY_N3, STORY_N5 } from '../../support/fake-gemini';

/** `small` is `big` cut short: fewer sentences, the last one maybe with fewer readings. */
function isPrefixOf(small: StoryDraft | null, big: StoryDraft | null): boolean {
  if (small === null) return true;
  if (big === null || small.titleJP !== big.titleJP || (small.titleEN !== '' && small.titleEN !== big.titleEN)) return false;
  if (small.sentences.length > big.sentences.length) return false;
  return small.sentences.every((s, i) => {
    const b = big.sentences[i]!;
    return s.jp === b.jp && s.readings.every((r, j) => JSON.stringify(r) === JSON.stringify(b.readings[j]));
  });
}

function everyPrefix(text: string, check: (draft: StoryDraft | null, previous: StoryDraft | null) => void): void {
  let previous: StoryDraft | null = null;
  for (let end = 0; end <= text.length; end += 1) {
    const draft = draftFromText(text.slice(0, end));
    check(draft, previous);
    previous = draft;
  }
}

describe('draftFromText', () => {
  for (const [name, story] of [['N3', STORY_N3], ['N5', STORY_N5]] as const) {
    it(`every prefix of the ${name} story's JSON is a growing prefix of its sentences, with furigana`, () => {
      const text = JSON.stringify(story);
      const whole = draftFromText(text);
      expect(whole?.titleJP).toBe(story.titleJP);
      expect(whole?.sentences.map((s) => s.jp)).toEqual(story.content.map((c) => c.jp));
      expect(whole?.sentences[0]?.readings.length).toBeGreaterThan(0);
      everyPrefix(text, (draft, previous) => {
        expect(isPrefixOf(previous, draft)).toBe(true);
        expect(isPrefixOf(draft, whole)).toBe(true);
      });
    });
  }

  it('shows a sentence as soon as its Japanese is complete, before the rest of its segment', () => {
    const text = JSON.stringify(STORY_N5);
    const first = STORY_N5.content[0]!.jp;
    const end = text.indexOf(JSON.stringify(first)) + JSON.stringify(first).length;
    expect(draftFromText(text.slice(0, end - 1))?.sentences).toEqual([]);
    expect(draftFromText(text.slice(0, end))?.sentences.map((s) => s.jp)).toEqual([first]);
  });

  it('reads a fenced answer and normalises model text like any untrusted text', () => {
    const text = '```json\n{"titleJP":"ねこ\\u202e\\u0000","content":[{"jp":"猫\\u200bです。","readings":[{"text":"猫","reading":"ねこ"},{"text":"犬","reading":"いぬ"}]}';
    expect(draftFromText(text)).toEqual({ titleJP: 'ねこ', titleEN: '', sentences: [{ jp: '猫です。', readings: [{ text: '猫', reading: 'ねこ' }] }] });
  });

  it('never throws, and grows with the text, for stories of any shape and spacing', () => {
    const segment = fc.record({
      jp: fc.string({ minLength: 1 }),
      readings: fc.array(fc.record({ text: fc.string(), reading: fc.string() }), { maxLength: 3 }),
      en: fc.string(),
    });
    const story = fc.record({ titleJP: fc.string(), titleEN: fc.string(), content: fc.array(segment, { maxLength: 4 }) });
    fc.assert(
      fc.property(story, fc.boolean(), (s, pretty) => {
        const text = JSON.stringify(s, null, pretty ? 1 : undefined);
        const whole = draftFromText(text);
        everyPrefix(text, (draft, previous) => {
          expect(isPrefixOf(previous, draft)).toBe(true);
          expect(isPrefixOf(draft, whole)).toBe(true);
        });
      }),
      { numRuns: 60 },
    );
  });
});
