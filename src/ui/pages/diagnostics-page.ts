import { html, LitElement, type TemplateResult } from 'lit';
import { sharedStyles } from '../shared-styles';

/** `<nm-diagnostics-page>`: placeholder. */
export class NmDiagnosticsPage extends LitElement {
  static override styles = [sharedStyles];
  override render(): TemplateResult {
    return html`<h1>Diagnostics</h1><p>Diagnostics are on their way.</p>`;
  }
}

customElements.define('nm-diagnostics-page', NmDiagnosticsPage);
declare global {
  interface HTMLElementTagNameMap { 'nm-diagnostics-page': NmDiagnosticsPage }
}
