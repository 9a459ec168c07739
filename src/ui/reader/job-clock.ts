import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { JobRow } from '../../domain/job';
import { isActive } from '../queue/describe-job';

/**
 * A once-a-second clock for a host that shows live jobs: countdowns ("Retrying in 24 s.") tick
 * and a runner that died is noticed, while the job rows themselves do not change. Idle (no
 * re-render) while none of the jobs is active.
 */
export class JobClock implements ReactiveController {
  /** Ids of the processing jobs whose runner is gone (interruptedJobs, src/app/queue-client.ts). */
  interrupted: ReadonlySet<string> = new Set();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly jobs: () => readonly JobRow[],
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.timer = setInterval(() => void this.tick(), 1000);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    const active = this.jobs().filter(isActive);
    if (active.length === 0 && this.interrupted.size === 0) return;
    // The queue client loads once there is a job to look at, not with the page that shows it.
    const { interruptedJobs } = await import('../../app/queue-client');
    this.interrupted = await interruptedJobs(active, Date.now());
    this.host.requestUpdate();
  }
}

/**
 * What a screen reader hears for a job: its status when the state changes (a new sentence, a
 * failure, a wait), not every second of a countdown. Keyed by job, remembering the text the state
 * was first shown with.
 */
export class StatusAnnouncer {
  private readonly said = new Map<string, { state: string; text: string }>();

  text(job: JobRow, interrupted: boolean, shown: string): string {
    const state = [job.status, job.waitingFor ?? '', job.error?.message ?? '', job.progress?.label ?? '', interrupted].join('|');
    const before = this.said.get(job.id);
    if (before?.state === state) return before.text;
    this.said.set(job.id, { state, text: shown });
    return shown;
  }
}
