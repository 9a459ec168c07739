import type { JobRow } from '../../domain/job';

export interface AnnouncedJob {
  id: string;
  title: string;
  job: JobRow;
  /** Its runner is gone (see interruptedJobs). */
  interrupted: boolean;
}

/**
 * What the Queue's one polite live region says: which jobs changed state since the last render
 * ("Story: 雨の朝: done."), never the countdown's ticks or a running job's sentence count (rows
 * that rewrote themselves inside role="status" were read out every second). The first list is the
 * baseline: opening the page announces nothing. The phrases are short on purpose: the row holds
 * the details (why it failed, how long to wait), one Tab away, and is not said twice.
 */
export class QueueAnnouncer {
  /** The text of the live region now. */
  text = '';
  private known: Map<string, string> | null = null;

  update(jobs: readonly AnnouncedJob[], now: number): void {
    const next = new Map(jobs.map((j) => [j.id, spokenState(j.job, j.interrupted, now)]));
    const previous = this.known;
    this.known = next;
    if (previous === null) return;
    const changed = jobs.filter((j) => previous.get(j.id) !== next.get(j.id));
    if (changed.length === 0) return;
    this.text = changed.map((j) => `${j.title}: ${next.get(j.id)}.`).join(' ');
  }
}

/** The state in a few words; it changes only when the state does. */
export function spokenState(job: JobRow, interrupted: boolean, now: number): string {
  switch (job.status) {
    case 'completed':
      return 'done';
    case 'cancelled':
      return 'cancelled';
    case 'failed':
      return 'failed';
    case 'processing':
      return interrupted ? 'interrupted, it will resume by itself' : 'in progress';
    case 'pending':
      if (job.waitingFor === 'network') return 'waiting for the network';
      if (job.waitingFor === 'dependency') return 'waiting for the story';
      if (job.waitingFor === 'storage') return 'waiting for space to save it';
      return job.runAfter > now ? 'waiting to retry' : 'queued';
  }
}
