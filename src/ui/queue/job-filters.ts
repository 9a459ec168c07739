import type { JobRow } from '../../domain/job';

/**
 * The Queue's status filters, as the older app had them (totals per status, pick one to see only
 * those). "Active" is what is being worked on or is next; "Waiting" is pending for a reason the
 * row states (network, a backoff, the story first, storage).
 */
export const FILTERS = ['all', 'active', 'waiting', 'failed', 'done', 'cancelled'] as const;
export type JobFilter = (typeof FILTERS)[number];

export const FILTER_LABELS: Record<JobFilter, string> = {
  all: 'All',
  active: 'Active',
  waiting: 'Waiting',
  failed: 'Failed',
  done: 'Done',
  cancelled: 'Cancelled',
};

/** Which filter a job belongs to besides "all". `now` decides whether a backoff is still running. */
export function filterOf(job: JobRow, now: number): Exclude<JobFilter, 'all'> {
  switch (job.status) {
    case 'processing':
      return 'active';
    case 'pending':
      return job.waitingFor === 'network' || job.waitingFor === 'dependency' || job.waitingFor === 'storage' || job.runAfter > now
        ? 'waiting'
        : 'active';
    case 'failed':
      return 'failed';
    case 'completed':
      return 'done';
    case 'cancelled':
      return 'cancelled';
  }
}

export function matches(job: JobRow, filter: JobFilter, now: number): boolean {
  return filter === 'all' || filterOf(job, now) === filter;
}

export function countByFilter(jobs: readonly JobRow[], now: number): Record<JobFilter, number> {
  const counts: Record<JobFilter, number> = { all: jobs.length, active: 0, waiting: 0, failed: 0, done: 0, cancelled: 0 };
  for (const job of jobs) counts[filterOf(job, now)]++;
  return counts;
}

/** The filter in a URL's `?show=`; anything else is "all". */
export function filterFromSearch(search: string): JobFilter {
  const value = new URLSearchParams(search).get('show');
  return (FILTERS as readonly string[]).includes(value ?? '') ? (value as JobFilter) : 'all';
}

/** The Queue's URL for a filter: "all" keeps it plain, so the nav link and a reload agree. */
export function searchFor(filter: JobFilter): string {
  return filter === 'all' ? '' : `?show=${filter}`;
}
