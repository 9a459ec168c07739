import { html, LitElement, type TemplateResult } from 'lit';
import { forgetApiKey, maskedApiKey, saveApiKey } from '../../app/api-key';
import { LiveQueryController } from '../live-query-controller';
import { readFailure } from '../load-error';
import { sharedStyles } from '../shared-styles';
import { settingsStyles } from './settings-styles';

/**
 * `<nm-settings-gemini>`: the Gemini connection. Holds key storage (save, shown masked, remove);
 * endpoint, model pickers and a key test belong here as further `render…()` parts of this section.
 *
 * The key stays on this device (its own table, outside exports and sync). This component only ever
 * holds the key masked: the input is cleared once it is saved, and the key is never logged.
 */
export class NmSettingsGemini extends LitElement {
  static override properties = { error: { state: true }, status: { state: true }, busy: { state: true } };
  declare error: string;
  declare status: string;
  declare busy: boolean;

  static override styles = [sharedStyles, settingsStyles];

  /** The stored key masked, or null; follows changes made elsewhere (the older-app migration). */
  private readonly masked = new LiveQueryController<string | null>(this, maskedApiKey);

  constructor() {
    super();
    this.error = '';
    this.status = '';
    this.busy = false;
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const input = form.elements.namedItem('api-key') as HTMLInputElement;
    this.busy = true;
    try {
      const saved = await saveApiKey(input.value);
      if (!saved.ok) {
        this.error = saved.message;
        this.status = '';
        input.focus();
        return;
      }
      form.reset();
      this.error = '';
      this.status = `Saved. Your key (${saved.masked}) is stored on this device only.`;
    } finally {
      this.busy = false;
    }
  }

  private async removeKey(): Promise<void> {
    await forgetApiKey();
    this.error = '';
    this.status = 'Key removed from this device.';
  }

  override render(): TemplateResult {
    const failure = readFailure('your saved API key', this.masked);
    if (failure) return html`<section aria-labelledby="gemini-h"><h2 id="gemini-h">Gemini API key</h2>${failure}</section>`;
    return html`<section aria-labelledby="gemini-h">
      <h2 id="gemini-h">Gemini API key</h2>
      <p>Stories, narration and pictures are made by Google Gemini with your own API key
        (<a href="https://aistudio.google.com/apikey" target="_blank" rel="noopener">get one in Google AI Studio</a>).
        It stays on this device: it is never exported, synced or shown again in full.</p>
      ${this.renderKey()}
    </section>`;
  }

  private renderKey(): TemplateResult {
    const masked = this.masked.value ?? null;
    return html`
      ${masked
        ? html`<p class="row">
            <span>Saved key: <code data-testid="masked-key">${masked}</code></span>
            <button type="button" @click=${() => void this.removeKey()}>Remove key</button>
          </p>`
        : this.masked.loaded ? html`<p class="muted">No key saved yet.</p>` : null}
      <form class="row" novalidate @submit=${(e: SubmitEvent) => void this.save(e)}>
        <label>${masked ? 'Replace the API key' : 'Gemini API key'}
          <input type="password" name="api-key" autocomplete="off" spellcheck="false" autocapitalize="off"
            aria-invalid=${this.error ? 'true' : 'false'} aria-describedby="key-error" />
        </label>
        <button class="primary" type="submit" ?disabled=${this.busy}>Save key</button>
      </form>
      <p id="key-error" class="error" role="alert">${this.error}</p>
      <p class="ok" role="status">${this.status}</p>
    `;
  }
}

customElements.define('nm-settings-gemini', NmSettingsGemini);
declare global {
  interface HTMLElementTagNameMap { 'nm-settings-gemini': NmSettingsGemini }
}
