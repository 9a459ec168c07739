import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Vocab } from '../../domain/story';
import type { Token } from '../../domain/tokens';
import type { WordState } from '../../domain/words-key';
import { emit } from '../emit';
import { sharedStyles } from '../shared-styles';
import { wordDetails } from './word-details';
import { wordPopoverStyles } from './word-popover-styles';

/** What the Reader hands the popover about the word that was opened (word-opener.ts builds it). */
export interface WordPopoverData {
  storyId: string;
  /** Segment (sentence) index in the story. */
  segment: number;
  token: Token;
  /** The story's vocabulary list: the meaning when the token has none. */
  vocab: readonly Vocab[];
  /** The sentence's English translation. */
  translation: string;
  /** The sentence has stored narration: "Play this sentence" is offered. */
  narrated: boolean;
  /** The stored grammar note on the sentence (explain job), shown as text. */
  explanation?: string | undefined;
  /** "Explain this sentence" was asked and its note has not arrived yet. */
  explaining: boolean;
  /** The sentence's words come from the device's segmentation (no stored tokens yet). */
  onDevice: boolean;
  /** "Add word details" was asked and the tokens have not arrived yet. */
  annotating: boolean;
  /** The word's key in the words store. */
  wordKey: string;
  /** What the learner knows of the word now (issue 14), live. */
  state: WordState;
  /** What the last state change did, with its Undo: said inside the dialog, which is modal (a toast outside it could not be reached). */
  said?: StateSaid | null | undefined;
}

/** "山: you know it." and the Undo that puts it back (word-state-actions.ts). */
export interface StateSaid {
  message: string;
  undo?: (() => void) | undefined;
}

/** Where the word is on screen (its bounding box), so the popover opens next to it. */
export interface Anchor {
  top: number;
  bottom: number;
  left: number;
}

const GAP = 6;
const EDGE = 8;

/**
 * `<nm-word-popover>`: a tapped word's reading, romaji, dictionary form, part of speech, meaning, and
 * its sentence's translation, narration and grammar note. A modal `<dialog>` labelled by the word:
 * focus moves into it on open and the page behind is inert; Escape, the close button or a tap
 * outside close it. Loaded lazily by the Reader on the first open, so the Reader's first paint does
 * not carry it. Everything shown is text (lit text bindings), model output included.
 *
 * @fires nm-word-popover-close - the dialog closed (the Reader removes it and refocuses the word)
 * @fires nm-explain-request - `{storyId, segment}`: "Explain this sentence" was pressed
 * @fires nm-annotate-request - `{storyId}`: "Add word details" was pressed
 * @fires nm-play-sentence - `{segment}`: "Play this sentence" was pressed
 * @fires nm-word-state - `{key, state, segment}`: "I know this", "Learning" or "Back to new" was pressed
 */
export class NmWordPopover extends LitElement {
  static override properties = { data: { attribute: false }, anchor: { attribute: false } };
  declare data: WordPopoverData | undefined;
  declare anchor: Anchor | undefined;

  static override styles = [sharedStyles, wordPopoverStyles];

  constructor() {
    super();
    this.data = undefined;
    this.anchor = undefined;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  protected override firstUpdated(): void {
    const dialog = this.dialog;
    if (!dialog) return;
    dialog.showModal();
    this.renderRoot.querySelector<HTMLButtonElement>('button.close')?.focus();
  }

  /** "Back to new" was pressed: it goes away once the state arrives, and focus must not go with it. */
  private refocusState = false;
  /** A pressed button that gives way to a status ("Explaining…", Undo done): focus goes to Close, not to the document. */
  private refocusClose = false;

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('anchor') || changed.has('data')) this.place();
    if (this.refocusClose) {
      this.refocusClose = false;
      this.renderRoot.querySelector<HTMLButtonElement>('button.close')?.focus();
    }
    if (this.refocusState && this.data?.state === 'new') {
      this.refocusState = false;
      this.renderRoot.querySelector<HTMLButtonElement>('.word-state button')?.focus();
    }
  }

  /** Closes the dialog (as Escape or the close button do). */
  close(): void {
    this.dialog?.close();
  }

  /** Below the word when it fits, above it otherwise, kept inside the screen; full width on a phone. */
  private place(): void {
    const dialog = this.dialog;
    if (!dialog || !this.anchor) return;
    const { clientWidth: width, clientHeight: height } = document.documentElement;
    const box = dialog.getBoundingClientRect();
    const left = Math.min(Math.max(this.anchor.left, EDGE), Math.max(EDGE, width - box.width - EDGE));
    const below = this.anchor.bottom + GAP;
    const top = below + box.height <= height - EDGE ? below : Math.max(EDGE, this.anchor.top - GAP - box.height);
    dialog.style.setProperty('left', `${Math.round(left)}px`);
    dialog.style.setProperty('top', `${Math.round(top)}px`);
  }

  /** A tap on the backdrop lands on the dialog itself, outside its box. */
  private readonly onClick = (event: MouseEvent): void => {
    const dialog = this.dialog;
    if (!dialog || event.target !== dialog) return;
    const r = dialog.getBoundingClientRect();
    const inside = event.clientX >= r.left && event.clientX <= r.right && event.clientY >= r.top && event.clientY <= r.bottom;
    if (!inside) dialog.close();
  };

  override render(): TemplateResult {
    const data = this.data;
    if (!data) return html``;
    const d = wordDetails(data.token, data.vocab);
    return html`<dialog aria-labelledby="word-h" @click=${this.onClick} @close=${() => emit(this, 'nm-word-popover-close')}>
      <div class="head">
        <h2 id="word-h" lang="ja">${d.surface}</h2>
        ${d.reading ? html`<span class="reading" lang="ja">${d.reading}</span>` : nothing}
        <button class="close" aria-label="Close" @click=${() => this.close()}><span aria-hidden="true">×</span></button>
      </div>
      ${d.romaji ? html`<p class="romaji"><span class="visually-hidden">Romaji: </span>${d.romaji}</p>` : nothing}
      <dl class="facts">
        ${d.base ? html`<dt>Dictionary form</dt><dd lang="ja">${d.base}${d.baseReading ? html` <span class="reading">${d.baseReading}</span>` : nothing}</dd>` : nothing}
        ${d.pos ? html`<dt>Part of speech</dt><dd>${d.pos}</dd>` : nothing}
        <dt>Meaning</dt><dd class=${d.meaning ? 'meaning' : 'meaning muted'}>${d.meaning ?? 'No meaning stored for this word yet'}</dd>
      </dl>
      ${this.renderStateButtons(data)}
      <p class="said" role="status">${data.said ? html`${data.said.message} ${data.said.undo ? html`<button class="undo" @click=${this.undo}>Undo</button>` : nothing}` : nothing}</p>
      ${this.renderWordDetailsOffer(data)}
      <section class="sentence" aria-label="Sentence">
        ${data.translation ? html`<p class="translation">${data.translation}</p>` : nothing}
        <div class="actions">
          ${data.narrated ? html`<button @click=${() => emit(this, 'nm-play-sentence', { segment: data.segment })}>Play this sentence</button>` : nothing}
          ${data.explanation ? nothing : this.renderExplainButton(data)}
        </div>
        <div aria-live="polite">${data.explanation ? html`<h3>Grammar note</h3><p class="explanation">${data.explanation}</p>` : nothing}</div>
      </section>
    </dialog>`;
  }

  /**
   * What the learner knows of the word: the current state is the pressed button, so it is seen and
   * heard ("I know this, pressed"); "Back to new" appears once the word has a state to go back from.
   */
  private renderStateButtons(data: WordPopoverData): TemplateResult {
    const set = (state: WordState) => () => {
      if (state === data.state) return;
      this.refocusState = state === 'new';
      emit(this, 'nm-word-state', { key: data.wordKey, state, segment: data.segment });
    };
    return html`<div class="word-state" role="group" aria-label="What you know">
      <button aria-pressed=${String(data.state === 'known')} @click=${set('known')}>I know this</button>
      <button aria-pressed=${String(data.state === 'learning')} @click=${set('learning')}>Learning</button>
      ${data.state === 'new' ? nothing : html`<button @click=${set('new')}>Back to new</button>`}
    </div>`;
  }

  /** A request whose button gives way to its pending status. */
  private ask(send: () => void): void {
    this.refocusClose = true;
    send();
  }

  private readonly undo = (): void => {
    this.refocusClose = true;
    this.data?.said?.undo?.();
  };

  private renderExplainButton(data: WordPopoverData): TemplateResult {
    if (data.explaining) return html`<p class="pending" role="status">Explaining…</p>`;
    return html`<button @click=${() => this.ask(() => emit(this, 'nm-explain-request', { storyId: data.storyId, segment: data.segment }))}>Explain this sentence</button>`;
  }

  /** Until the story has tokens, the words are the device's guess and the meanings the vocabulary's. */
  private renderWordDetailsOffer(data: WordPopoverData): TemplateResult | typeof nothing {
    if (!data.onDevice) return nothing;
    return html`<div class="on-device">
      <p class="muted">These words were split on this device. Meanings for every word come after “Add word details”.</p>
      ${data.annotating
        ? html`<p class="pending" role="status">Adding word details…</p>`
        : html`<button @click=${() => this.ask(() => emit(this, 'nm-annotate-request', { storyId: data.storyId }))}>Add word details</button>`}
    </div>`;
  }
}

customElements.define('nm-word-popover', NmWordPopover);
declare global {
  interface HTMLElementTagNameMap { 'nm-word-popover': NmWordPopover }
  interface HTMLElementEventMap {
    'nm-word-popover-close': CustomEvent<undefined>;
    'nm-explain-request': CustomEvent<{ storyId: string; segment: number }>;
    'nm-annotate-request': CustomEvent<{ storyId: string }>;
    'nm-play-sentence': CustomEvent<{ segment: number }>;
    'nm-word-state': CustomEvent<{ key: string; state: WordState; segment: number }>;
  }
}
