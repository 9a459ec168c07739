import { html, LitElement, type TemplateResult } from 'lit';
import { sharedStyles } from '../shared-styles';
import { readableVersion } from './app-version';
import { settingsStyles } from './settings-styles';

/**
 * `<nm-settings-about>`: which version of the app this is (what to quote when something goes
 * wrong, and how to tell that "Reload to update" did update) and the way to Diagnostics.
 */
export class NmSettingsAbout extends LitElement {
  static override styles = [sharedStyles, settingsStyles];

  override render(): TemplateResult {
    return html`<section aria-labelledby="about-h">
      <h2 id="about-h">About</h2>
      <p>Nihongo Monogatari <span data-testid="app-version">${readableVersion(__APP_VERSION__)}</span>.
        <a href="/diagnostics">Diagnostics</a> shows what the app and its background worker are doing, and recent faults.</p>
    </section>`;
  }
}

customElements.define('nm-settings-about', NmSettingsAbout);
declare global {
  interface HTMLElementTagNameMap { 'nm-settings-about': NmSettingsAbout }
}
