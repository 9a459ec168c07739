import { css, html, LitElement, type TemplateResult } from 'lit';
import { createStory, type GenerateRequest } from '../../app/generate';
import { hasBackgroundSync } from '../../app/sw-bridge';
import { cancelJob, dismissJob, retryJob } from '../../app/queue-actions';
import { getDb } from '../../db/database';
import type { JobRow } from '../../domain/job';
import '../generator/generator-dialog';
import { LiveQueryController } from '../live-query-controller';
import { readFailure } from '../load-error';
import { isActive, jobStatusText, jobStoryId, jobTitle } from '../queue/describe-job';
import { sharedStyles } from '../shared-styles';

interface QueueView {
  jobs: JobRow[];
  /** Titles of the stories narration and illustration jobs work on (those that exist). */
  titles: Map<string, string>;
}

async function loadJobs(): Promise<QueueView> {
  const db = getDb();
  const jobs = await db.jobs.orderBy('createdAt').reverse().toArray();
  const ids = [...new Set(jobs.filter((j) => j.type !== 'story').map(jobStoryId))];
  const summaries = await db.storySummaries.bulkGet(ids);
  const titles = new Map(summaries.flatMap((s) => (s ? [[s.id, s.titleJP] as const] : [])));
  return { jobs, titles };
}

/** Jobs of one request stay together ("story + narration + illustration"), newest group first. */
function groupJobs(jobs: readonly JobRow[]): JobRow[][] {
  const groups = new Map<string, JobRow[]>();
  for (const job of jobs) {
    const key = job.groupId ?? job.id;
    groups.set(key, [...(groups.get(key) ?? []), job]);
  }
  return [...groups.values()].map((g) => g.sort((a, b) => a.createdAt - b.createdAt || a.type.localeCompare(b.type)));
}

/**
 * `<nm-queue-page>`: live status of every job (Dexie liveQuery, no polling): progress, why a job
 * waits, errors, and cancel / retry / dismiss / Read. A one-second tick runs only while a countdown
 * ("retrying in 26 s") is on screen.
 */
export class NmQueuePage extends LitElement {
  static override properties = { now: { state: true } };
  declare now: number;

  static override styles = [
    sharedStyles,
    css`
      .top { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; justify-content: space-between; }
      ul.groups { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
      ul.jobs { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
      li.job { display: grid; gap: 0.3rem; }
      li.job + li.job { border-top: 1px dashed var(--nm-border); padding-top: 0.6rem; }
      .title { font-weight: 700; overflow-wrap: anywhere; }
      .status[data-status='failed'] { color: var(--nm-bad); font-weight: 600; }
      .status[data-status='completed'] { color: var(--nm-ok); font-weight: 600; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
      progress { width: 100%; accent-color: var(--nm-accent); }
      .note { font-size: 0.95rem; }
    `,
  ];

  private readonly view = new LiveQueryController<QueueView>(this, loadJobs, () => this.syncTicker());
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.now = Date.now();
  }

  override disconnectedCallback(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
    super.disconnectedCallback();
  }

  private syncTicker(): void {
    this.now = Date.now();
    const counting = (this.view.value?.jobs ?? []).some((j) => j.status === 'pending' && j.runAfter > Date.now());
    if (counting && !this.ticker) this.ticker = setInterval(() => this.syncTicker(), 1000);
    if (!counting && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }

  private openGenerator(): void {
    const dialog = this.renderRoot.querySelector('nm-generator-dialog');
    if (!dialog) return;
    dialog.offline = !navigator.onLine;
    void dialog.show();
  }

  private async onGenerate(event: CustomEvent<GenerateRequest>): Promise<void> {
    await createStory(event.detail);
  }

  override render(): TemplateResult {
    const jobs = this.view.value?.jobs;
    return html`
      <div class="top">
        <h1>Queue</h1>
        <button class="primary" @click=${() => this.openGenerator()}>New story</button>
      </div>
      <p class="note muted">${hasBackgroundSync()
        ? 'Stories are written in the background. You can close this tab: the browser keeps working for a few minutes and retries later; anything left continues the next time you open the app.'
        : 'Stories are written while the app is open in a tab. If you close every tab, the work waits and continues the next time you open the app.'}</p>
      <nm-generator-dialog @nm-generate=${(e: HTMLElementEventMap['nm-generate']) => void this.onGenerate(e)}></nm-generator-dialog>
      ${readFailure('the list of jobs', this.view) ?? (jobs === undefined
        ? html`<p class="muted">Loading…</p>`
        : jobs.length === 0
          ? html`<p>No jobs yet. Press “New story” to have Gemini write one for you.</p>`
          : html`<ul class="groups" aria-label="Jobs">${groupJobs(jobs).map((g) => html`<li class="card"><ul class="jobs">${g.map((j) => this.renderJob(j))}</ul></li>`)}</ul>`)}
    `;
  }

  private renderJob(job: JobRow): TemplateResult {
    const p = job.progress;
    const storyId = jobStoryId(job);
    const title = jobTitle(job, this.view.value?.titles.get(storyId));
    return html`<li class="job" data-job-id=${job.id} data-status=${job.status}>
      <span class="title">${title}</span>
      <span class="status" data-status=${job.status} role="status">${jobStatusText(job, this.now)}</span>
      ${job.status === 'processing' && p && p.total > 0
        ? html`<progress max=${p.total} value=${Math.min(p.done, p.total)} aria-label="${p.label || 'Progress'}"></progress>`
        : null}
      <div class="actions">
        ${job.status === 'completed' && job.type === 'story' ? html`<a class="button primary" href="/story/${job.id}" aria-label="Read ${title}">Read</a>` : null}
        ${job.status === 'completed' && job.type !== 'story' && this.view.value?.titles.has(storyId)
          ? html`<a class="button" href="/story/${storyId}" aria-label="Open the story of ${title}">${job.type === 'audio' ? 'Listen' : 'View'}</a>`
          : null}
        ${isActive(job) ? html`<button aria-label="Cancel ${title}" @click=${() => void cancelJob(job.id)}>Cancel</button>` : null}
        ${job.status === 'failed' || job.status === 'cancelled' ? html`<button aria-label="Retry ${title}" @click=${() => void retryJob(job.id)}>Retry</button>` : null}
        ${!isActive(job) ? html`<button aria-label="Dismiss ${title}" @click=${() => void dismissJob(job.id)}>Dismiss</button>` : null}
      </div>
    </li>`;
  }
}

customElements.define('nm-queue-page', NmQueuePage);
declare global {
  interface HTMLElementTagNameMap { 'nm-queue-page': NmQueuePage }
}
