import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_LOOK_WAIT_MS, lookBeforeStorage } from '../../../src/app/first-look';
import { SAMPLE_STORIES } from '../../../src/domain/samples/sample-stories';

const samples = () => Promise.resolve({ SAMPLE_STORIES });

afterEach(() => {
  vi.useRealTimers();
});

describe('lookBeforeStorage: what Home draws before Dexie opens', () => {
  it('draws the samples on a first visit, and nothing from a database it cannot read', async () => {
    const first = await lookBeforeStorage(samples, async () => 'no-database');
    expect(first?.home.recent.map((s) => s.id).sort()).toEqual(SAMPLE_STORIES.map((s) => s.id).sort());
    expect(first?.activeJobs).toBe(0);
    expect(await lookBeforeStorage(samples, async () => null)).toBeNull();
    expect(await lookBeforeStorage(samples, () => Promise.reject(new Error('UnknownError')))).toBeNull();
  });

  it('gives up on an IndexedDB that never answers, so the usual start opens storage instead', async () => {
    vi.useFakeTimers();
    const look = lookBeforeStorage(samples, () => new Promise(() => undefined));
    await vi.advanceTimersByTimeAsync(FIRST_LOOK_WAIT_MS);
    await expect(look).resolves.toBeNull();
  });

  it('falls back to the usual start when the samples chunk did not load', async () => {
    expect(await lookBeforeStorage(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')), async () => 'no-database')).toBeNull();
  });
});
