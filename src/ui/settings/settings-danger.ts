import { css, html, LitElement, type TemplateResult } from 'lit';
import { deleteWholeLibrary } from '../../app/library-actions';
import { resetAppKeepData } from '../../app/reset-app';
import { countStories } from '../../db/stories-repo';
import { storyCount } from '../../domain/format';
import { LiveQueryController } from '../live-query-controller';
import { readFailure } from '../load-error';
import { sharedStyles } from '../shared-styles';
import './delete-everything';
import { settingsStyles } from './settings-styles';

/**
 * `<nm-settings-danger>`: "Reset the app, keep my data" (worker and cached app files go, a reload
 * fetches the current version; stories, progress, settings and the key stay), and "Delete all
 * stories", behind a modal confirmation that says how many stories go and what stays (preferences,
 * API key). Cancel has the focus when that dialog opens. Below it, "Delete everything"
 * (`<nm-delete-everything>`): all this device keeps, behind two confirmations.
 */
export class NmSettingsDanger extends LitElement {
  static override properties = { status: { state: true }, busy: { state: true }, resetting: { state: true } };
  declare status: string;
  declare busy: boolean;
  declare resetting: boolean;

  static override styles = [
    sharedStyles,
    settingsStyles,
    css`
      section.card { border-color: var(--nm-bad); }
      dialog { border: 2px solid var(--nm-bad); }
      .reset { padding-bottom: 0.75rem; margin-bottom: 0.75rem; border-bottom: 1px solid var(--nm-border); }
      h3 { font-size: 1.05rem; margin: 0.5rem 0; }
    `,
  ];

  private readonly count = new LiveQueryController<number>(this, countStories);

  constructor() {
    super();
    this.status = '';
    this.busy = false;
    this.resetting = false;
  }

  private async reset(): Promise<void> {
    this.resetting = true;
    this.status = 'Resetting the app… the page reloads in a moment.';
    try {
      await resetAppKeepData();
    } catch (error: unknown) {
      this.resetting = false;
      this.status = `The reset did not finish (${error instanceof Error ? error.message : String(error)}). Reload the page and try again.`;
    }
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private open(): void {
    this.status = '';
    this.dialog?.showModal();
  }

  private async confirm(): Promise<void> {
    this.busy = true;
    try {
      const deleted = await deleteWholeLibrary();
      this.dialog?.close();
      this.status = `Deleted ${storyCount(deleted)}. Your preferences and API key are unchanged.`;
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    const failure = readFailure('how many stories you have', this.count);
    if (failure) return html`<section class="card" aria-labelledby="danger-h"><h2 id="danger-h">Danger zone</h2>${failure}</section>`;
    const n = this.count.value ?? 0;
    return html`<section class="card" aria-labelledby="danger-h">
      <h2 id="danger-h">Danger zone</h2>
      <div class="reset">
        <h3>Reset the app, keep my data</h3>
        <p id="reset-d">If the app misbehaves after an update, this removes its offline copy and background worker and
          reloads the current version. Your stories, reading progress, settings, API key and queued jobs stay.</p>
        <p><button type="button" aria-describedby="reset-d" ?disabled=${this.resetting} @click=${() => void this.reset()}>Reset the app, keep my data</button></p>
      </div>
      <h3>Delete all stories</h3>
      <p>Delete every story on this device, with its reading progress, audio and pictures. Export first if you may want them back.
        If you sync with Supabase, your stories are deleted on your other devices too.</p>
      <p><button type="button" class="destructive" ?disabled=${n === 0} @click=${() => this.open()}>Delete all stories…</button>
        ${n === 0 && this.count.loaded ? html`<span class="muted">Your library is empty.</span>` : null}</p>
      <p class="ok" role="status">${this.status}</p>
      <dialog aria-labelledby="confirm-h" aria-describedby="confirm-d">
        <h3 id="confirm-h">Delete all ${storyCount(n)}?</h3>
        <p id="confirm-d">All ${storyCount(n)} will be deleted from this device with their reading progress, audio and pictures.
          Your preferences and API key stay. While you are signed in to sync, they are deleted on your other devices too.
          This cannot be undone.</p>
        <div class="row">
          <button type="button" autofocus @click=${() => this.dialog?.close()}>Cancel</button>
          <button type="button" class="destructive" ?disabled=${this.busy} @click=${() => void this.confirm()}>Delete ${storyCount(n)}</button>
        </div>
      </dialog>
      <nm-delete-everything></nm-delete-everything>
    </section>`;
  }
}

customElements.define('nm-settings-danger', NmSettingsDanger);
declare global {
  interface HTMLElementTagNameMap { 'nm-settings-danger': NmSettingsDanger }
}
