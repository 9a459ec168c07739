import { css, html, LitElement, type TemplateResult } from 'lit';
import { sharedStyles } from '../shared-styles';
import { settingsStyles } from './settings-styles';

/**
 * `<nm-delete-everything>`: the Danger zone's "Delete everything" — every story, reading progress,
 * setting, the API key, queued jobs, audio and pictures: all this app keeps in IndexedDB on this
 * device. Unlike "Delete all stories" nothing is pushed to sync, so copies on a Supabase project
 * stay (and come back after signing in again). Two confirmations, each with the focus on its
 * Cancel: the first says what goes, the second asks once more; then the app reloads, empty.
 */
export class NmDeleteEverything extends LitElement {
  static override properties = { step: { state: true }, busy: { state: true }, status: { state: true } };
  /** Which confirmation is showing (1 or 2), 0 when none. */
  declare step: 0 | 1 | 2;
  declare busy: boolean;
  declare status: string;

  static override styles = [
    sharedStyles,
    settingsStyles,
    css`
      dialog { border: 2px solid var(--nm-bad); }
      h3 { font-size: 1.05rem; margin: 0.5rem 0; }
    `,
  ];

  constructor() {
    super();
    this.step = 0;
    this.busy = false;
    this.status = '';
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private async show(step: 1 | 2): Promise<void> {
    this.step = step;
    this.status = '';
    await this.updateComplete;
    if (!this.dialog?.open) this.dialog?.showModal();
    // The same dialog shows the second question: Cancel gets the focus again, not the old button's place.
    this.renderRoot.querySelector<HTMLButtonElement>('dialog button.cancel')?.focus();
  }

  private async confirm(): Promise<void> {
    this.busy = true;
    this.status = 'Deleting everything… the page reloads in a moment.';
    try {
      const { deleteEverything } = await import('../../app/device-wipe');
      await deleteEverything();
    } catch (error: unknown) {
      this.busy = false;
      this.dialog?.close();
      this.status = `Not everything could be deleted (${error instanceof Error ? error.message : String(error)}). Try again.`;
    }
  }

  override render(): TemplateResult {
    return html`
      <h3>Delete everything</h3>
      <p id="all-d">Delete all this app keeps on this device: stories, reading progress, settings, your API key, queued jobs,
        audio and pictures. The app then starts as on a first visit. Copies synced to your Supabase project stay there.</p>
      <p><button type="button" class="destructive" aria-describedby="all-d" @click=${() => void this.show(1)}>Delete everything…</button></p>
      <p class="ok" role="status">${this.status}</p>
      <dialog aria-labelledby="all-h" aria-describedby="all-q" @close=${() => { this.step = 0; }}>
        ${this.step === 2
          ? html`<h3 id="all-h">Really delete everything?</h3>
            <p id="all-q">This is the last question. Nothing on this device can be recovered afterwards; only what you exported
              or synced to Supabase remains.</p>`
          : html`<h3 id="all-h">Delete everything on this device?</h3>
            <p id="all-q">Every story, your reading progress, settings, API key, queued jobs, audio and pictures will be deleted from
              this browser. Copies synced to your Supabase project are not touched. Export first if you may want them back.</p>`}
        <div class="row">
          <button type="button" class="cancel" autofocus @click=${() => this.dialog?.close()}>Cancel</button>
          ${this.step === 2
            ? html`<button type="button" class="destructive" ?disabled=${this.busy} @click=${() => void this.confirm()}>Delete everything</button>`
            : html`<button type="button" class="destructive" @click=${() => void this.show(2)}>Yes, continue</button>`}
        </div>
      </dialog>`;
  }
}

customElements.define('nm-delete-everything', NmDeleteEverything);
declare global {
  interface HTMLElementTagNameMap { 'nm-delete-everything': NmDeleteEverything }
}
