import { cancel } from '../jobs/cancel';
import { dismiss } from '../jobs/dismiss';
import { retry } from '../jobs/retry-job';
import { wakeQueue } from './wake-queue';

/** What the Queue page's buttons do; the engine enforces which transitions are allowed. */
export async function cancelJob(id: string): Promise<void> {
  await cancel(id);
}

export async function retryJob(id: string): Promise<void> {
  if (await retry(id)) wakeQueue();
}

export async function dismissJob(id: string): Promise<void> {
  await dismiss(id);
}
