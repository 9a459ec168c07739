import { describe, expect, it } from 'vitest';
import { AiError } from '../../../src/ai/errors';
import { StoryText } from '../../../src/ai/story-stream';

const SEGMENT = '{"jp": "猫がいます。", "en": "There is a cat."}';

/** Feeds `text` in pieces of `size` characters. */
function feed(text: string, size: number, into = new StoryText()): StoryText {
  for (let i = 0; i < text.length; i += size) into.append(text.slice(i, i + size));
  return into;
}

describe('StoryText', () => {
  it('counts each "jp" key once, however the chunks split it', () => {
    const answer = `{"content": [${Array.from({ length: 7 }, () => SEGMENT).join(', ')}]}`;
    for (const size of [1, 2, 3, 5, 8, 13, answer.length]) {
      const text = feed(answer, size);
      expect({ size, segments: text.segments }).toEqual({ size, segments: 7 });
      expect(text.chars).toBe(answer.length);
      expect(text.text()).toBe(answer);
    }
  });

  it('reads each chunk once plus a short tail, never the whole text again', () => {
    const answer = `[${Array.from({ length: 2000 }, () => SEGMENT).join(',')}]`;
    const chunks = Math.ceil(answer.length / 50);
    const text = feed(answer, 50);
    expect(text.segments).toBe(2000);
    // Re-scanning the whole text on each chunk would read about chunks × length / 2 characters.
    expect(text.scanned).toBeLessThanOrEqual(answer.length + chunks * 16);
  });

  it('fails as invalid output once the answer passes the cap, keeping what it had', () => {
    const text = new StoryText(100);
    text.append('x'.repeat(60));
    text.append('x'.repeat(40));
    let thrown: unknown;
    try {
      text.append('x');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AiError);
    expect(thrown).toMatchObject({ kind: 'invalid-output', code: 'answer-too-long' });
    expect(text.chars).toBe(100);
  });

});
