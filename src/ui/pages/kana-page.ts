import { css, html, LitElement, type TemplateResult } from 'lit';
import { KANA_CHARTS, type Kana, type KanaChart, type KanaScript, type KanaSection, kanaIn } from '../../domain/kana';
import { sharedStyles } from '../shared-styles';

/** The first installed Japanese voice, or null (no speechSynthesis, or no Japanese voice). */
function findJapaneseVoice(): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  return speechSynthesis.getVoices().find((v) => v.lang.replace('_', '-').toLowerCase().startsWith('ja')) ?? null;
}

/** Marks the Japanese runs of an English sentence with lang="ja", so screen readers switch voice. */
function withJapanese(text: string): Array<string | TemplateResult> {
  return text.split(/([\p{Script=Hiragana}\p{Script=Katakana}゛゜ー]+)/u)
    .map((part, i) => (i % 2 ? html`<span lang="ja" class="jp">${part}</span>` : part));
}

/**
 * `<nm-kana-page>`: the hiragana and katakana charts with romaji, one real table per section
 * (basic, dakuten, handakuten, yōon, small kana; katakana adds extended kana). Each table scrolls
 * sideways inside its own focusable region on narrow screens. When the browser has a Japanese voice,
 * every kana is a button that speaks it.
 */
export class NmKanaPage extends LitElement {
  static override properties = { script: { state: true }, voice: { state: true } };
  declare script: KanaScript;
  declare voice: SpeechSynthesisVoice | null;

  static override styles = [
    sharedStyles,
    css`
      .toggle { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-bottom: 0.5rem; }
      section { margin-top: 1.5rem; }
      section p { margin: 0 0 0.5rem; }
      .scroll { overflow-x: auto; max-width: 100%; border-radius: 0.5rem; }
      .scroll:focus-visible { outline: 3px solid var(--nm-focus); outline-offset: 2px; }
      table { border-collapse: collapse; background: var(--nm-surface); color: var(--nm-text); }
      caption { caption-side: top; text-align: start; padding: 0 0 0.35rem; font-size: 0.9rem; color: var(--nm-muted); }
      th, td { border: 1px solid var(--nm-border); text-align: center; padding: 0; }
      thead th { font-size: 0.85rem; font-weight: 700; padding: 0.25rem; }
      tbody th { font-size: 0.8rem; font-weight: 700; padding: 0.25rem 0.4rem; max-width: 4.5rem; }
      td { min-width: 3rem; }
      .cell { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 0.1rem; width: 100%; min-height: 3.5rem; padding: 0.25rem 0.3rem; }
      button.cell { border: 0; border-radius: 0; background: transparent; color: inherit; }
      button.cell:hover { background: var(--nm-bg); }
      button.cell:focus-visible { outline-offset: -3px; }
      .kana { font-family: var(--nm-font-jp); font-size: 1.6rem; line-height: 1.1; white-space: nowrap; }
      .romaji { font-size: 0.8rem; color: var(--nm-muted); }
    `,
  ];

  constructor() {
    super();
    this.script = 'hiragana';
    this.voice = null;
  }

  private readonly onVoices = () => {
    this.voice = findJapaneseVoice();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof speechSynthesis === 'undefined') return;
    speechSynthesis.addEventListener('voiceschanged', this.onVoices);
    this.onVoices();
  }

  override disconnectedCallback(): void {
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.removeEventListener('voiceschanged', this.onVoices);
    super.disconnectedCallback();
  }

  private speak(kana: string): void {
    if (!this.voice) return;
    const utterance = new SpeechSynthesisUtterance(kana);
    utterance.lang = 'ja-JP';
    utterance.voice = this.voice;
    speechSynthesis.cancel();
    speechSynthesis.speak(utterance);
  }

  override render(): TemplateResult {
    const chart = KANA_CHARTS[this.script];
    return html`
      <h1>Kana chart</h1>
      <p>Japanese is written with two kana scripts of the same sounds: hiragana for native words and grammar, katakana for loanwords and emphasis.</p>
      <div class="toggle" role="group" aria-label="Script">
        ${Object.values(KANA_CHARTS).map(
          (c) => html`<button type="button" aria-pressed=${c.id === this.script ? 'true' : 'false'} @click=${() => { this.script = c.id; }}>
            ${c.title} <span lang="ja" class="jp">${c.titleJa}</span>
          </button>`,
        )}
      </div>
      ${this.voice ? html`<p class="muted">Press a kana to hear it.</p>` : null}
      ${chart.sections.map((s) => this.renderSection(chart, s))}
    `;
  }

  private renderSection(chart: KanaChart, s: KanaSection): TemplateResult {
    const name = `${chart.title}: ${s.title}`;
    return html`
      <section aria-labelledby="kana-${s.id}">
        <h2 id="kana-${s.id}">${s.title}</h2>
        <p class="muted">${withJapanese(s.description)}</p>
        <div class="scroll" role="region" tabindex="0" aria-label="${name} table">
          <table>
            <caption>${name}, ${kanaIn(s).length} kana</caption>
            <thead>
              <tr>
                <th scope="col"><span class="visually-hidden">Consonant</span></th>
                ${s.columns.map((col) => html`<th scope="col">${col}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${s.rows.map(
                (r) => html`<tr>
                  <th scope="row">${r.label}</th>
                  ${r.cells.map((c) => html`<td>${c ? this.renderKana(c) : html`<span class="visually-hidden">no kana</span>`}</td>`)}
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>
    `;
  }

  private renderKana(k: Kana): TemplateResult {
    const content = html`<span lang="ja" class="kana">${k.kana}</span> <span class="romaji">${k.romaji}</span>`;
    return this.voice
      ? html`<button type="button" class="cell" @click=${() => this.speak(k.kana)}>${content}</button>`
      : html`<span class="cell">${content}</span>`;
  }
}

customElements.define('nm-kana-page', NmKanaPage);
declare global {
  interface HTMLElementTagNameMap { 'nm-kana-page': NmKanaPage }
}
