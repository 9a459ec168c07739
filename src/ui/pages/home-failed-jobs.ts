import { css, html, LitElement, type TemplateResult } from 'lit';
import type { FailedJob } from '../../db/home-facts';
import { jobStatus, jobTitle } from '../queue/describe-job';
import { fixIsInSettings, wasRefused } from '../queue/job-fixes';
import { sharedStyles } from '../shared-styles';
import { openWriteStory } from '../write/open-write-story';

/**
 * `<nm-home-failed-jobs>`: Home's list of jobs that stopped with an error, each with Gemini's reason
 * in words and a way to act: Retry here, "Edit and try again" for a refused topic (the generator,
 * prefilled, as on the Queue), Settings when the fix is there, the Queue for the rest.
 * Renders nothing while no job has failed. The queue code loads only when Retry is pressed.
 */
export class NmHomeFailedJobs extends LitElement {
  static override properties = { failed: { attribute: false }, busy: { state: true } };
  declare failed: FailedJob[];
  declare busy: string | null;

  static override styles = [
    sharedStyles,
    css`
      section { border-color: var(--nm-bad); margin: 0.75rem 0; }
      h2 { margin-top: 0; color: var(--nm-bad); }
      ul { list-style: none; margin: 0 0 0.75rem; padding: 0; display: grid; gap: 0.75rem; }
      li { display: grid; gap: 0.3rem; }
      li + li { border-top: 1px dashed var(--nm-border); padding-top: 0.6rem; }
      .what { font-weight: 700; overflow-wrap: anywhere; }
      .why { margin: 0; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
      p.more { margin: 0; }
    `,
  ];

  constructor() {
    super();
    this.failed = [];
    this.busy = null;
  }

  private async retry(id: string): Promise<void> {
    this.busy = id;
    try {
      const { retryJob } = await import('../../app/queue-actions');
      await retryJob(id);
    } finally {
      this.busy = null;
    }
  }

  override render(): TemplateResult | null {
    if (!this.failed.length) return null;
    return html`<section class="card" aria-labelledby="failed-h">
      <h2 id="failed-h">${this.failed.length === 1 ? 'A job failed' : `${this.failed.length} jobs failed`}</h2>
      <ul>${this.failed.map((f) => this.renderJob(f))}</ul>
      <p class="more"><a href="/queue">Open the Queue</a> to see every job.</p>
    </section>`;
  }

  private renderJob({ job, storyTitle }: FailedJob): TemplateResult {
    const title = jobTitle(job, storyTitle);
    // The Queue's wording (e.g. "Stopped after 5 tries: …"), so Home and the Queue say the same thing.
    const message = job.error ? jobStatus(job, Date.now()).text : 'It stopped without saying why.';
    // A refused topic fails the same way on Retry: its words are edited instead.
    const refused = wasRefused(job);
    return html`<li data-job-id=${job.id}>
      <span class="what">${title}</span>
      <p class="why">${message}</p>
      <div class="actions">
        ${refused
          ? html`<button class="primary" aria-label="Edit and try again ${title}" @click=${() => void openWriteStory({ edit: job })}>Edit and try again</button>`
          : html`<button aria-label="Retry ${title}" ?disabled=${this.busy === job.id} @click=${() => void this.retry(job.id)}>Retry</button>`}
        ${fixIsInSettings(job) ? html`<a class="button" href="/settings" aria-label="Open Settings to fix ${title}">Open Settings</a>` : null}
      </div>
    </li>`;
  }
}

customElements.define('nm-home-failed-jobs', NmHomeFailedJobs);
declare global {
  interface HTMLElementTagNameMap { 'nm-home-failed-jobs': NmHomeFailedJobs }
}
