import { describe, expect, it } from 'vitest';
import { WordEntrySchema, withState } from '../../../src/domain/words';

const storyId = '00000000-0000-4000-8000-000000000001';
const place = (at: number) => ({ storyId, segment: 2, at });

describe('word entries', () => {
  it('keeps a field a newer version added, through a parse and a state change on this device', () => {
    const fromNewer = { key: '食べる|たべる', base: '食べる', reading: 'たべる', state: 'learning', firstSeen: place(10), updatedAt: 10, reviewedTimes: 3 };
    const parsed = WordEntrySchema.parse(fromNewer);
    expect(parsed).toEqual(fromNewer);
    const known = withState(parsed, parsed.key, 'known', place(20));
    expect(known).toMatchObject({ state: 'known', reviewedTimes: 3, firstSeen: place(10), updatedAt: 20 });
  });

  it('moves updatedAt forward even when the clock went back, so the change still wins', () => {
    const first = withState(undefined, '猫|ねこ', 'learning', place(100));
    expect(withState(first, first.key, 'known', place(50)).updatedAt).toBe(101);
  });
});
