import { describe, expect, it } from 'vitest';
import type { JobRow } from '../../../src/domain/job';
import type { LockProvider } from '../../../src/jobs/lock';
import { runLockName } from '../../../src/jobs/lock';
import { interruptedJobs } from '../../../src/app/queue-client';
import { StatusAnnouncer } from '../../../src/ui/reader/job-clock';

const NOW = 1_800_000_000_000;

function job(id: string, overrides: Partial<JobRow> = {}): JobRow {
  return {
    id, type: 'audio', status: 'processing', params: { storyId: id }, attempts: 1, maxAttempts: 5, runAfter: NOW, waitingFor: null,
    lease: { owner: `sw:${id}/1`, expiresAt: NOW + 20_000 }, progress: { done: 3, total: 9, label: '3 / 9 sentences' }, error: null,
    ...overrides,
  } as JobRow;
}

const holding = (...runs: string[]): LockProvider => ({
  tryWithLock: async () => ({ acquired: false }),
  held: async () => runs.map(runLockName),
});

describe('interruptedJobs: a processing job whose runner is gone', () => {
  it('is interrupted when nobody holds its run lock, though its lease has 20 s left', async () => {
    const jobs = [job('a'), job('b')];
    expect(await interruptedJobs(jobs, NOW, holding('sw:b'))).toEqual(new Set(['a']));
  });

  it('is interrupted once its lease ran out, even where locks cannot be asked', async () => {
    const noQuery: LockProvider = { tryWithLock: async () => ({ acquired: false }) };
    const expired = job('a', { lease: { owner: 'sw:a/1', expiresAt: NOW - 1 } });
    expect(await interruptedJobs([expired, job('b')], NOW, noQuery)).toEqual(new Set(['a']));
  });

  it('leaves pending and live jobs alone', async () => {
    const pending = job('p', { status: 'pending', lease: null });
    expect(await interruptedJobs([pending, job('b')], NOW, holding('sw:b'))).toEqual(new Set());
  });
});

describe('StatusAnnouncer', () => {
  it('repeats a countdown only when the state changes, not each second', () => {
    const say = new StatusAnnouncer();
    const waiting = job('a', { status: 'pending', lease: null, error: { message: 'Rate limit.' } as JobRow['error'] });
    expect(say.text(waiting, false, 'Rate limit. Retrying in 26 s.')).toBe('Rate limit. Retrying in 26 s.');
    expect(say.text(waiting, false, 'Rate limit. Retrying in 25 s.')).toBe('Rate limit. Retrying in 26 s.');
    expect(say.text({ ...waiting, status: 'processing' }, false, 'Asking Gemini…')).toBe('Asking Gemini…');
    expect(say.text({ ...waiting, status: 'processing' }, true, 'Interrupted')).toBe('Interrupted');
  });
});
