import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_ATTEMPTS, MAX_LEASE_LOSSES } from '../../../src/jobs/constants';
import { mostRequestsOfJob, requestsLabel } from '../../../src/ui/request-label';

/** One wording for what the generator and the Reader say a request will cost. */
describe('requestsLabel', () => {
  it('says the planned count and the most the engine can spend on it', () => {
    const extra = DEFAULT_MAX_ATTEMPTS - 1 + (MAX_LEASE_LOSSES - 1);
    expect(mostRequestsOfJob(6)).toBe(6 + extra);
    expect(requestsLabel(6)).toBe(`6 requests; up to ${6 + extra} with retries`);
    expect(requestsLabel(1)).toBe(`1 request; up to ${1 + extra} with retries`);
  });

  it('takes the bound of work spread over several jobs, each retrying on its own', () => {
    expect(requestsLabel(13, mostRequestsOfJob(1) + mostRequestsOfJob(12))).toBe('13 requests; up to 25 with retries');
  });
});
