import { describe, expect, it } from 'vitest';
import { JobFailure } from '../../../src/jobs/errors';
import { ensureSpace, SPACE_MARGIN_BYTES, storageFullFailure } from '../../../src/tasks/storage-check';

describe('ensureSpace', () => {
  const MB = 1024 * 1024;

  it('passes when what is needed plus the margin fits', async () => {
    await expect(ensureSpace(10 * MB, 'x', async () => ({ usage: 0, quota: 10 * MB + SPACE_MARGIN_BYTES }))).resolves.toBeUndefined();
  });

  it('passes when the browser cannot tell', async () => {
    await expect(ensureSpace(10 * MB, 'x', async () => null)).resolves.toBeUndefined();
  });

  it('fails permanently, saying how much is needed and how much is left', async () => {
    const error = await ensureSpace(20 * MB, 'narrating 20 sentences', async () => ({ usage: 95 * MB, quota: 100 * MB })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailure);
    const failure = error as JobFailure;
    expect(failure.kind).toBe('permanent');
    expect(failure.code).toBe('storage-insufficient');
    expect(failure.message).toMatch(/^Not enough storage space for narrating 20 sentences: it needs about 20 MB and this browser has 5 MB left/);
    expect(failure.details).toMatchObject({ neededBytes: 20 * MB, freeBytes: 5 * MB });
  });
});

describe('storageFullFailure', () => {
  it('is permanent and says what was kept', () => {
    const failure = storageFullFailure(7, 20, 'sentences');
    expect(failure.kind).toBe('permanent');
    expect(failure.code).toBe('storage-full');
    expect(failure.message).toMatch(/^Your device is out of storage space\. 7 of 20 sentences were saved and are kept\./);
  });
});
