import { css, html, LitElement, type TemplateResult } from 'lit';
import { freeStoryMedia } from '../../app/library-actions';
import {
  PERSISTENCE_TEXT,
  type PersistenceState,
  persistenceRequestText,
  persistenceState,
  requestPersistence,
  type StorageEstimateInfo,
  storageEstimate,
} from '../../app/storage-persistence';
import { type StorageUsage, type StoryUsage, storageUsage } from '../../db/storage-usage';
import { formatBytes } from '../../domain/format';
import { LiveQueryController } from '../live-query-controller';
import { readFailure } from '../load-error';
import { sharedStyles } from '../shared-styles';
import './media-bulk-delete';
import { settingsStyles } from './settings-styles';

const LISTED = 20;

const STATE_LABELS: Record<PersistenceState, string> = {
  persisted: 'kept on this device',
  'not-persisted': 'not protected from clean-up',
  unsupported: 'this browser cannot keep data on request',
};

/**
 * `<nm-settings-storage>`: what the library takes on this device (text, audio, pictures, and the
 * browser's own estimate), freeing one story's media (or all narration, or all pictures) while keeping its text, and asking the browser
 * to keep the data ("persistent storage"), with what its answer means.
 */
export class NmSettingsStorage extends LitElement {
  static override properties = {
    estimate: { state: true }, persistence: { state: true }, answer: { state: true }, freed: { state: true }, showAll: { state: true },
  };
  declare estimate: StorageEstimateInfo | null;
  declare persistence: PersistenceState | null;
  declare answer: string;
  declare freed: string;
  declare showAll: boolean;

  static override styles = [
    sharedStyles,
    settingsStyles,
    css`
      ul.media { list-style: none; padding: 0; margin: 0 0 1rem; display: grid; gap: 0.5rem; }
      ul.media li { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; align-items: center; justify-content: space-between; }
      ul.media .what { flex: 1 1 12rem; }
    `,
  ];

  /** Re-reads the browser's estimate whenever the library changes. */
  private readonly usage = new LiveQueryController<StorageUsage>(this, storageUsage, () => void this.readEstimate());

  constructor() {
    super();
    this.estimate = null;
    this.persistence = null;
    this.answer = '';
    this.freed = '';
    this.showAll = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void persistenceState().then((state) => { this.persistence = state; });
  }

  private async readEstimate(): Promise<void> {
    this.estimate = await storageEstimate();
  }

  private async keep(): Promise<void> {
    this.persistence = await requestPersistence();
    this.answer = persistenceRequestText(this.persistence);
  }

  private async free(story: StoryUsage): Promise<void> {
    const bytes = await freeStoryMedia(story.storyId);
    this.freed = `Freed ${formatBytes(bytes)}. The story’s text and reading position are kept.`;
  }

  override render(): TemplateResult {
    const failure = readFailure('how much space your stories use', this.usage);
    if (failure) return html`<section aria-labelledby="storage-h"><h2 id="storage-h">Storage</h2>${failure}</section>`;
    const u = this.usage.value;
    return html`<section aria-labelledby="storage-h">
      <h2 id="storage-h">Storage</h2>
      ${u ? this.renderUsage(u) : html`<p class="muted">Measuring…</p>`}
      <h3>Keep my data</h3>
      ${this.persistence
        ? html`<p><strong>Now:</strong> ${STATE_LABELS[this.persistence]}.${this.answer ? null : html` ${PERSISTENCE_TEXT[this.persistence]}`}</p>`
        : null}
      ${this.persistence === 'not-persisted'
        ? html`<p><button type="button" class="primary" @click=${() => void this.keep()}>Keep my data on this device</button></p>`
        : null}
      <p role="status">${this.answer}</p>
    </section>`;
  }

  private renderUsage(u: StorageUsage): TemplateResult {
    const withMedia = u.perStory.filter((s) => s.audioBytes + s.imageBytes > 0);
    const shown = this.showAll ? withMedia : withMedia.slice(0, LISTED);
    return html`
      <dl>
        <dt>Story text</dt><dd>${formatBytes(u.stories)}</dd>
        <dt>Audio</dt><dd>${formatBytes(u.media.audio)}</dd>
        <dt>Pictures</dt><dd>${formatBytes(u.media.images)}</dd>
        ${this.estimate
          ? html`<dt>All app data</dt><dd>${formatBytes(this.estimate.usage)} of ${formatBytes(this.estimate.quota)} this browser allows</dd>`
          : null}
      </dl>
      <h3>Audio and pictures by story</h3>
      ${withMedia.length
        ? html`<p>Deleting a story’s media keeps its text and reading position; you can narrate or illustrate it again.</p>
          <ul class="media">${shown.map((s) => this.renderStory(s))}</ul>
          ${withMedia.length > shown.length
            ? html`<p><button type="button" @click=${() => { this.showAll = true; }}>Show all ${withMedia.length}</button></p>`
            : null}
          <nm-media-bulk-delete .usage=${u}></nm-media-bulk-delete>`
        : html`<p class="muted">No story has audio or pictures on this device.</p>`}
      <p class="ok" role="status">${this.freed}</p>
    `;
  }

  private renderStory(s: StoryUsage): TemplateResult {
    const title = s.titleJP || 'A deleted story';
    return html`<li class="card">
      <span class="what"><span class="jp" lang="ja">${title}</span>
        <span class="muted">· audio ${formatBytes(s.audioBytes)}, pictures ${formatBytes(s.imageBytes)}</span></span>
      <button type="button" aria-label="Delete media of ${title}" @click=${() => void this.free(s)}>Delete media</button>
    </li>`;
  }
}

customElements.define('nm-settings-storage', NmSettingsStorage);
declare global {
  interface HTMLElementTagNameMap { 'nm-settings-storage': NmSettingsStorage }
}
