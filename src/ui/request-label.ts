import { annotateRequestCount } from '../ai/annotate-chunk';
import { requestCount } from '../domain/format';
import { mostRequests } from '../domain/media-plan';
import { DEFAULT_MAX_ATTEMPTS, MAX_LEASE_LOSSES } from '../jobs/constants';

/**
 * How many Gemini requests a piece of work makes, said the same way wherever the learner is asked
 * (the Reader's "Narrate this story", the generator's extras). The planned count is a minimum: a 429
 * or a picture missing from an answer is asked again, and so is the request a dying runner had in
 * flight, so the most the queue can spend is said too.
 */

/** The engine's own limits, so "up to N" is what the queue can really spend. */
const LIMITS = { maxAttempts: DEFAULT_MAX_ATTEMPTS, maxLeaseLosses: MAX_LEASE_LOSSES };

/** The most requests one job of `planned` requests can make with the engine's retries. */
export function mostRequestsOfJob(planned: number): number {
  return mostRequests(planned, LIMITS);
}

/**
 * "6 requests; up to 12 with retries". `most` defaults to one job's bound; work spread over several
 * jobs (a story with its narration) passes the sum of each job's bound, since each retries alone.
 */
export function requestsLabel(planned: number, most = mostRequestsOfJob(planned)): string {
  return `${requestCount(planned)}; up to ${most} with retries`;
}

export interface GroupRequests {
  /** Planned requests of the whole group. */
  total: number;
  /** The most the group can spend: the sum of each job's bound, since each retries on its own. */
  most: number;
  /** What they are for: "1 for the story", "1 for the words", "about 12 for narration", "1 for the cover". */
  parts: string[];
}

/**
 * What a new story costs: the story, its words (the annotate job, queued with every story, one
 * request per chunk of sentences), and the extras asked for. `sentences` is the most the length asks.
 */
export function groupRequests(sentences: number, extras: { narrate: boolean; illustrate: boolean }): GroupRequests {
  const words = annotateRequestCount(sentences);
  const total = 1 + words + (extras.narrate ? sentences : 0) + (extras.illustrate ? 1 : 0);
  const most = mostRequestsOfJob(1) + mostRequestsOfJob(words) + (extras.narrate ? mostRequestsOfJob(sentences) : 0) + (extras.illustrate ? mostRequestsOfJob(1) : 0);
  const parts = [
    '1 for the story',
    `${words === 1 ? '1' : `about ${words}`} for the words`,
    extras.narrate ? `about ${sentences} for narration` : '',
    extras.illustrate ? '1 for the cover' : '',
  ].filter(Boolean);
  return { total, most, parts };
}
