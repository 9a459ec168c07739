import { describe, expect, it } from 'vitest';
import { ownProgress } from '../../../src/domain/backup/progress-import';
import { furthestPercent } from '../../../src/domain/progress';
import { makeProgress, storyId } from '../../support/fixtures/library';

const ids = new Map([[storyId(1), storyId(1)], [storyId(2), storyId(2)]]);

describe('the furthest point read in backups', () => {
  it('travels with an export, and a backup written before it existed still loads', () => {
    const withFurthest = { ...makeProgress(storyId(1), { percent: 20 }), furthestPercent: 70 };
    const { furthestPercent: _none, ...older } = makeProgress(storyId(2), { percent: 35 });
    const imported = ownProgress(JSON.parse(JSON.stringify([withFurthest, older])), ids);
    expect(imported.skipped).toBe(0);
    expect(imported.progress.map(furthestPercent)).toEqual([70, 35]);
    expect(imported.progress[0]).toMatchObject({ percent: 20, furthestPercent: 70 });
  });
});
