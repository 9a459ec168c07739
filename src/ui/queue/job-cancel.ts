import { css, html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { cancelJob } from '../../app/queue-actions';
import type { JobRow } from '../../domain/job';
import { sharedStyles } from '../shared-styles';

/**
 * `<nm-job-cancel .job .jobName>`: a Queue row's Cancel. A pending job is cancelled at once: nothing
 * was asked of Gemini yet. A job that is processing asks first, in a small modal dialog ("Keep it
 * running" has the focus, so Enter or Escape keeps it), since cancelling it throws away a call that
 * may already be paid for. The dialog is announced by its role and name; focus returns to Cancel
 * when it is kept, and it closes by itself if the job finishes meanwhile.
 */
export class NmJobCancel extends LitElement {
  static override properties = { job: { attribute: false }, jobName: { attribute: false } };
  declare job: JobRow | undefined;
  /** The job's name in words ("Story: a walk (N5, short)"), for the labels. */
  declare jobName: string;

  static override styles = [
    sharedStyles,
    css`
      :host { display: contents; }
      dialog { background: var(--nm-surface); color: var(--nm-text); border: 2px solid var(--nm-bad); border-radius: 0.75rem; padding: 1rem; width: min(26rem, calc(100% - 1.5rem)); }
      dialog::backdrop { background: rgb(0 0 0 / 0.5); }
      h2 { font-size: 1.1rem; margin: 0 0 0.5rem; overflow-wrap: anywhere; }
      p { margin: 0 0 0.75rem; }
      .row { display: flex; flex-wrap: wrap; gap: 0.5rem; justify-content: flex-end; }
      button.destructive { border-color: var(--nm-bad); background: var(--nm-bad); color: var(--nm-surface); font-weight: 600; }
    `,
  ];

  constructor() {
    super();
    this.job = undefined;
    this.jobName = '';
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The job ended (or was cancelled elsewhere) while the question was open: nothing left to ask.
    if (changed.has('job') && this.job?.status !== 'processing' && this.dialog?.open) this.dialog.close();
  }

  private press(): void {
    const job = this.job;
    if (!job) return;
    if (job.status === 'processing') this.dialog?.showModal();
    else void cancelJob(job.id);
  }

  private confirm(): void {
    if (this.job) void cancelJob(this.job.id);
    this.dialog?.close();
  }

  private keep(): void {
    this.dialog?.close();
    this.renderRoot.querySelector<HTMLButtonElement>('button.open')?.focus();
  }

  override render(): TemplateResult {
    return html`<button type="button" class="open" aria-label="Cancel ${this.jobName}" @click=${() => this.press()}>Cancel</button>
      <dialog aria-labelledby="cancel-h" aria-describedby="cancel-d" @cancel=${(e: Event) => { e.preventDefault(); this.keep(); }}>
        <h2 id="cancel-h">Cancel ${this.jobName}?</h2>
        <p id="cancel-d">Gemini is working on it right now. What it has done so far is lost, and the requests already made still count.</p>
        <div class="row">
          <button type="button" autofocus @click=${() => this.keep()}>Keep it running</button>
          <button type="button" class="destructive" @click=${() => this.confirm()}>Confirm cancel</button>
        </div>
      </dialog>`;
  }
}

customElements.define('nm-job-cancel', NmJobCancel);
declare global {
  interface HTMLElementTagNameMap { 'nm-job-cancel': NmJobCancel }
}
