import { css, html, LitElement, type TemplateResult } from 'lit';
import { interruptedJobs, requestDrain } from '../../app/queue-client';
import { hasBackgroundSync } from '../../app/sw-bridge';
import { getDb } from '../../db/database';
import type { JobRow, JobType } from '../../domain/job';
import { LiveQueryController } from '../live-query-controller';
import { readFailure } from '../load-error';
import { QueueAnnouncer } from '../queue/announcer';
import { jobStatus, jobStoryId, jobTitle } from '../queue/describe-job';
import { countByFilter, FILTER_LABELS, FILTERS, filterFromSearch, type JobFilter, matches, searchFor } from '../queue/job-filters';
import { jobItem, jobItemStyles } from '../queue/job-item';
import { estimateLeft, leftInWords, type RunSighting, sight, typicalDurations } from '../queue/job-times';
import { sharedStyles } from '../shared-styles';
import { openWriteStory } from '../write/open-write-story';

interface QueueView {
  jobs: JobRow[];
  /** Titles of the stories the jobs made or work on (those that exist). */
  titles: Map<string, string>;
  typical: Map<JobType, number>;
}

async function loadJobs(): Promise<QueueView> {
  const db = getDb();
  const jobs = await db.jobs.orderBy('createdAt').reverse().toArray();
  const ids = [...new Set(jobs.map(jobStoryId))];
  const summaries = await db.storySummaries.bulkGet(ids);
  const titles = new Map(summaries.flatMap((s) => (s ? [[s.id, s.titleJP] as const] : [])));
  return { jobs, titles, typical: typicalDurations(jobs) };
}

const TYPE_ORDER: Record<JobType, number> = { story: 0, annotate: 1, audio: 2, image: 3, explain: 4 };

/** Jobs of one request stay together ("story + narration + illustration"), newest group first. */
function groupJobs(jobs: readonly JobRow[]): JobRow[][] {
  const groups = new Map<string, JobRow[]>();
  for (const job of jobs) {
    const key = job.groupId ?? job.id;
    groups.set(key, [...(groups.get(key) ?? []), job]);
  }
  // The story first, then what is made from it: the order the work happens in.
  return [...groups.values()].map((g) => g.sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.createdAt - b.createdAt));
}

/** Ticks: every second while something counts down or runs, else twice a minute for "5 minutes ago". */
const FAST_TICK_MS = 1000;
const SLOW_TICK_MS = 30_000;

/**
 * `<nm-queue-page>`: live status of every job (Dexie liveQuery, no polling): totals and filters by
 * status (kept in `?show=`), progress and an estimate, why a job waits, errors with what to do about
 * them, and cancel / retry / dismiss / Read. Rows are not live regions: one polite region announces
 * state changes, never the countdown's ticks.
 */
export class NmQueuePage extends LitElement {
  static override properties = { now: { state: true }, filter: { state: true }, interrupted: { state: true } };
  declare now: number;
  declare filter: JobFilter;
  declare interrupted: ReadonlySet<string>;

  static override styles = [
    sharedStyles,
    jobItemStyles,
    css`
      .top { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; justify-content: space-between; }
      .filters { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0 0 1rem; }
      .filters button { min-height: 44px; padding: 0.4rem 0.75rem; }
      ul.groups { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
      ul.jobs { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
      .note { font-size: 0.95rem; }
    `,
  ];

  private readonly view = new LiveQueryController<QueueView>(this, loadJobs, () => this.tick());
  private readonly announcer = new QueueAnnouncer();
  private readonly sightings = new Map<string, RunSighting>();
  private readonly kicked = new Set<string>();
  private ticker: ReturnType<typeof setTimeout> | undefined;
  private checkingRunners = false;

  constructor() {
    super();
    this.now = Date.now();
    this.filter = filterFromSearch(location.search);
    this.interrupted = new Set();
  }

  override disconnectedCallback(): void {
    clearTimeout(this.ticker);
    this.ticker = undefined;
    super.disconnectedCallback();
  }

  private tick(): void {
    this.now = Date.now();
    const jobs = this.view.value?.jobs ?? [];
    const fast = jobs.some((j) => j.status === 'processing' || (j.status === 'pending' && j.runAfter > this.now));
    clearTimeout(this.ticker);
    this.ticker = setTimeout(() => this.tick(), fast ? FAST_TICK_MS : SLOW_TICK_MS);
    void this.checkRunners(jobs);
  }

  /** Marks processing jobs whose runner died, and wakes a runner so they resume now, not at lease expiry. */
  private async checkRunners(jobs: readonly JobRow[]): Promise<void> {
    if (this.checkingRunners) return;
    this.checkingRunners = true;
    try {
      const gone = await interruptedJobs(jobs);
      const changed = gone.size !== this.interrupted.size || [...gone].some((id) => !this.interrupted.has(id));
      if (changed) this.interrupted = gone;
      // One wake-up per interruption: a job that resumed and is cut off again gets another.
      for (const id of this.kicked) if (!gone.has(id)) this.kicked.delete(id);
      const fresh = [...gone].filter((id) => !this.kicked.has(id));
      for (const id of fresh) this.kicked.add(id);
      if (fresh.length > 0) void requestDrain();
    } catch {
      // Knowing about a dead runner only improves the wording; the lease still brings the job back.
    } finally {
      this.checkingRunners = false;
    }
  }

  private setFilter(filter: JobFilter): void {
    this.filter = filter;
    history.replaceState(history.state, '', `${location.pathname}${searchFor(filter)}${location.hash}`);
  }

  private statusOf(job: JobRow) {
    return jobStatus(job, this.now, { interrupted: this.interrupted.has(job.id) });
  }

  private leftFor(job: JobRow, typical: ReadonlyMap<JobType, number>): string | null {
    if (job.status !== 'processing' || this.interrupted.has(job.id)) {
      this.sightings.delete(job.id);
      return null;
    }
    const seen = sight(job, this.sightings.get(job.id), this.now);
    this.sightings.set(job.id, seen);
    const left = estimateLeft(job, seen, typical.get(job.type), this.now);
    return left === null ? null : leftInWords(left);
  }

  override render(): TemplateResult {
    const view = this.view.value;
    if (view) {
      const seen = view.jobs.map((job) => ({ id: job.id, job, title: jobTitle(job, view.titles.get(jobStoryId(job))), interrupted: this.interrupted.has(job.id) }));
      this.announcer.update(seen, this.now);
    }
    return html`
      <div class="top">
        <h1>Queue</h1>
        <button class="primary" @click=${() => void openWriteStory({ askForKey: false })}>New story</button>
      </div>
      <p class="note muted">${hasBackgroundSync()
        ? 'Stories are written in the background. You can close this tab: the browser keeps working for a few minutes and retries later; anything left continues the next time you open the app.'
        : 'Stories are written while the app is open in a tab. If you close every tab, the work waits and continues the next time you open the app.'}</p>
      <p class="visually-hidden" role="status" aria-live="polite" data-testid="queue-announcement">${this.announcer.text}</p>
      ${readFailure('the list of jobs', this.view) ?? (view === undefined
        ? html`<p class="muted">Loading…</p>`
        : view.jobs.length === 0
          ? html`<p>No jobs yet. Press “New story” to have Gemini write one for you.</p>`
          : this.renderJobs(view))}
    `;
  }

  private renderJobs(view: QueueView): TemplateResult {
    const counts = countByFilter(view.jobs, this.now);
    const shown = view.jobs.filter((j) => matches(j, this.filter, this.now));
    return html`
      <div class="filters" role="group" aria-label="Show jobs">
        ${FILTERS.filter((f) => f === 'all' || f === this.filter || counts[f] > 0).map(
          (f) => html`<button type="button" data-filter=${f} aria-pressed=${this.filter === f ? 'true' : 'false'} @click=${() => this.setFilter(f)}>
            ${FILTER_LABELS[f]} <span class="count">${counts[f]}</span></button>`,
        )}
      </div>
      ${shown.length === 0
        ? html`<p>No ${FILTER_LABELS[this.filter].toLowerCase()} jobs right now. <button type="button" @click=${() => this.setFilter('all')}>Show all</button></p>`
        : html`<ul class="groups" aria-label="Jobs">${groupJobs(shown).map((g) => html`<li class="card"><ul class="jobs">${g.map((j) =>
            jobItem(j, {
              now: this.now,
              titles: view.titles,
              status: this.statusOf(j),
              left: this.leftFor(j, view.typical),
              edit: (job) => void openWriteStory({ edit: job }),
            }),
          )}</ul></li>`)}</ul>`}
    `;
  }
}

customElements.define('nm-queue-page', NmQueuePage);
declare global {
  interface HTMLElementTagNameMap { 'nm-queue-page': NmQueuePage }
}
