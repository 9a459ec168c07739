import { html, LitElement, type TemplateResult } from 'lit';
import { sharedStyles } from '../shared-styles';

/** `<nm-queue-page>`: placeholder. */
export class NmQueuePage extends LitElement {
  static override styles = [sharedStyles];
  override render(): TemplateResult {
    return html`<h1>Queue</h1><p>Story generation arrives with the background job engine.</p>`;
  }
}

customElements.define('nm-queue-page', NmQueuePage);
declare global {
  interface HTMLElementTagNameMap { 'nm-queue-page': NmQueuePage }
}
