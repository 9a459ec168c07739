import { describe, expect, it } from 'vitest';
import { loadReadingProgress, saveReadingProgress } from '../../../src/app/reading-progress';
import { emptyProgress, progressAt } from '../../../src/domain/progress';
import { storyId, T0 } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();

describe('reading progress through app/', () => {
  it('gives a never-opened story its empty progress', async () => {
    expect(await loadReadingProgress(storyId(1))).toEqual(emptyProgress(storyId(1)));
  });

  it('saves a position and reads it back', async () => {
    const next = progressAt(emptyProgress(storyId(1)), { percent: 99, segmentIndex: 4, segmentOffset: 0.25 }, T0);
    await saveReadingProgress(next);
    expect(await loadReadingProgress(storyId(1))).toEqual(next);
    expect(next.completed).toBe(true);
    expect(await db().progress.count()).toBe(1);
  });
});
