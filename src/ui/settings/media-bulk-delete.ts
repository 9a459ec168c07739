import { html, LitElement, type TemplateResult } from 'lit';
import type { MediaKind } from '../../db/rows';
import type { StorageUsage } from '../../db/storage-usage';
import { formatBytes, storyCount } from '../../domain/format';
import { sharedStyles } from '../shared-styles';
import { settingsStyles } from './settings-styles';

const WORDS: Record<MediaKind, { name: string; what: string }> = {
  audio: { name: 'narration', what: 'narrated sentences' },
  image: { name: 'pictures', what: 'pictures' },
};

/**
 * `<nm-media-bulk-delete .usage>`: Settings' "Delete all narration (N stories)" and "Delete all
 * pictures (N stories)", each behind a modal confirmation that says how many stories and bytes go
 * and that the text and reading positions stay. Cancel has the focus when it opens. The counts come
 * from the Storage section's live usage, so they follow the deletion at once.
 */
export class NmMediaBulkDelete extends LitElement {
  static override properties = { usage: { attribute: false }, asking: { state: true }, busy: { state: true }, status: { state: true } };
  declare usage: StorageUsage | undefined;
  /** The kind the confirmation is about, while it is open. */
  declare asking: MediaKind | null;
  declare busy: boolean;
  declare status: string;

  static override styles = [sharedStyles, settingsStyles];

  constructor() {
    super();
    this.usage = undefined;
    this.asking = null;
    this.busy = false;
    this.status = '';
  }

  private counts(kind: MediaKind): { stories: number; bytes: number } {
    const per = this.usage?.perStory ?? [];
    const pick = (s: StorageUsage['perStory'][number]) => (kind === 'audio' ? s.audioBytes : s.imageBytes);
    return { stories: per.filter((s) => pick(s) > 0).length, bytes: per.reduce((sum, s) => sum + pick(s), 0) };
  }

  private async ask(kind: MediaKind): Promise<void> {
    this.asking = kind;
    this.status = '';
    await this.updateComplete;
    this.renderRoot.querySelector('dialog')?.showModal();
  }

  private async confirm(kind: MediaKind): Promise<void> {
    this.busy = true;
    const { bytes } = this.counts(kind);
    try {
      const { deleteAllMedia } = await import('../../app/device-wipe');
      const stories = await deleteAllMedia(kind);
      this.status = `Deleted the ${WORDS[kind].name} of ${storyCount(stories)} (${formatBytes(bytes)}). Their text and reading positions are kept.`;
    } catch (error: unknown) {
      this.status = `The ${WORDS[kind].name} could not be deleted (${error instanceof Error ? error.message : String(error)}). Try again.`;
    } finally {
      this.busy = false;
      this.renderRoot.querySelector('dialog')?.close();
    }
  }

  override render(): TemplateResult {
    const kind = this.asking;
    const shown = kind ? this.counts(kind) : null;
    return html`
      <div class="row">${(['audio', 'image'] as const).map((k) => {
        const { stories } = this.counts(k);
        const label = `Delete all ${WORDS[k].name} (${storyCount(stories)})`;
        return html`<button type="button" class="destructive" ?disabled=${stories === 0} @click=${() => void this.ask(k)}>${label}</button>`;
      })}</div>
      <p class="ok" role="status">${this.status}</p>
      <dialog aria-labelledby="bulk-h" aria-describedby="bulk-d" @close=${() => { this.asking = null; }}>
        ${kind && shown
          ? html`<h3 id="bulk-h">Delete all ${WORDS[kind].name}?</h3>
            <p id="bulk-d">The ${WORDS[kind].what} of ${storyCount(shown.stories)} (${formatBytes(shown.bytes)}) will be deleted from this
              device. The stories, their text and reading positions stay; you can ${kind === 'audio' ? 'narrate' : 'illustrate'} them again
              from the Reader.</p>
            <div class="row">
              <button type="button" autofocus @click=${() => this.renderRoot.querySelector('dialog')?.close()}>Cancel</button>
              <button type="button" class="destructive" ?disabled=${this.busy} @click=${() => void this.confirm(kind)}>Delete ${WORDS[kind].name}</button>
            </div>`
          : null}
      </dialog>`;
  }
}

customElements.define('nm-media-bulk-delete', NmMediaBulkDelete);
declare global {
  interface HTMLElementTagNameMap { 'nm-media-bulk-delete': NmMediaBulkDelete }
}
