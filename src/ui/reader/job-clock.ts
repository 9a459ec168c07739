import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { JobRow } from '../../domain/job';
import { defaultLockProvider, type LockProvider, runLockName, runOf, snapshotRunLocks } from '../../jobs/lock';

import { isActive } from '../queue/describe-job';

/** What a job whose runner is gone says until another runner takes it over. */
export const INTERRUPTED_TEXT = 'Interrupted — it will resume by itself.';

/**
 * The processing jobs whose runner is gone: the lease has run out, or (where Web Locks can say) no
 * context holds the run lock of the lease's owner — the browser drops it the moment a worker is
 * killed or a tab closes, so this is known at once instead of when the 30 s lease expires. The
 * same test the engine uses to take such a job over (src/jobs/claim.ts).
 */
export async function interruptedJobs(jobs: readonly JobRow[], now: number, locks: LockProvider = defaultLockProvider()): Promise<Set<string>> {
  const processing = jobs.filter((job) => job.status === 'processing' && job.lease);
  if (processing.length === 0) return new Set();
  const snapshot = await snapshotRunLocks(locks, now);
  const gone = (lease: NonNullable<JobRow['lease']>) => lease.expiresAt <= now || (snapshot !== null && !snapshot.held.has(runLockName(runOf(lease.owner))));
  return new Set(processing.filter((job) => job.lease && gone(job.lease)).map((job) => job.id));
}

/**
 * A once-a-second clock for a host that shows live jobs: countdowns ("Retrying in 24 s.") tick
 * and a runner that died is noticed, while the job rows themselves do not change. Idle (no
 * re-render) while none of the jobs is active.
 */
export class JobClock implements ReactiveController {
  /** Ids of the processing jobs whose runner is gone (see interruptedJobs). */
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
