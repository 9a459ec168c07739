import type { JobRow, JobType } from '../../domain/job';
import { formatSeconds } from './describe-job';

/**
 * The Queue's times: when a job was asked for, and how long a running one has left. Estimates are
 * kept honest: from the job's own progress once it has moved, else from how long the last jobs of
 * its type took; with neither, or once past the typical time, nothing is promised.
 */

const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const EXACT = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' });

/** "just now", "5 minutes ago", "yesterday" (the exact time goes in a tooltip). */
export function askedAgo(at: number, now: number): string {
  const seconds = Math.round((now - at) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return RELATIVE.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return RELATIVE.format(-hours, 'hour');
  return RELATIVE.format(-Math.round(hours / 24), 'day');
}

export const exactTime = (at: number): string => EXACT.format(at);

/** When the page first saw the current run, and how far it had got then. */
export interface RunSighting {
  since: number;
  doneThen: number;
  attempt: number;
}

/**
 * The sighting of a processing job's run, kept across renders. A run first seen at progress 0
 * started about when its row was last written (the claim, or its "Asking Gemini…" label).
 */
export function sight(job: JobRow, previous: RunSighting | undefined, now: number): RunSighting {
  if (previous && previous.attempt === job.attempts) return previous;
  const done = job.progress?.done ?? 0;
  return { since: done === 0 ? Math.min(job.updatedAt, now) : now, doneThen: done, attempt: job.attempts };
}

/** Median run time (ms) of the latest completed jobs of each type, from when they could start. */
export function typicalDurations(jobs: readonly JobRow[]): Map<JobType, number> {
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const samples = new Map<JobType, number[]>();
  for (const job of jobs) {
    if (job.status !== 'completed' || job.finishedAt === null || job.attempts !== 1) continue;
    // A narration can only start once its story is done: count from then.
    const ready = Math.max(job.createdAt, ...job.dependsOn.map((id) => byId.get(id)?.finishedAt ?? 0));
    const list = samples.get(job.type) ?? [];
    if (list.length < 10) list.push(job.finishedAt - ready);
    samples.set(job.type, list);
  }
  const typical = new Map<JobType, number>();
  for (const [type, list] of samples) {
    const sorted = [...list].sort((a, b) => a - b);
    typical.set(type, sorted[Math.floor(sorted.length / 2)] ?? 0);
  }
  return typical;
}

/** Milliseconds left for a running job, or null when there is no honest estimate. */
export function estimateLeft(job: JobRow, seen: RunSighting, typicalMs: number | undefined, now: number): number | null {
  const elapsed = now - seen.since;
  const p = job.progress;
  if (p && p.total > 0 && p.done > seen.doneThen && elapsed >= 2000) {
    const perStep = elapsed / (p.done - seen.doneThen);
    return Math.max(0, (p.total - p.done) * perStep);
  }
  if (typicalMs === undefined) return null;
  const left = typicalMs - elapsed;
  return left >= 1000 ? left : null;
}

/** "about 30 s left", rounded so it does not pretend to a precision it has not got. */
export function leftInWords(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 10) return 'a few seconds left';
  if (seconds < 60) return `about ${formatSeconds(Math.round(seconds / 5) * 5)} left`;
  return `about ${formatSeconds(Math.round(seconds / 60) * 60)} left`;
}
