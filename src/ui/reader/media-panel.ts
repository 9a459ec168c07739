import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { reportPageFault } from '../../app/error-handlers';
import { type MediaJob, mediaJobsFor, requestIllustration, requestNarration } from '../../app/narration';
import type { StoredMedia } from '../../db/media-repo';
import type { Story } from '../../domain/story';
import { LiveQueryController } from '../live-query-controller';
import { readFailure } from '../load-error';
import { INTERRUPTED_TEXT, isActive, jobStatusText } from '../queue/describe-job';
import { sharedStyles } from '../shared-styles';
import { JobClock, StatusAnnouncer } from './job-clock';
import { type MediaKind, type MediaMissing, mediaMissing, mediaPanelStyles, type OfferActions, renderMediaSection, renderOffer } from './media-offers';

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

  static override styles = [sharedStyles, mediaPanelStyles];

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
    const missing = mediaMissing(this.story, this.stored);
    return renderMediaSection(this.renderKind(jobs.find((j) => j.type === 'audio'), 'audio', missing), this.renderKind(jobs.find((j) => j.type === 'image'), 'image', missing));
  }

  private readonly offerActions = (): OfferActions => ({
    busy: this.busy,
    narrate: () => void this.act(() => requestNarration(this.story.id)),
    illustrate: (scope) => void this.act(() => requestIllustration(this.story.id, scope)),
  });

  /** A running job's status, or the offer of what is missing (with the last job's failure; null when nothing is). */
  private renderKind(job: MediaJob | undefined, kind: MediaKind, missing: MediaMissing): TemplateResult | null {
    const noun = kind === 'audio' ? 'Narration' : 'Illustration';
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
    // A failed job is not retried from here: a new job asks for exactly what is missing now (the
    // count on the button), whatever the old one was asked to do.
    const failure = job?.status === 'failed' && job.error ? job.error.message : undefined;
    return renderOffer(kind, missing, this.stored, failure, this.offerActions());
  }
}

customElements.define('nm-media-panel', NmMediaPanel);
declare global {
  interface HTMLElementTagNameMap { 'nm-media-panel': NmMediaPanel }
}
