import { html, LitElement, type TemplateResult } from 'lit';
import { sharedStyles } from '../shared-styles';

/** `<nm-not-found-page>`: an address the app does not know. */
export class NmNotFoundPage extends LitElement {
  static override properties = { path: { type: String } };
  declare path: string;
  static override styles = [sharedStyles];

  constructor() {
    super();
    this.path = '';
  }

  override render(): TemplateResult {
    return html`<h1>Page not found</h1>
      <p>There is no page at <code>${this.path}</code>. <a href="/">Go to Home</a> or <a href="/library">open the library</a>.</p>`;
  }
}

customElements.define('nm-not-found-page', NmNotFoundPage);
declare global {
  interface HTMLElementTagNameMap { 'nm-not-found-page': NmNotFoundPage }
}
