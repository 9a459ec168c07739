import { html, LitElement, type TemplateResult } from 'lit';
import {
  acceptLegacyOffer, checkLegacyOffer, declineLegacyOffer, legacyKeyRemains, legacyOutcomeLines, removeLegacyKeyCopy,
} from '../../app/legacy-offer';
import type { LegacyMigrationStatus } from '../../db/legacy-migration';
import { storyCount } from '../../domain/format';
import { sharedStyles } from '../shared-styles';
import { settingsStyles } from './settings-styles';

/**
 * `<nm-settings-legacy>`: when the older Nihongo Monogatari left a library in this browser, asks
 * once whether to bring it over. "Not now" asks again on a later visit; "Never" is remembered.
 * Once brought over, offers to remove the older app's copy of the key (for as long as it is there).
 * Renders nothing when there is nothing to ask.
 */
export class NmSettingsLegacy extends LitElement {
  static override properties = {
    status: { state: true }, outcome: { state: true }, busy: { state: true }, keyRemains: { state: true },
  };
  declare status: LegacyMigrationStatus | null;
  /** What happened after the learner answered; null while the question is open. */
  declare outcome: string[] | null;
  declare busy: boolean;
  /** The older app's key is still in localStorage (it was copied here, not moved). */
  declare keyRemains: boolean;

  static override styles = [sharedStyles, settingsStyles];

  constructor() {
    super();
    this.status = null;
    this.outcome = null;
    this.busy = false;
    this.keyRemains = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void checkLegacyOffer().then((status) => {
      this.status = status;
      this.keyRemains = legacyKeyRemains(status);
    });
  }

  private async bring(): Promise<void> {
    this.busy = true;
    try {
      const outcome = await acceptLegacyOffer();
      this.outcome = outcome ? legacyOutcomeLines(outcome) : ['This browser does not let the app read the older app’s data.'];
      this.keyRemains = outcome !== null && outcome.apiKey !== 'none';
    } finally {
      this.busy = false;
    }
  }

  private async never(): Promise<void> {
    await declineLegacyOffer();
    this.outcome = ['We will not ask again. The older app’s data stays in this browser, untouched.'];
  }

  private removeKey(): void {
    this.outcome = [...(this.outcome ?? []), removeLegacyKeyCopy()];
    this.keyRemains = false;
  }

  private renderRemoveKey(): TemplateResult | null {
    if (!this.keyRemains) return null;
    return html`<p>Nothing here needs the older app’s copy of your key. Remove it, unless you still use the older app?</p>
      <button type="button" @click=${() => this.removeKey()}>Remove the older app’s copy of the key</button>`;
  }

  override render(): TemplateResult | null {
    if (this.outcome || (this.keyRemains && !this.status?.shouldOffer)) {
      return html`<section class="card notice" aria-labelledby="legacy-h">
        <h2 id="legacy-h">Stories from the older app</h2>
        <div role="status"><ul class="plain">${(this.outcome ?? ['The older app’s copy of your Gemini API key is still in this browser.']).map((line) => html`<li>${line}</li>`)}</ul></div>
        <div class="row">${this.renderRemoveKey()}
          <button type="button" @click=${() => { this.outcome = null; this.status = null; this.keyRemains = false; }}>Close</button></div>
      </section>`;
    }
    const s = this.status;
    if (!s?.shouldOffer) return null;
    const stories = s.storyCount
      ? `${storyCount(s.storyCount)} (with reading progress and settings)`
      : 'its settings';
    return html`<section class="card notice" aria-labelledby="legacy-h">
      <h2 id="legacy-h">We found stories from the older Nihongo Monogatari on this device</h2>
      <p>It left ${stories}${s.hasApiKey ? ' and your Gemini API key' : ''} in this browser. Bring them into this app?
        The older app’s data stays where it is.</p>
      <div class="row">
        <button type="button" class="primary" ?disabled=${this.busy} @click=${() => void this.bring()}>Bring them over</button>
        <button type="button" ?disabled=${this.busy} @click=${() => { this.status = null; }}>Not now</button>
        <button type="button" ?disabled=${this.busy} @click=${() => void this.never()}>Never</button>
      </div>
      <p class="hint">“Not now” asks again next time; “Never” does not ask again.</p>
    </section>`;
  }
}

customElements.define('nm-settings-legacy', NmSettingsLegacy);
declare global {
  interface HTMLElementTagNameMap { 'nm-settings-legacy': NmSettingsLegacy }
}
