import { html, LitElement, type TemplateResult } from 'lit';
import {
  type ConnectionResult,
  type ModelChoices,
  saveEndpoint,
  setNotifyOnFinish,
  storedModelChoices,
  testKeyAndLoadModels,
} from '../../app/gemini-connection';
import { updatePreferences } from '../../app/preferences';
import { loadSettings } from '../../db/settings-repo';
import type { Settings } from '../../domain/settings';
import { LiveQueryController } from '../live-query-controller';
import { readFailure } from '../load-error';
import { sharedStyles } from '../shared-styles';
import { settingsStyles } from './settings-styles';

type ModelField = 'textModel' | 'ttsModel' | 'imageModel';
const PICKERS: ReadonlyArray<{ field: ModelField; group: keyof ModelChoices; label: string }> = [
  { field: 'textModel', group: 'text', label: 'Story model' },
  { field: 'ttsModel', group: 'tts', label: 'Narration (speech) model' },
  { field: 'imageModel', group: 'image', label: 'Picture model' },
];

/**
 * `<nm-settings-models>`: the Gemini endpoint, a "Test key" button, model pickers filled from the
 * API's own list (`GET /v1beta/models`), and notifications when a story finishes. The pickers offer
 * the list of the last successful test, stored on this device, so they are full after a reload.
 */
export class NmSettingsModels extends LitElement {
  static override properties = { result: { state: true }, busy: { state: true } };
  declare result: ConnectionResult | null;
  declare busy: boolean;

  static override styles = [sharedStyles, settingsStyles];
  private readonly settings = new LiveQueryController<Settings>(this, loadSettings);
  /** Follows the stored list: a test writes it, a new endpoint or a removed key hides it. */
  private readonly choices = new LiveQueryController<ModelChoices | null>(this, storedModelChoices);

  constructor() {
    super();
    this.result = null;
    this.busy = false;
  }

  private async run(work: (signal: AbortSignal) => Promise<void>): Promise<void> {
    this.busy = true;
    try {
      await work(AbortSignal.timeout(30_000));
    } finally {
      this.busy = false;
    }
  }

  private testKey = () =>
    this.run(async (signal) => {
      this.result = await testKeyAndLoadModels(signal);
    });

  private async pickModel(field: ModelField, label: string, model: string): Promise<void> {
    await updatePreferences({ [field]: model });
    this.result = { ok: true, message: `${label}: ${model} saved.` };
  }

  private async onEndpoint(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('endpoint') as HTMLInputElement;
    this.result = await saveEndpoint(input.value);
  }

  override render(): TemplateResult | null {
    const failure = readFailure('your preferences', this.settings);
    if (failure) return html`<section aria-labelledby="models-h"><h2 id="models-h">Gemini connection and models</h2>${failure}</section>`;
    const s = this.settings.value;
    if (!s) return null;
    return html`<section aria-labelledby="models-h">
      <h2 id="models-h">Gemini connection and models</h2>
      <form class="row" novalidate @submit=${(e: SubmitEvent) => void this.onEndpoint(e)}>
        <label>Endpoint <span class="hint">(leave empty for Google’s)</span>
          <input name="endpoint" type="url" inputmode="url" .value=${s.geminiBaseUrl} autocomplete="off" spellcheck="false" />
        </label>
        <button type="submit">Save endpoint</button>
      </form>
      <p class="row"><button type="button" ?disabled=${this.busy} @click=${this.testKey}>Test key and load models</button></p>
      <p class=${this.result?.ok ? 'ok' : 'error'} role="status" data-testid="connection-result">${this.result?.message ?? ''}</p>
      <div class="row">${PICKERS.map((p) => this.renderPicker(s, p.field, p.group, p.label))}</div>
      <label class="choice">
        <input type="checkbox" .checked=${s.notifyOnFinish}
          @change=${async (e: Event) => { this.result = await setNotifyOnFinish((e.target as HTMLInputElement).checked); }} />
        Tell me when a story is ready (a notification, when the app is not on screen)
      </label>
    </section>`;
  }

  private renderPicker(s: Settings, field: ModelField, group: keyof ModelChoices, label: string): TemplateResult {
    const listed = this.choices.value?.[group] ?? [];
    // The current model stays selectable even when the list does not have it (or is not loaded).
    const options = listed.includes(s[field]) ? listed : [s[field], ...listed];
    return html`<label>${label}
      <select @change=${(e: Event) => void this.pickModel(field, label, (e.target as HTMLSelectElement).value)}>
        ${options.map((m) => html`<option value=${m} ?selected=${m === s[field]}>${m}</option>`)}
      </select>
    </label>`;
  }
}

customElements.define('nm-settings-models', NmSettingsModels);
declare global {
  interface HTMLElementTagNameMap { 'nm-settings-models': NmSettingsModels }
}
