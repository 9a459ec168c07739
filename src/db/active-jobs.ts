import { getDb } from './database';

/**
 * Jobs waiting or running: the number next to "Queue" in the header, on every page. Apart from
 * Home's reads (home-facts.ts) so a page that is not Home does not load those for one count.
 */
export function countActiveJobs(): Promise<number> {
  return getDb().jobs.where('status').anyOf('pending', 'processing').count();
}
