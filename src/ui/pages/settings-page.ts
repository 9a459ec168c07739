import { html, LitElement, type TemplateResult } from 'lit';
import { sharedStyles } from '../shared-styles';

/** `<nm-settings-page>`: placeholder. */
export class NmSettingsPage extends LitElement {
  static override styles = [sharedStyles];
  override render(): TemplateResult {
    return html`<h1>Settings</h1><p>Settings are on their way.</p>`;
  }
}

customElements.define('nm-settings-page', NmSettingsPage);
declare global {
  interface HTMLElementTagNameMap { 'nm-settings-page': NmSettingsPage }
}
