import { describe, expect, it } from 'vitest';
import { decideProgress, decideReadingDay, decideSettings, decideStory, decideWord } from '../../../src/sync/merge';

const alive = (writtenAt: number | null) => ({ deleted: false, writtenAt });
const gone = { deleted: true, writtenAt: null };
const local = (writtenAt: number) => ({ writtenAt });

describe('stories: last writer wins on the story’s own updatedAt', () => {
  it('applies a story this device does not have', () => {
    expect(decideStory(alive(10), null, false)).toBe('apply');
  });

  it('applies a newer remote copy, keeps and re-queues a newer local one, ignores an equal one', () => {
    expect(decideStory(alive(20), local(10), false)).toBe('apply');
    expect(decideStory(alive(10), local(20), false)).toBe('push-local');
    expect(decideStory(alive(10), local(10), false)).toBe('skip');
  });

  it('a remote tombstone deletes the local copy, however new that copy is', () => {
    expect(decideStory(gone, local(Number.MAX_SAFE_INTEGER), false)).toBe('delete-local');
    expect(decideStory(gone, null, false)).toBe('skip');
    expect(decideStory(gone, null, true)).toBe('skip');
  });

  it('a local tombstone is never undone by a pulled live copy: the deletion is pushed instead', () => {
    expect(decideStory(alive(Number.MAX_SAFE_INTEGER), null, true)).toBe('push-deletion');
  });

  it('a remote row without a readable clock never overwrites a local copy', () => {
    expect(decideStory(alive(null), local(5), false)).toBe('push-local');
    expect(decideStory(alive(null), null, false)).toBe('skip');
  });
});

describe('reading progress', () => {
  it('compares lastReadAt, and leaves progress of a story deleted here alone', () => {
    expect(decideProgress(alive(20), local(10), false)).toBe('apply');
    expect(decideProgress(alive(10), local(20), false)).toBe('push-local');
    expect(decideProgress(alive(10), local(10), false)).toBe('skip');
    expect(decideProgress(alive(99), null, true)).toBe('skip');
    expect(decideProgress(gone, local(1), false)).toBe('delete-local');
  });
});

describe('settings', () => {
  it('newer preferences win; defaults never saved (updatedAt 0) lose to any synced ones', () => {
    expect(decideSettings(alive(5), local(0))).toBe('apply');
    expect(decideSettings(alive(5), local(9))).toBe('push-local');
    expect(decideSettings(alive(5), local(5))).toBe('skip');
  });
});

describe('words: the newer change of a word wins, per word', () => {
  it('applies a newer or unknown word, keeps and re-queues a newer local one, ignores an equal one', () => {
    expect(decideWord(alive(10), null)).toBe('apply');
    expect(decideWord(alive(20), local(10))).toBe('apply');
    expect(decideWord(alive(10), local(20))).toBe('push-local');
    expect(decideWord(alive(10), local(10))).toBe('skip');
  });

  it('a tombstone removes the local word; a row without a readable clock never overwrites one', () => {
    expect(decideWord(gone, local(Number.MAX_SAFE_INTEGER))).toBe('delete-local');
    expect(decideWord(gone, null)).toBe('skip');
    expect(decideWord(alive(null), local(5))).toBe('push-local');
  });
});

describe('reading days: the newer version of one device’s day wins', () => {
  it('applies a newer or unknown day, keeps and re-queues a newer local one, ignores an equal one', () => {
    expect(decideReadingDay(alive(10), null)).toBe('apply');
    expect(decideReadingDay(alive(20), local(10))).toBe('apply');
    expect(decideReadingDay(alive(10), local(20))).toBe('push-local');
    expect(decideReadingDay(alive(10), local(10))).toBe('skip');
  });

  it('is never deleted: even a row marked deleted only competes on its clock', () => {
    expect(decideReadingDay({ deleted: true, writtenAt: 5 }, local(9))).toBe('push-local');
  });
});
