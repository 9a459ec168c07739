import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterNextPaint } from '../../app/first-paint';

/** Sentences drawn as word elements in the first paint: more than a phone's first screen shows. */
export const FIRST_BATCH = 4;
/** Sentences turned into word elements per frame after that. */
export const BATCH = 1;

/**
 * Which of the Reader's sentences are word elements yet. Word elements (sentence-words.ts) are what
 * makes a long story slow to open: the first paint draws the first sentences as words and the rest
 * as the same text without them (renderPlainSentence, which sets exactly the same way, so nothing
 * moves), then turns the rest into words a batch per frame, so the main thread is never held for
 * the whole story and the text is on screen sooner. A key or the focus reaching the story (a
 * keyboard learner tabbing to a sentence further down) turns every sentence into words at once.
 */
export class SentenceBatches implements ReactiveController {
  private upTo = FIRST_BATCH;
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
      this.upTo = FIRST_BATCH;
    }
    this.total = sentences;
  }

  /** True when sentence `index` is drawn as word elements. */
  asWords(index: number): boolean {
    return index < this.upTo;
  }

  /** Every sentence as words now (the keyboard reached the story). */
  readonly all = (): void => {
    if (this.upTo >= this.total) return;
    this.upTo = this.total;
    this.host.requestUpdate();
  };

  hostUpdated(): void {
    if (this.pending || this.upTo >= this.total) return;
    this.pending = true;
    const story = this.story;
    void afterNextPaint().then(() => {
      this.pending = false;
      if (!this.connected || story !== this.story || this.upTo >= this.total) return;
      this.upTo += BATCH;
      this.host.requestUpdate();
    });
  }
}
