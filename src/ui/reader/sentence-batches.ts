import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterNextPaint } from '../../app/first-paint';

/** Sentences in the first paint, as word elements: more than a phone's first screen shows. */
export const FIRST_BATCH = 4;
/** What follows the story (its end, vocabulary, quiz), drawn a part per frame after its last sentence. */
export const PARTS_AFTER = 3;

/**
 * Which of the Reader's sentences are drawn yet, and which as word elements. Sentences, and above
 * all word elements (sentence-words.ts), are what makes a story slow to open: the first paint draws
 * only the first sentences, as words, and the rest follow one per frame below them, also as words,
 * so the main thread is never held for the whole story and the text is on screen sooner. What
 * comes after the story (the end, vocabulary, quiz) follows its last sentence, a part per frame.
 * Nothing on screen moves: everything is added under what is already there.
 *
 * A page restoring a saved place needs every sentence where it will be: `showAll` draws the rest
 * at once as the same text without word elements (renderPlainSentence, which sets exactly the same
 * way), and those turn into words one per frame. A key or the focus reaching the story (a keyboard
 * learner tabbing to a sentence further down) turns every sentence into words at once.
 */
export class SentenceBatches implements ReactiveController {
  private shown = FIRST_BATCH;
  private words = FIRST_BATCH;
  private after = 0;
  private total = 0;
  private story = '';
  private pending = false;
  private connected = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
  }

  hostDisconnected(): void {
    this.connected = false;
  }

  /** Called by render with the story drawn: another story starts again from the first batch. */
  drawing(storyId: string, sentences: number): void {
    if (storyId !== this.story) {
      this.story = storyId;
      this.shown = FIRST_BATCH;
      this.words = FIRST_BATCH;
      this.after = 0;
    }
    this.total = sentences;
  }

  /** How many sentences are drawn: the first `count` of the story. */
  get count(): number {
    return Math.min(this.shown, this.total);
  }

  /** True once every sentence and everything after them is drawn. */
  get complete(): boolean {
    return this.shown >= this.total && this.after >= PARTS_AFTER;
  }

  /** True when part `index` (0 to PARTS_AFTER - 1) of what follows the story is drawn. */
  afterStory(index: number): boolean {
    return index < this.after;
  }

  /** True when sentence `index` is drawn as word elements. */
  asWords(index: number): boolean {
    return index < this.words;
  }

  /** Every sentence drawn now, without words where they are not yet (a restore measures them all). */
  readonly showAll = (): void => {
    if (this.complete) return;
    this.shown = this.total;
    this.after = PARTS_AFTER;
    this.host.requestUpdate();
  };

  /** Every sentence drawn as words now (the keyboard reached the story). */
  readonly all = (): void => {
    if (this.complete && this.words >= this.total) return;
    this.shown = this.total;
    this.words = this.total;
    this.after = PARTS_AFTER;
    this.host.requestUpdate();
  };

  hostUpdated(): void {
    if (this.pending || this.done()) return;
    this.pending = true;
    const story = this.story;
    void afterNextPaint().then(() => {
      this.pending = false;
      if (!this.connected || this.done()) return;
      // Another story drawn meanwhile starts its own batches from its first sentences.
      if (story === this.story) this.step();
      this.host.requestUpdate();
    });
  }

  /** Nothing left to draw, or no story drawn yet (the page still says it is opening). */
  private done(): boolean {
    return this.total === 0 || (this.complete && this.words >= this.total);
  }

  /** One frame's worth: the next sentence under the others, or the next part after them, or the next plain sentence as words. */
  private step(): void {
    if (this.shown < this.total) {
      this.shown += 1;
      this.words += 1;
    } else if (this.after < PARTS_AFTER) this.after += 1;
    else this.words += 1;
  }
}
