import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { requestAnnotation, requestExplanation, wordJobsFor } from '../../app/word-jobs';
import { LiveQueryController } from '../live-query-controller';
import { isActive } from '../queue/describe-job';
import { showToast } from '../toast';
import type { WordOpener } from './word-opener';

type WordJobs = Awaited<ReturnType<typeof wordJobsFor>>;

/**
 * Connects the word popover's requests to the background jobs (src/app/word-jobs.ts): "Explain this
 * sentence" queues an `explain` job, "Add word details" an `annotate` job. What the popover shows
 * as pending follows the jobs themselves, live: a note or the words arrive and the pending state
 * ends; a job that failed or was cancelled ends it too, so the button comes back to try again
 * (the Queue says why it failed).
 */
export class WordJobsController implements ReactiveController {
  private readonly jobs: LiveQueryController<WordJobs>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly storyId: () => string,
    private readonly opener: WordOpener,
  ) {
    this.jobs = new LiveQueryController<WordJobs>(host, () => wordJobsFor(this.storyId()), (jobs) => this.follow(jobs));
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('nm-explain-request', this.onExplain);
    this.host.addEventListener('nm-annotate-request', this.onAnnotate);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('nm-explain-request', this.onExplain);
    this.host.removeEventListener('nm-annotate-request', this.onAnnotate);
  }

  /** A new story: its own jobs. */
  refresh(): void {
    this.jobs.refresh();
  }

  private follow(jobs: WordJobs): void {
    const active = jobs.filter(isActive);
    this.opener.setAnnotating(active.some((job) => job.type === 'annotate'));
    const explaining = new Set(active.flatMap((job) => (job.type === 'explain' ? [job.params.segment] : [])));
    this.opener.setExplainingOnly(explaining);
  }

  private readonly onExplain = (event: HTMLElementEventMap['nm-explain-request']): void => {
    const { storyId, segment } = event.detail;
    requestExplanation(storyId, segment)
      // null: a note was stored meanwhile (a sync), and the popover shows it.
      .then((job) => job ?? this.opener.setExplaining(segment, false))
      .catch(() => this.failed('The grammar note could not be queued.', () => this.opener.setExplaining(segment, false)));
  };

  private readonly onAnnotate = (event: HTMLElementEventMap['nm-annotate-request']): void => {
    requestAnnotation(event.detail.storyId).catch(() => this.failed('The word details could not be queued.', () => this.opener.setAnnotating(false)));
  };

  private failed(message: string, undo: () => void): void {
    undo();
    showToast({ message: `${message} Your library is unchanged; try again in a moment.` });
  }
}
