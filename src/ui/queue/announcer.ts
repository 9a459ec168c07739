import type { JobStatus } from './describe-job';

export interface AnnouncedJob {
  id: string;
  title: string;
  status: JobStatus;
  /** Running normally: its label changes ("Writing… 3 sentences so far", "… 4 …") but that is one state. */
  working: boolean;
}

/**
 * What the Queue's one polite live region says: the jobs whose state changed since the last render
 * ("Story: 雨の朝: Done in 42 s"), never the countdown's ticks or a running job's sentence count
 * (a row that rewrote itself inside role="status" was read out every second). The first list is the
 * baseline: opening the page announces nothing.
 */
export class QueueAnnouncer {
  /** The text of the live region now. */
  text = '';
  private known: Map<string, string> | null = null;

  update(jobs: readonly AnnouncedJob[]): void {
    const next = new Map(jobs.map((j) => [j.id, j.working ? 'working' : j.status.text]));
    const previous = this.known;
    this.known = next;
    if (previous === null) return;
    const changed = jobs.filter((j) => previous.get(j.id) !== next.get(j.id));
    if (changed.length === 0) return;
    this.text = changed.map((j) => `${j.title}: ${spoken(j.status)}`).join(' ');
  }
}

function spoken(status: JobStatus): string {
  return status.countdown ? `${status.text} ${status.countdown}` : status.text;
}
