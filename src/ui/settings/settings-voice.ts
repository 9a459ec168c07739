import { html, LitElement, type TemplateResult } from 'lit';
import { updatePreferences } from '../../app/preferences';
import { voiceSample } from '../../app/voice-sample';
import { loadSettings } from '../../db/settings-repo';
import { DEFAULT_SETTINGS } from '../../domain/default-settings';
import type { Settings } from '../../domain/settings';
import { PARALLEL_REQUESTS, parallelLimit, VOICES } from '../../domain/settings-options';
import { LiveQueryController } from '../live-query-controller';
import { readFailure } from '../load-error';
import { sharedStyles } from '../shared-styles';
import { settingsStyles } from './settings-styles';

/**
 * `<nm-settings-voice>`: the narrator's voice (one of Gemini's prebuilt voices) with "Play sample",
 * which makes ONE text-to-speech request with the learner's key and plays the answer. Narration jobs
 * read the voice when they start; a story already being narrated keeps the voice it started with.
 * Also how many requests narration and illustration keep in flight at once: free-tier keys allow
 * only a few a minute, and a lower figure there means fewer 429s to wait out.
 */

const PARALLEL_CHOICES = Array.from({ length: PARALLEL_REQUESTS.max - PARALLEL_REQUESTS.min + 1 }, (_, i) => PARALLEL_REQUESTS.min + i);
export class NmSettingsVoice extends LitElement {
  static override properties = { status: { state: true }, error: { state: true }, busy: { state: true } };
  declare status: string;
  declare error: string;
  declare busy: boolean;

  static override styles = [sharedStyles, settingsStyles];

  private readonly settings = new LiveQueryController<Settings>(this, loadSettings);
  private controller: AbortController | undefined;
  private audio: HTMLAudioElement | undefined;
  private url: string | undefined;

  constructor() {
    super();
    this.status = '';
    this.error = '';
    this.busy = false;
  }

  override disconnectedCallback(): void {
    this.controller?.abort();
    this.stopSample();
    super.disconnectedCallback();
  }

  private stopSample(): void {
    this.audio?.pause();
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = undefined;
  }

  private async playSample(voice: string): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.busy = true;
    this.error = '';
    this.status = `Asking Gemini for a sample of ${voice}…`;
    try {
      const sample = await voiceSample(voice, controller.signal);
      if (controller.signal.aborted) return;
      if (!sample.ok) {
        this.status = '';
        this.error = sample.message;
        return;
      }
      this.stopSample();
      this.url = URL.createObjectURL(sample.blob);
      this.audio ??= new Audio();
      this.audio.src = this.url;
      await this.audio.play();
      this.status = `Playing a sample of ${voice}.`;
    } catch {
      this.status = '';
      this.error = 'The sample arrived but could not be played.';
    } finally {
      if (this.controller === controller) this.busy = false;
    }
  }

  override render(): TemplateResult {
    const failure = readFailure('your preferences', this.settings);
    if (failure) return html`<section aria-labelledby="voice-h"><h2 id="voice-h">Narration voice</h2>${failure}</section>`;
    const s = this.settings.value ?? DEFAULT_SETTINGS;
    const parallel = parallelLimit(s.parallelRequests);
    const voices: readonly string[] = VOICES.includes(s.voice as (typeof VOICES)[number]) ? VOICES : [s.voice, ...VOICES];
    return html`<section aria-labelledby="voice-h">
      <h2 id="voice-h">Narration voice</h2>
      <div class="row">
        <label>Voice
          <select @change=${(e: Event) => void updatePreferences({ voice: (e.target as HTMLSelectElement).value })}>
            ${voices.map((v) => html`<option value=${v} ?selected=${v === s.voice}>${v}</option>`)}
          </select>
        </label>
        <button type="button" ?disabled=${this.busy} aria-describedby="voice-hint" @click=${() => void this.playSample(s.voice)}>Play sample</button>
      </div>
      <p id="voice-hint" class="hint">A sample is one request to Gemini with your API key, so it needs the key and a connection.
        A story being narrated keeps the voice it started with.</p>
      <div class="row">
        <label>Parallel requests to Gemini
          <select aria-describedby="parallel-hint"
            @change=${(e: Event) => void updatePreferences({ parallelRequests: Number((e.target as HTMLSelectElement).value) })}>
            ${PARALLEL_CHOICES.map((n) => html`<option value=${n} ?selected=${n === parallel}>${n}</option>`)}
          </select>
        </label>
      </div>
      <p id="parallel-hint" class="hint">How many sentences (or pictures) are asked for at once while narrating or illustrating.
        On a free-tier key, 1 or 2 avoids "too many requests"; the app also slows down by itself when Gemini asks it to.</p>
      <p class="error" role="alert">${this.error}</p>
      <p class="ok" role="status">${this.status}</p>
    </section>`;
  }
}

customElements.define('nm-settings-voice', NmSettingsVoice);
declare global {
  interface HTMLElementTagNameMap { 'nm-settings-voice': NmSettingsVoice }
}
