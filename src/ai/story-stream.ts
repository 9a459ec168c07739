import { AiError } from './errors';
import { AI_MESSAGES } from './messages';

/**
 * The streamed story text, kept bounded. A model can loop ("ああああ…") until its token limit or
 * beyond what any story needs; without a cap the answer grows in memory for the whole 150 s timeout
 * and the progress count re-scans all of it on every chunk (quadratic). So:
 * - the text stops at `MAX_STORY_ANSWER_CHARS`, failing as invalid-output (a bounded retry may get
 *   a sane answer; the cap is far above the longest story: ~40 sentences of JSON are < 40 000 chars);
 * - the `"jp"` keys (the progress bar's sentence count) are counted in each new delta only, plus a
 *   short tail of the text before it so a key split across two chunks is still counted once.
 */

export const MAX_STORY_ANSWER_CHARS = 200_000;

const JP_KEY = /"jp"\s*:/g;
/** How much of the previous text is re-read with each delta: longer than a key with some spacing. */
const TAIL_CHARS = 16;

export class StoryText {
  private parts: string[] = [];
  private length = 0;
  private tail = '';
  private keys = 0;
  /** Characters the key counter has read in all (tests: it stays linear in the answer's length). */
  scanned = 0;

  constructor(private readonly maxChars = MAX_STORY_ANSWER_CHARS) {}

  /** Adds one chunk's text; throws AiError invalid-output once the answer is longer than the cap. */
  append(delta: string): void {
    if (this.length + delta.length > this.maxChars) {
      throw new AiError('invalid-output', 'answer-too-long', AI_MESSAGES.storyRunaway, {
        detail: `more than ${this.maxChars} characters`,
      });
    }
    this.parts.push(delta);
    this.length += delta.length;
    const window = this.tail + delta;
    this.scanned += window.length;
    for (const match of window.matchAll(JP_KEY)) {
      // A key that ended inside the tail was counted with the chunk it ended in.
      if (match.index + match[0].length > this.tail.length) this.keys += 1;
    }
    this.tail = window.slice(-TAIL_CHARS);
  }

  /** Characters received so far. */
  get chars(): number {
    return this.length;
  }

  /** Sentences begun so far (the `"jp"` keys seen). */
  get segments(): number {
    return this.keys;
  }

  /** The whole answer, joined once when it is needed. */
  text(): string {
    const joined = this.parts.join('');
    this.parts = [joined];
    return joined;
  }
}
