import { css, html, LitElement, type TemplateResult } from 'lit';
import { forgetApiKey, saveApiKey } from '../../app/api-key';
import { generatorStyles } from '../generator/generator-styles';
import { sharedStyles } from '../shared-styles';

type Outcome = 'saved' | 'cancelled';

/**
 * `<nm-key-step>`: the first step of "Write a story" on a device with no Gemini API key. Says what
 * the key is, where to get one and where it stays, takes it, checks it with one model-list request,
 * and hands back to the writing flow. A key Gemini refused can be replaced at once; when the check
 * itself cannot run (offline), the learner may go on, since stories wait for the network anyway.
 *
 * The key is never held here after saving: the input is cleared and only the result is kept.
 */
export class NmKeyStep extends LitElement {
  static override properties = { error: { state: true }, busy: { state: true }, unchecked: { state: true } };
  declare error: string;
  declare busy: boolean;
  /** The key is saved but could not be checked: offer to go on anyway. */
  declare unchecked: boolean;

  static override styles = [
    sharedStyles,
    generatorStyles,
    css`
      ol { margin: 0; padding-left: 1.25rem; display: grid; gap: 0.35rem; }
      p { margin: 0; }
      .stays { padding: 0.5rem 0.75rem; border-left: 4px solid var(--nm-ok); background: var(--nm-bg); border-radius: 0.25rem; }
    `,
  ];

  private settle: ((outcome: Outcome) => void) | undefined;

  constructor() {
    super();
    this.error = '';
    this.busy = false;
    this.unchecked = false;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog') ?? null;
  }

  /** Opens the step; resolves once a key is saved (and accepted, or could not be checked) or the step is closed. */
  async ask(): Promise<Outcome> {
    await this.updateComplete;
    this.error = '';
    this.unchecked = false;
    this.dialog?.showModal();
    this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
    return new Promise((resolve) => {
      this.settle = resolve;
    });
  }

  private finish(outcome: Outcome): void {
    const settle = this.settle;
    this.settle = undefined;
    this.dialog?.close();
    settle?.(outcome);
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[name="api-key"]')!;
    this.busy = true;
    this.unchecked = false;
    try {
      const saved = await saveApiKey(input.value);
      if (!saved.ok) {
        this.error = saved.message;
        input.focus();
        return;
      }
      input.value = '';
      this.error = '';
      const { testKeyAndLoadModels } = await import('../../app/gemini-connection');
      const test = await testKeyAndLoadModels(AbortSignal.timeout(20_000)).catch(() => ({ ok: false as const, message: '', keyRefused: false }));
      if (test.ok) {
        this.finish('saved');
        return;
      }
      // A refused key is not kept: the next "Write a story" would only fail with it.
      const refused = !test.ok && test.keyRefused === true;
      if (refused) await forgetApiKey();
      this.unchecked = !refused;
      this.error = refused
        ? 'Gemini did not accept this key. Copy it again from Google AI Studio and paste it here.'
        : `Your key is saved, but it could not be checked just now${test.message ? `: ${test.message}` : '.'}`;
      input.focus();
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    return html`<dialog aria-labelledby="key-title" aria-describedby="key-what" @close=${() => this.finish('cancelled')}>
      <form novalidate @submit=${(e: SubmitEvent) => void this.save(e)}>
        <h2 id="key-title">First, your Gemini API key</h2>
        <p id="key-what">Stories are written by Google Gemini. The app asks Gemini with your own API key: a long code,
          free to get, that lets this app make requests in your name.</p>
        <ol>
          <li><a href="https://aistudio.google.com/apikey" target="_blank" rel="noopener">Open Google AI Studio</a> (new tab) and sign in with a Google account.</li>
          <li>Press “Create API key” and copy the key.</li>
          <li>Come back to this tab and paste it below.</li>
        </ol>
        <p class="stays">Where it stays: only on this device, in this browser. It is sent only to Gemini, never exported
          or synced, and never shown in full again.</p>
        <div class="field">
          <label for="key-input">Gemini API key</label>
          <input id="key-input" type="password" name="api-key" autocomplete="off" spellcheck="false" autocapitalize="off"
            aria-invalid=${this.error && !this.unchecked ? 'true' : 'false'} aria-describedby="key-error" />
          <p id="key-error" class="error" role="alert">${this.error}</p>
        </div>
        <p class="muted">Endpoint, models and voice are in <a href="/settings" @click=${() => this.finish('cancelled')}>Settings</a>.</p>
        <div class="actions">
          <button type="button" @click=${() => this.finish('cancelled')}>Cancel</button>
          ${this.unchecked ? html`<button type="button" @click=${() => this.finish('saved')}>Write anyway</button>` : null}
          <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? 'Checking the key…' : 'Save and continue'}</button>
        </div>
      </form>
    </dialog>`;
  }
}

customElements.define('nm-key-step', NmKeyStep);
declare global {
  interface HTMLElementTagNameMap { 'nm-key-step': NmKeyStep }
}
