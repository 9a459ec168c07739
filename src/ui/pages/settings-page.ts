import { css, html, LitElement, type TemplateResult } from 'lit';
import { sharedStyles } from '../shared-styles';
import '../settings/settings-about';
import '../settings/settings-appearance';
import '../settings/settings-danger';
import '../settings/settings-data';
import '../settings/settings-gemini';
import '../settings/settings-habit';
import '../settings/settings-legacy';
import '../settings/settings-models';
import '../settings/settings-review';
import '../settings/settings-storage';
import '../settings/settings-sync';
import '../settings/settings-voice';

/**
 * `<nm-settings-page>` at /settings: one section per concern, each its own component —
 * the older app's library (offered once, only when found), appearance, the Gemini API key,
 * review, storage, export and import, the danger zone, and About (version, Diagnostics).
 */
export class NmSettingsPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .sections { display: grid; gap: 0.5rem; }
      .sections > * { min-width: 0; }
    `,
  ];

  override render(): TemplateResult {
    return html`<h1>Settings</h1>
      <div class="sections">
        <nm-settings-legacy></nm-settings-legacy>
        <nm-settings-appearance></nm-settings-appearance>
        <nm-settings-habit></nm-settings-habit>
        <nm-settings-gemini></nm-settings-gemini>
        <nm-settings-models></nm-settings-models>
        <nm-settings-voice></nm-settings-voice>
        <nm-settings-review></nm-settings-review>
        <nm-settings-storage></nm-settings-storage>
        <nm-settings-data></nm-settings-data>
        <nm-settings-sync></nm-settings-sync>
        <nm-settings-danger></nm-settings-danger>
        <nm-settings-about></nm-settings-about>
      </div>`;
  }
}

customElements.define('nm-settings-page', NmSettingsPage);
declare global {
  interface HTMLElementTagNameMap { 'nm-settings-page': NmSettingsPage }
}
