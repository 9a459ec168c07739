import { html, LitElement, type TemplateResult } from 'lit';
import { downloadLibraryBackup } from '../../app/data-portability';
import { sharedStyles } from '../shared-styles';
import { settingsStyles } from './settings-styles';
import './settings-anki';
import './settings-import';

/**
 * `<nm-settings-data>`: "Your data" — export the whole library (stories, reading progress,
 * preferences; never the API key) as a JSON file, and import one (`<nm-settings-import>`).
 */
export class NmSettingsData extends LitElement {
  static override properties = { status: { state: true }, error: { state: true }, busy: { state: true } };
  declare status: string;
  declare error: string;
  declare busy: boolean;

  static override styles = [sharedStyles, settingsStyles];

  constructor() {
    super();
    this.status = '';
    this.error = '';
    this.busy = false;
  }

  private async export(): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      const fileName = await downloadLibraryBackup();
      this.status = `Your library was saved as ${fileName}. Keep it somewhere safe, or import it on another device.`;
    } catch {
      this.status = '';
      this.error = 'The backup could not be made. Free some space on this device and try again.';
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    return html`<section aria-labelledby="data-h">
      <h2 id="data-h">Your data</h2>
      <p>Your stories are yours: take them to another device or browser, or keep a copy. A library file is plain JSON; the Anki file is text Anki imports.</p>
      <h3>Export</h3>
      <p>Saves every story with its word details, your reading progress, the words you know, your reviews, your reading time and your preferences. Your API key is never included.</p>
      <p><button type="button" class="primary" ?disabled=${this.busy} @click=${() => void this.export()}>Export my library</button></p>
      <p class="ok" role="status">${this.status}</p>
      <p class="error" role="alert">${this.error}</p>
      <nm-settings-anki></nm-settings-anki>
      <nm-settings-import></nm-settings-import>
    </section>`;
  }
}

customElements.define('nm-settings-data', NmSettingsData);
declare global {
  interface HTMLElementTagNameMap { 'nm-settings-data': NmSettingsData }
}
