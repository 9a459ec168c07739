import { css, html, LitElement, type TemplateResult } from 'lit';
import type { Question } from '../../domain/story';
import { emit } from '../emit';
import { sharedStyles } from '../shared-styles';

/**
 * `<nm-reader-quiz>`: comprehension questions. Picking an option reveals whether it was right, the
 * correct answer's text (not its index) and the explanation; the score counts answered questions.
 * @fires nm-quiz-answer - `{ index, option }` when the learner picks an option (bubbles, composed).
 */
export class NmReaderQuiz extends LitElement {
  static override properties = { questions: { attribute: false }, answers: { attribute: false } };
  declare questions: readonly Question[];
  declare answers: Readonly<Record<string, number>>;

  static override styles = [
    sharedStyles,
    css`
      ol { padding-left: 1.25rem; display: grid; gap: 1rem; }
      fieldset { border: 1px solid var(--nm-border); border-radius: 0.75rem; padding: 0.75rem; margin: 0; }
      legend { font-weight: 700; padding: 0 0.25rem; }
      .options { display: grid; gap: 0.5rem; }
      .options button { justify-content: flex-start; text-align: left; width: 100%; }
      .options button.correct { border: 2px solid var(--nm-ok); }
      .options button.wrong { border: 2px solid var(--nm-bad); }
      .result { margin: 0.5rem 0 0; }
      .ok { color: var(--nm-ok); font-weight: 700; }
      .bad { color: var(--nm-bad); font-weight: 700; }
    `,
  ];

  constructor() {
    super();
    this.questions = [];
    this.answers = {};
  }

  private pick(index: number, option: number): void {
    emit(this, 'nm-quiz-answer', { index, option });
  }

  override render(): TemplateResult {
    const answered = this.questions.filter((_, i) => this.answers[i] !== undefined);
    const correct = this.questions.filter((q, i) => this.answers[i] === q.answer).length;
    return html`
      <p class="score" role="status">Score: ${correct} / ${this.questions.length}${answered.length < this.questions.length
        ? html` <span class="muted">(${this.questions.length - answered.length} to go)</span>` : null}</p>
      <ol>${this.questions.map((q, i) => this.renderQuestion(q, i))}</ol>
    `;
  }

  private renderQuestion(q: Question, index: number): TemplateResult {
    const picked = this.answers[index];
    const done = picked !== undefined;
    return html`<li><fieldset>
      <legend lang=${langOf(q.question)}>${q.question}</legend>
      <div class="options">
        ${q.options.map((option, o) => html`<button
          class=${done ? (o === q.answer ? 'correct' : o === picked ? 'wrong' : '') : ''}
          aria-pressed=${done && o === picked ? 'true' : 'false'}
          ?disabled=${done}
          lang=${langOf(option)}
          @click=${() => this.pick(index, o)}>${option}</button>`)}
      </div>
      ${done
        ? html`<div class="result" role="status">
            ${picked === q.answer ? html`<span class="ok">Correct!</span>` : html`<span class="bad">Not quite.</span>`}
            Answer: <strong lang=${langOf(q.options[q.answer] ?? '')}>${q.options[q.answer]}</strong>
            ${q.explanation ? html`<p>${q.explanation}</p>` : null}
          </div>`
        : null}
    </fieldset></li>`;
  }
}

/**
 * Questions and options are in Japanese or English, as the story's level asks. Saying which lets a
 * screen reader pronounce them, and sets Japanese in the Japanese fonts (shared-styles.ts) rather
 * than asking the system for a fallback font character by character.
 */
function langOf(text: string): 'ja' | 'en' {
  return /[\u3040-\u30ff\u4e00-\u9fff]/.test(text) ? 'ja' : 'en';
}

customElements.define('nm-reader-quiz', NmReaderQuiz);
declare global {
  interface HTMLElementTagNameMap { 'nm-reader-quiz': NmReaderQuiz }
  interface HTMLElementEventMap {
    'nm-quiz-answer': CustomEvent<{ index: number; option: number }>;
  }
}
