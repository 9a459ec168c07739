import { describe, expect, it } from 'vitest';
import { MAX_ASKS_PER_STEP } from '../../../src/domain/media-plan';
import { DEFAULT_MAX_ATTEMPTS, MAX_LEASE_LOSSES } from '../../../src/jobs/constants';
import { groupRequests, mostRequestsOfJob, requestsLabel } from '../../../src/ui/request-label';

/**
 * One wording for what the generator and the Reader say a request will cost. The bound is the worst
 * case of src/domain/media-plan.ts mostRequests at the highest "Parallel requests" setting (8): each
 * step asked at most twice, plus what every failed or dying claim can lose in flight.
 */
describe('requestsLabel', () => {
  it('says the planned count and the most the engine can spend on it', () => {
    const lostClaims = DEFAULT_MAX_ATTEMPTS - 1 + (MAX_LEASE_LOSSES - 1);
    expect(lostClaims).toBe(6);
    expect(MAX_ASKS_PER_STEP).toBe(2);
    // 6 sentences: 2 × 6 asks, plus 6 lost claims × 6 in flight × 2 asks.
    expect(mostRequestsOfJob(6)).toBe(84);
    expect(requestsLabel(6)).toBe('6 requests; up to 84 with retries');
    expect(requestsLabel(1)).toBe('1 request; up to 14 with retries');
    // In flight is capped by the setting (8), so 12 sentences lose at most 8 per claim.
    expect(mostRequestsOfJob(12)).toBe(120);
  });

  it('takes the bound of work spread over several jobs, each retrying on its own', () => {
    expect(requestsLabel(13, mostRequestsOfJob(1) + mostRequestsOfJob(12))).toBe('13 requests; up to 134 with retries');
  });

  it("counts a new story's word list as one more request (two for a long story), announced like narration", () => {
    expect(groupRequests(7, { narrate: false, illustrate: false })).toEqual({ total: 2, most: 28, parts: ['1 for the story', '1 for the words'] });
    expect(groupRequests(12, { narrate: true, illustrate: true })).toEqual({
      total: 15,
      most: 14 + 14 + 120 + 14,
      parts: ['1 for the story', '1 for the words', 'about 12 for narration', '1 for the cover'],
    });
    expect(groupRequests(22, { narrate: false, illustrate: false }).parts).toEqual(['1 for the story', 'about 2 for the words']);
  });
});
