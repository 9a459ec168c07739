import { css, html, nothing, type TemplateResult } from 'lit';
import { dismissJob, retryJob } from '../../app/queue-actions';
import type { JobRow } from '../../domain/job';
import { askedToFit, isActive, type JobStatus, jobRequestLine, jobStoryId, jobTitle, sentenceOf } from './describe-job';
import './job-cancel';
import { fixIsInSettings, wasRefused } from './job-fixes';
import { askedAgo, exactTime } from './job-times';
import './story-draft';
import './story-fit-line';

/** What one row needs besides its job, worked out once per render by the page. */
export interface JobItemContext {
  now: number;
  /** Titles of the stories that exist, by id. */
  titles: ReadonlyMap<string, string>;
  status: JobStatus;
  /** "about 30 s left" for a running job with an honest estimate. */
  left: string | null;
  /** "Edit and try again": open the generator with this refused story job's words. */
  edit: (job: JobRow<'story'>) => void;
}

export const jobItemStyles = css`
  li.job { display: grid; gap: 0.3rem; }
  li.job + li.job { border-top: 1px dashed var(--nm-border); padding-top: 0.6rem; }
  .title { font-weight: 700; overflow-wrap: anywhere; }
  .meta { font-size: 0.9rem; overflow-wrap: anywhere; }
  .status[data-status='failed'] { color: var(--nm-bad); font-weight: 600; }
  .status[data-status='completed'] { color: var(--nm-ok); font-weight: 600; }
  .countdown, .left { font-variant-numeric: tabular-nums; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  progress { width: 100%; accent-color: var(--nm-accent); }
  .note { font-size: 0.9rem; }
  details.why summary { cursor: pointer; font-size: 0.9rem; }
  details.why pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.85rem; margin: 0.3rem 0 0; }
`;

/** The technical reason behind a failure (a JSON error, a schema path), kept out of the sentence. */
export function technicalDetail(job: JobRow): string | null {
  const detail = job.error?.details?.detail;
  return typeof detail === 'string' && detail.trim() !== '' ? detail : null;
}

/** What the learner should know about a finished story (e.g. it came back shorter than asked). */
export function resultNote(job: JobRow): string | null {
  const note = (job.result as { note?: unknown } | null)?.note;
  return job.status === 'completed' && typeof note === 'string' && note !== '' ? note : null;
}

/** What a job that works on a stored story is called before the linked title. */
const LINKED_NOUNS: Record<Exclude<JobRow['type'], 'story'>, string> = {
  audio: 'Narration of',
  image: 'Illustration of',
  annotate: 'Word list of',
  explain: 'Grammar note on',
};

/** The job's name; every job but a story's own links to its story once that exists. */
function titleView(job: JobRow, c: JobItemContext): TemplateResult {
  const storyId = jobStoryId(job);
  const storyTitle = c.titles.get(storyId);
  if (job.type === 'story' || !storyTitle) return html`<span class="title">${jobTitle(job, storyTitle)}</span>`;
  const noun = LINKED_NOUNS[job.type];
  const scope = job.type === 'image' && (job.params as JobRow<'image'>['params']).scope === 'paragraphs' ? ' (cover and paragraphs)' : '';
  const sentence = job.type === 'explain' ? html`${sentenceOf(job as JobRow<'explain'>)} of ` : nothing;
  return html`<span class="title">${noun} ${sentence}<a class="jp" href="/story/${storyId}">${storyTitle}</a>${scope}</span>`;
}

export function jobItem(job: JobRow, c: JobItemContext): TemplateResult {
  const p = job.progress;
  const storyId = jobStoryId(job);
  const title = jobTitle(job, c.titles.get(storyId));
  const request = c.titles.has(storyId) ? jobRequestLine(job) : null;
  const refused = wasRefused(job);
  const retryable = !refused && (job.status === 'failed' || job.status === 'cancelled');
  return html`<li class="job" data-job-id=${job.id} data-status=${job.status}>
    ${titleView(job, c)}
    <span class="meta muted">${request ? html`${request} · ` : nothing}Asked for
      <time datetime=${new Date(job.createdAt).toISOString()} title=${exactTime(job.createdAt)}>${askedAgo(job.createdAt, c.now)}</time></span>
    <span class="status" data-status=${job.status} data-testid="job-status">${c.status.text}${c.status.countdown
      ? html` <span class="countdown">${c.status.countdown}</span>`
      : nothing}${c.left ? html` <span class="left">(${c.left})</span>` : nothing}</span>
    ${resultNote(job) ? html`<span class="note" data-testid="job-note">${resultNote(job)}</span>` : nothing}
    ${askedToFit(job) ? html`<nm-story-fit story-id=${job.id}></nm-story-fit>` : nothing}
    ${job.status === 'failed' && technicalDetail(job)
      ? html`<details class="why"><summary>Details</summary><pre>${technicalDetail(job)}</pre></details>`
      : nothing}
    ${job.status === 'processing' && p && p.total > 0
      ? html`<progress max=${p.total} value=${Math.min(p.done, p.total)} aria-label="${p.label || 'Progress'}"></progress>`
      : nothing}
    ${job.type === 'story' && job.status === 'processing' ? html`<nm-story-draft story-id=${job.id} variant="row"></nm-story-draft>` : nothing}
    <div class="actions">
      ${job.status === 'completed' && job.type === 'story' ? html`<a class="button primary" href="/story/${job.id}" aria-label="Read ${title}">Read</a>` : nothing}
      ${job.status === 'processing' && job.type === 'story'
        ? html`<a class="button" href="/story/${job.id}" aria-label="Read along as ${title} is written">Read along</a>`
        : nothing}
      ${job.status === 'completed' && job.type !== 'story' && c.titles.has(storyId)
        ? html`<a class="button" href="/story/${storyId}" aria-label="Open the story of ${title}">Open the story</a>`
        : nothing}
      ${fixIsInSettings(job) ? html`<a class="button" href="/settings" aria-label="Open Settings to fix ${title}">Open Settings</a>` : nothing}
      ${refused ? html`<button class="primary" aria-label="Edit and try again ${title}" @click=${() => c.edit(job)}>Edit and try again</button>` : nothing}
      ${isActive(job) ? html`<nm-job-cancel .job=${job} .jobName=${title}></nm-job-cancel>` : nothing}
      ${retryable ? html`<button aria-label="Retry ${title}" @click=${() => void retryJob(job.id)}>Retry</button>` : nothing}
      ${!isActive(job) ? html`<button aria-label="Dismiss ${title}" @click=${() => void dismissJob(job.id)}>Dismiss</button>` : nothing}
    </div>
  </li>`;
}
