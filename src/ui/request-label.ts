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
