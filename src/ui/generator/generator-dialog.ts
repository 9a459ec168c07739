import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { z } from 'zod';
import { rememberExtras, rememberedExtras } from '../../app/generator-extras';
import { type JobParams, type KnownTarget, StoryJobParamsSchema, type WordRef } from '../../domain/job';
import { LENGTH_SENTENCES, LEVELS, type Level, STORY_LENGTHS, type StoryLength } from '../../domain/levels';
import { randomTopic } from '../../domain/topics';
import { emit } from '../emit';
import { groupRequests, requestsLabel } from '../request-label';
import { sharedStyles } from '../shared-styles';
import { fitFields, fitParams } from './fit-fields';
import { deepActiveElement, FIELD_ORDER, type Field, type FieldErrors, fieldErrors, INSTRUCTIONS_MAX, lengthLabel, levelLabel, TOPIC_MAX } from './generator-fields';
import { generatorStyles } from './generator-styles';

/** Detail of `nm-generate`: the story job's params and which follow-up jobs to add. */
export interface GenerateRequest {
  params: JobParams['story'];
  narrate: boolean;
  illustrate: boolean;
}

/**
 * `<nm-generator-dialog>`: the "new story" form in a native modal `<dialog>`. Topic (required, with a
 * "Random topic" button), level, length, optional instructions, "use my learning words" and a
 * known-words target (fit-fields.ts), and "also narrate / illustrate" with the number of Gemini
 * requests each makes. Validates with StoryJobParamsSchema and shows messages
 * next to the fields; it does not enqueue anything itself — the host listens for `nm-generate`.
 *
 * `show()` opens it (focus goes to the topic), Escape, "Cancel", the ✕ button or a click on the
 * backdrop close it, and focus returns to the
 * element that had it before. Must be in the document before `show()` is called.
 *
 * @fires nm-generate - `{ params: {topic, level, length, instructions, learningWords?, knownTarget?, knownWords?}, narrate, illustrate }` on a
 *   valid submit (bubbles, composed); the dialog then closes.
 * @fires nm-generator-close - `{ submitted }` when the dialog has closed, however it was closed.
 */
export class NmGeneratorDialog extends LitElement {
  static override properties = {
    offline: { type: Boolean },
    level: { type: String },
    length: { type: String },
    narrate: { type: Boolean },
    illustrate: { type: Boolean },
    rememberExtras: { type: Boolean, attribute: 'remember-extras' },
    random: { attribute: false },
    learningWords: { attribute: false },
    knownWords: { attribute: false },
    useLearningWords: { type: Boolean },
    knownTarget: { attribute: false },
    topic: { state: true },
    instructions: { state: true },
    errors: { state: true },
    announcement: { state: true },
  };
  /** Shows a note that the story will be written when the network is back (enqueue still works). */
  declare offline: boolean;
  /** Chosen level; a host may preset it (defaults to N5). */
  declare level: Level;
  declare length: StoryLength;
  declare narrate: boolean;
  declare illustrate: boolean;
  /**
   * "Remember for next time": keeps the extras ticked for the next story (and in this browser).
   * Off by default, so a paid extra chosen once is not silently asked for again.
   */
  declare rememberExtras: boolean;
  /** Source of randomness for "Random topic" (tests inject one). */
  declare random: () => number;
  /** The learner's learning words, newest first: the host sets them before `show()` (issue 14). */
  declare learningWords: readonly WordRef[];
  /** A sample of the words the learner knows, newest first, sent with a known-words target. */
  declare knownWords: readonly WordRef[];
  /** "Use my learning words": kept for the next story, like the level. */
  declare useLearningWords: boolean;
  /** "Known words: about 95 %"; undefined = any. Kept for the next story too. */
  declare knownTarget: KnownTarget | undefined;
  declare topic: string;
  declare instructions: string;
  declare errors: FieldErrors;
  declare announcement: string;

  static override styles = [sharedStyles, generatorStyles];

  private opener: HTMLElement | null = null;
  private submitted = false;
  /** Whether the press that makes the current click began outside the dialog's box (on the backdrop). */
  private downOnBackdrop = false;
  /** Counts "Random topic" presses: a draw that resolves after a newer one (first load) is dropped. */
  private draws = 0;

  constructor() {
    super();
    this.offline = false;
    this.level = 'N5';
    this.length = 'short';
    const remembered = rememberedExtras();
    this.narrate = remembered?.narrate ?? false;
    this.illustrate = remembered?.illustrate ?? false;
    this.rememberExtras = remembered !== null;
    this.random = Math.random;
    this.learningWords = [];
    this.knownWords = [];
    this.useLearningWords = false;
    this.knownTarget = undefined;
    this.topic = '';
    this.instructions = '';
    this.errors = {};
    this.announcement = '';
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog') ?? null;
  }

  /** Whether the dialog is showing. */
  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens the dialog as a modal; resolves once it is showing with focus in the topic field. */
  async show(): Promise<void> {
    if (!this.isConnected) throw new Error('<nm-generator-dialog> must be in the document before show()');
    await this.updateComplete;
    const dialog = this.dialog!;
    if (!dialog.open) {
      this.opener = deepActiveElement();
      this.submitted = false;
      this.errors = {};
      this.announcement = '';
      await this.updateComplete;
      dialog.showModal();
    }
    this.focusField('topic');
  }

  /** Closes the dialog (as "Cancel" does); focus returns to the opener. */
  close(): void {
    this.dialog?.close();
  }

  private readonly onClose = (): void => {
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
    const submitted = this.submitted;
    this.submitted = false;
    emit(this, 'nm-generator-close', { submitted });
  };

  /** Whether a pointer event is outside the dialog's box: the backdrop (it is dispatched to the dialog). */
  private onBackdrop(event: MouseEvent): boolean {
    const dialog = this.dialog;
    if (!dialog || event.target !== dialog) return false;
    const box = dialog.getBoundingClientRect();
    return event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom;
  }

  /**
   * A click on the backdrop closes the dialog, but only when the press began there too: selecting
   * text in the topic and letting go outside the box must not throw the form away.
   */
  private readonly onPointerDown = (event: PointerEvent): void => {
    this.downOnBackdrop = this.onBackdrop(event);
  };

  private readonly onClick = (event: MouseEvent): void => {
    if (this.downOnBackdrop && this.onBackdrop(event)) this.close();
    this.downOnBackdrop = false;
  };

  private values(): z.input<typeof StoryJobParamsSchema> {
    return { topic: this.topic, level: this.level, length: this.length, instructions: this.instructions.trim(), ...fitParams(this) };
  }

  /** After a failed submit, messages follow the learner's edits (cleared once fixed, never added while typing). */
  private revalidate(): void {
    if (!Object.keys(this.errors).length) return;
    const result = StoryJobParamsSchema.safeParse(this.values());
    const now = result.success ? {} : fieldErrors(result.error.issues);
    const kept: FieldErrors = {};
    for (const field of FIELD_ORDER) if (this.errors[field] && now[field]) kept[field] = now[field];
    this.errors = kept;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const result = StoryJobParamsSchema.safeParse(this.values());
    if (!result.success) {
      this.errors = fieldErrors(result.error.issues);
      await this.updateComplete;
      const first = FIELD_ORDER.find((f) => this.errors[f]);
      if (first) this.focusField(first);
      return;
    }
    this.errors = {};
    const detail: GenerateRequest = { params: result.data, narrate: this.narrate, illustrate: this.illustrate };
    emit(this, 'nm-generate', detail);
    this.submitted = true;
    rememberExtras(this.rememberExtras ? { narrate: this.narrate, illustrate: this.illustrate } : null);
    if (!this.rememberExtras) {
      this.narrate = false;
      this.illustrate = false;
    }
    this.topic = '';
    this.instructions = '';
    this.announcement = '';
    this.close();
  }

  private focusField(field: Field): void {
    const root = this.renderRoot;
    const target = field === 'length'
      ? (root.querySelector<HTMLInputElement>('input[name="length"]:checked') ?? root.querySelector<HTMLInputElement>('input[name="length"]'))
      : root.querySelector<HTMLElement>(`#${field}`);
    target?.focus();
  }

  /** The topic list loads on the first press (its own chunk, precached), so the draw is awaited. */
  private async pickRandomTopic(): Promise<void> {
    const draw = ++this.draws;
    let topic: string;
    try {
      topic = await randomTopic(this.random, this.topic, this.level);
    } catch {
      if (draw === this.draws) this.announcement = 'The topic list could not be loaded. Type a topic, or try again.';
      return;
    }
    if (draw !== this.draws) return;
    this.topic = topic;
    this.announcement = `Topic: ${this.topic}`;
    this.revalidate();
  }

  /** `aria-describedby` for a field: its hint (if any) and, when invalid, its message. */
  private describedBy(field: Field, hint?: string): string | typeof nothing {
    return [hint, this.errors[field] ? `${field}-error` : undefined].filter(Boolean).join(' ') || nothing;
  }

  private errorFor(field: Field): TemplateResult {
    return html`<p id="${field}-error" class="error" role="alert">${this.errors[field] ?? ''}</p>`;
  }

  override render(): TemplateResult {
    const sentences = LENGTH_SENTENCES[this.length]?.max ?? LENGTH_SENTENCES.short.max;
    const { total, most, parts } = groupRequests(sentences, { narrate: this.narrate, illustrate: this.illustrate });
    return html`<dialog aria-labelledby="generator-title" @close=${this.onClose} @pointerdown=${this.onPointerDown} @click=${this.onClick}>
      <form novalidate @submit=${(e: SubmitEvent) => void this.submit(e)}>
        <div class="head">
          <h2 id="generator-title">New story</h2>
          <button type="button" class="close" aria-label="Close" title="Close" @click=${() => this.close()}><span aria-hidden="true">✕</span></button>
        </div>
        ${this.offline
          ? html`<p class="note" role="status">You're offline — the story will be written when you're back online.</p>`
          : null}

        <div class="field">
          <label for="topic">Topic</label>
          <div class="topic-row">
            <input id="topic" name="topic" type="text" autocomplete="off" required aria-required="true" autofocus
              maxlength=${TOPIC_MAX} placeholder="e.g. A day at the beach"
              aria-invalid=${this.errors.topic ? 'true' : 'false'} aria-describedby=${this.describedBy('topic')}
              .value=${live(this.topic)}
              @input=${(e: Event) => { this.topic = (e.target as HTMLInputElement).value; this.revalidate(); }}>
            <button type="button" @click=${() => void this.pickRandomTopic()}>Random topic</button>
          </div>
          ${this.errorFor('topic')}
          <p class="visually-hidden" role="status">${this.announcement}</p>
        </div>

        <div class="field">
          <label for="level">Level</label>
          <select id="level" name="level" aria-invalid=${this.errors.level ? 'true' : 'false'} aria-describedby=${this.describedBy('level')}
            @change=${(e: Event) => { this.level = (e.target as HTMLSelectElement).value as Level; this.revalidate(); }}>
            ${LEVELS.map((l) => html`<option value=${l} ?selected=${l === this.level}>${levelLabel(l)}</option>`)}
          </select>
          ${this.errorFor('level')}
        </div>

        <fieldset class="field">
          <legend>Length</legend>
          ${STORY_LENGTHS.map((l) => html`<label class="choice">
            <input type="radio" name="length" value=${l} .checked=${live(l === this.length)}
              aria-invalid=${this.errors.length ? 'true' : 'false'} aria-describedby=${this.describedBy('length')}
              @change=${() => { this.length = l; this.revalidate(); }}>
            ${lengthLabel(l)}
          </label>`)}
          ${this.errorFor('length')}
        </fieldset>

        <div class="field">
          <label for="instructions">Instructions <span class="muted">(optional)</span></label>
          <textarea id="instructions" name="instructions" rows="3" maxlength=${INSTRUCTIONS_MAX}
            aria-invalid=${this.errors.instructions ? 'true' : 'false'} aria-describedby=${this.describedBy('instructions', 'instructions-hint')}
            .value=${live(this.instructions)}
            @input=${(e: Event) => { this.instructions = (e.target as HTMLTextAreaElement).value; this.revalidate(); }}></textarea>
          <p id="instructions-hint" class="hint muted">Anything the story should include, e.g. “a cat named Tama”.
            ${this.instructions.length} / ${INSTRUCTIONS_MAX} characters.</p>
          ${this.errorFor('instructions')}
        </div>

        ${fitFields(this, {
          onUseLearningWords: (use) => { this.useLearningWords = use; },
          onKnownTarget: (target) => { this.knownTarget = target; },
        })}

        <fieldset class="field">
          <legend>Extras</legend>
          <label class="choice">
            <input type="checkbox" name="narrate" aria-describedby="narrate-hint" .checked=${live(this.narrate)}
              @change=${(e: Event) => { this.narrate = (e.target as HTMLInputElement).checked; }}>
            Also narrate it (audio)
          </label>
          <p id="narrate-hint" class="choice-hint muted">One request per sentence: about ${requestsLabel(sentences)}.</p>
          <label class="choice">
            <input type="checkbox" name="illustrate" aria-describedby="illustrate-hint" .checked=${live(this.illustrate)}
              @change=${(e: Event) => { this.illustrate = (e.target as HTMLInputElement).checked; }}>
            Also illustrate it (cover picture)
          </label>
          <p id="illustrate-hint" class="choice-hint muted">For the cover: ${requestsLabel(1)}.</p>
          <label class="choice">
            <input type="checkbox" name="remember-extras" aria-describedby="remember-hint" .checked=${live(this.rememberExtras)}
              @change=${(e: Event) => { this.rememberExtras = (e.target as HTMLInputElement).checked; }}>
            Remember for next time
          </label>
          <p id="remember-hint" class="choice-hint muted">Otherwise the next story starts without extras.</p>
          <p class="total" aria-live="polite">In all to Gemini: ${this.narrate ? 'about ' : ''}${requestsLabel(total, most)} (${parts.join(', ')}).</p>
        </fieldset>

        <div class="actions">
          <button type="button" @click=${() => this.close()}>Cancel</button>
          <button type="submit" class="primary">Create story</button>
        </div>
      </form>
    </dialog>`;
  }
}

customElements.define('nm-generator-dialog', NmGeneratorDialog);
declare global {
  interface HTMLElementTagNameMap { 'nm-generator-dialog': NmGeneratorDialog }
  interface HTMLElementEventMap {
    'nm-generate': CustomEvent<GenerateRequest>;
    'nm-generator-close': CustomEvent<{ submitted: boolean }>;
  }
}
