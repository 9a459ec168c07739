import { html, LitElement, type TemplateResult } from 'lit';
import { countLearningWords, downloadAnkiFile } from '../../app/anki-cards';
import { countOf } from '../../domain/format';
import { LiveQueryController } from '../live-query-controller';
import { sharedStyles } from '../shared-styles';
import { settingsStyles } from './settings-styles';

/**
 * `<nm-settings-anki>`: "Export for Anki" (issue 15) — the words the learner is learning as a text
 * file Anki imports with nothing to map. The button waits for at least one learning word and says
 * why while there is none; the section says what the file leaves out.
 */
export class NmSettingsAnki extends LitElement {
  static override properties = { status: { state: true }, error: { state: true }, busy: { state: true } };
  declare status: string;
  declare error: string;
  declare busy: boolean;

  private readonly learning = new LiveQueryController<number>(this, countLearningWords);

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
      const { fileName, count } = await downloadAnkiFile();
      this.status = `${countOf(count, 'card')} saved as ${fileName}. In Anki, choose File → Import and pick it.`;
    } catch {
      this.status = '';
      this.error = 'The Anki file could not be made. Free some space on this device and try again.';
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    const count = this.learning.value ?? 0;
    const none = this.learning.loaded && count === 0;
    return html`<h3>Export for Anki</h3>
      <p>
        Makes one Anki card for each word you are learning: the sentence you met it in on the front, its reading,
        meaning and the sentence's translation on the back. Audio and pictures are not included.
      </p>
      <p>To import: in Anki, choose File → Import and pick the file. There is nothing to map; importing a newer file again updates the cards.</p>
      <p>
        <button type="button" class="primary" aria-describedby="anki-why" ?disabled=${this.busy || count === 0} @click=${() => void this.export()}>
          Export for Anki
        </button>
      </p>
      <p id="anki-why" class="hint">
        ${none ? 'No words to export yet: mark words as "Learning" while you read.' : this.learning.loaded ? `${countOf(count, 'word')} you are learning.` : ''}
      </p>
      <p class="ok" role="status">${this.status}</p>
      <p class="error" role="alert">${this.error}</p>`;
  }
}

customElements.define('nm-settings-anki', NmSettingsAnki);
declare global {
  interface HTMLElementTagNameMap { 'nm-settings-anki': NmSettingsAnki }
}
