import { css, html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { reportPageFault } from '../../app/error-handlers';
import { type MediaJob, mediaJobsFor, requestIllustration, requestNarration } from '../../app/narration';
import type { StoredMedia } from '../../db/media-repo';
import { illustrationPlan, narrationPlan } from '../../domain/media-plan';
import type { Story } from '../../domain/story';
import { LiveQueryController } from '../live-query-controller';
import { readFailure } from '../load-error';
import { INTERRUPTED_TEXT, isActive, jobStatusText } from '../queue/describe-job';
import { requestsLabel } from '../request-label';
import { sharedStyles } from '../shared-styles';
import { JobClock, StatusAnnouncer } from './job-clock';

/** Cancel loads the queue's actions when pressed: the Reader draws without them. */
function cancelMediaJob(id: string): Promise<void> {
  return import('../../app/queue-actions')
    .then(({ cancelJob }) => cancelJob(id))
    .catch((error: unknown) => reportPageFault('cancelling the job', error));
}

/**
 * `<nm-media-panel .story .stored>`: the Reader's offer to narrate or illustrate a story whose media
 * are missing on this device (never generated, deleted to free space, or a story synced from another
 * device — they arrive without media), with the number of Gemini requests each button makes (and the most it can make with retries), and
 * the live status of those jobs while they run (liveQuery on the jobs of this story). Nothing is
 * requested until the learner presses a button.
 */
export class NmMediaPanel extends LitElement {
  static override properties = { story: { attribute: false }, stored: { attribute: false }, busy: { state: true } };
  declare story: Story;
  declare stored: StoredMedia;
  declare busy: boolean;

  static override styles = [
    sharedStyles,
    css`
      :host { margin: 0 0 1rem; }
      .media { display: grid; gap: 0.6rem; }
      .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
      .status[data-status='failed'] { color: var(--nm-bad); font-weight: 600; }
      progress { width: min(20rem, 100%); accent-color: var(--nm-accent); }
      p { margin: 0; }
      .note { font-size: 0.9rem; }
    `,
  ];

  /** The story id the jobs query last ran for. */
  private queriedFor: string | undefined;
  private readonly jobs = new LiveQueryController<MediaJob[]>(this, () => {
    this.queriedFor = this.story?.id;
    return mediaJobsFor(this.story?.id ?? '');
  });
  /** Ticks countdowns and notices a dead runner between job-row changes. */
  private readonly clock = new JobClock(this, () => this.jobs.value ?? []);
  private readonly announcer = new StatusAnnouncer();

  constructor() {
    super();
    this.stored = { audio: [], images: [] };
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('story') && this.isConnected && this.story?.id !== this.queriedFor) this.jobs.refresh();
  }

  private async act(work: () => Promise<unknown>): Promise<void> {
    this.busy = true;
    try {
      await work();
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult | null {
    if (this.jobs.error !== undefined) return readFailure('the narration and picture jobs', this.jobs);
    if (!this.story) return null;
    // The offers are known from the props alone: shown at once, not after the jobs query (a job
    // found running then replaces its button with its status, in about the same space).
    const jobs = this.jobs.value ?? [];
    const audio = this.renderKind(jobs.find((j) => j.type === 'audio'), 'Narration', narrationPlan(this.story, new Set(this.stored.audio)).length, () =>
      requestNarration(this.story.id),
    );
    const latestImage = jobs.find((j) => j.type === 'image');
    const storedImages = new Set(this.stored.images);
    const cover = illustrationPlan(this.story, 'cover', storedImages).length;
    const paragraphs = illustrationPlan(this.story, 'paragraphs', storedImages).length;
    const image = this.renderKind(latestImage, 'Illustration', cover, () => requestIllustration(this.story.id, 'cover'), paragraphs > cover ? paragraphs : 0);
    if (!audio && !image) return null;
    return html`<section class="media card" aria-label="Narration and pictures">
      ${audio}${image}
      <p class="note muted">Made by Gemini with your API key. Audio and pictures are kept on this device only.</p>
    </section>`;
  }

  /** A running or failed job's status, or the button offering what is missing (null when nothing is). */
  private renderKind(job: MediaJob | undefined, noun: string, missing: number, start: () => Promise<unknown>, paragraphs = 0): TemplateResult | null {
    if (job && isActive(job)) {
      const p = job.progress;
      const interrupted = this.clock.interrupted.has(job.id);
      const shown = interrupted ? INTERRUPTED_TEXT : jobStatusText(job, Date.now());
      // The visible line ticks every second; the live region repeats it only when the state changes.
      return html`<div class="row" data-kind=${job.type}>
        <span><strong>${noun}:</strong> <span class="status" data-status=${job.status} data-interrupted=${String(interrupted)}
          ><span aria-hidden="true">${shown}</span><span class="visually-hidden" role="status">${noun}: ${this.announcer.text(job, interrupted, shown)}</span></span></span>
        ${p && p.total > 0 ? html`<progress max=${p.total} value=${Math.min(p.done, p.total)} aria-label="${noun} progress"></progress>` : null}
        <button @click=${() => void cancelMediaJob(job.id)}>Cancel ${noun.toLowerCase()}</button>
      </div>`;
    }
    if (missing === 0 && paragraphs === 0) return null;
    // A failed job is not retried from here: a new job asks for exactly what is missing now (the
    // count on the button), whatever the old one was asked to do.
    const failed = job?.status === 'failed' && job.error ? job : undefined;
    const isAudio = noun === 'Narration';
    const label = isAudio
      ? `${this.stored.audio.length > 0 ? 'Finish narration' : 'Narrate this story'} (${requestsLabel(missing)})`
      : `Illustrate (${requestsLabel(missing)})`;
    return html`<div class="row" data-kind=${isAudio ? 'audio' : 'image'}>
      ${failed ? html`<p class="status" role="status" data-status="failed">${noun} failed: ${failed.error?.message}</p>` : null}
      ${missing > 0
        ? html`<button class="primary" ?disabled=${this.busy}
            @click=${() => void this.act(start)}>${label}</button>`
        : null}
      ${paragraphs > 0
        ? html`<button ?disabled=${this.busy} @click=${() => void this.act(() => requestIllustration(this.story.id, 'paragraphs'))}>
            Picture for every paragraph (${requestsLabel(paragraphs)})</button>`
        : null}
    </div>`;
  }
}

customElements.define('nm-media-panel', NmMediaPanel);
declare global {
  interface HTMLElementTagNameMap { 'nm-media-panel': NmMediaPanel }
}
