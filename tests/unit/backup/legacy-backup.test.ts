import { describe, expect, it } from 'vitest';
import { idFromLegacy, isUuid } from '../../../src/domain/ids';
import { LEVELS } from '../../../src/domain/levels';
import { planImport, type ReadyImportPlan } from '../../../src/domain/backup/plan-import';
import { makeOldBackup, makeOldStory, OLD_EXPORTED_AT, OLD_FIRST_STORY_MS, oldStoryId } from '../../support/fixtures/old-app-backup';

const NOW = Date.UTC(2025, 5, 1);
const none = { ids: new Set<string>() };

function ready(value: unknown): ReadyImportPlan {
  const plan = planImport(JSON.stringify(value), none, NOW);
  if (!plan.ok) throw new Error(plan.message);
  return plan;
}

describe('older-app backup → stories', () => {
  it('accepts every one of the eight levels', () => {
    const plan = ready(makeOldBackup(LEVELS.length));
    expect(plan.source).toBe('legacy-backup');
    expect(plan.rejected).toEqual([]);
    expect(plan.new.map((s) => s.level)).toEqual([...LEVELS]);
  });

  it('gives gen-<ms> ids a stable uuid and keeps the old id as legacyId', () => {
    const first = ready(makeOldBackup(2)).new[0]!;
    const again = ready(makeOldBackup(2)).new[0]!;
    expect(isUuid(first.id)).toBe(true);
    expect(first.id).toBe(idFromLegacy(oldStoryId(0)));
    expect(again.id).toBe(first.id);
    expect(first.legacyId).toBe(oldStoryId(0));
  });

  it('fills the fields the older app lacked', () => {
    const story = ready(makeOldBackup(1)).new[0]!;
    expect(story).toMatchObject({
      source: 'imported',
      topic: '',
      readTime: 3,
      createdAt: OLD_FIRST_STORY_MS,
      updatedAt: OLD_FIRST_STORY_MS,
      schemaVersion: 1,
    });
    expect(story.content[0]!.imagePrompt).toBe('a cat walking to school');
  });

  it('dates stories without a gen-<ms> id by the export, else by now', () => {
    const odd = makeOldStory(0, { id: 'my-story' });
    expect(ready({ stories: [odd], exportedAt: OLD_EXPORTED_AT }).new[0]!.createdAt).toBe(Date.parse(OLD_EXPORTED_AT));
    expect(ready({ stories: [odd] }).new[0]!.createdAt).toBe(NOW);
  });

  it('repairs level case, a missing excerpt and a missing reading time', () => {
    const { excerpt: _e, ...noExcerpt } = makeOldStory(0, { level: 'beginner', readTime: 'quick' });
    const story = ready({ stories: [noExcerpt] }).new[0]!;
    expect(story.level).toBe('Beginner');
    expect(story.excerpt).toBe('猫が学校に行きました。');
    expect(story.readTime).toBe(1);
  });

  it('derives a stable id for a story without any id', () => {
    const { id: _id, ...noId } = makeOldStory(0);
    const a = ready({ stories: [noId] }).new[0]!;
    const b = ready({ stories: [noId] }).new[0]!;
    expect(a.id).toBe(b.id);
    expect(a.legacyId).toBeUndefined();
  });
});

describe('older-app backup → progress and settings', () => {
  it('maps scrollPercent, completed and lastRead, estimating the segment', () => {
    const plan = ready(makeOldBackup(4));
    const byId = new Map(plan.progress.map((p) => [p.storyId, p]));
    expect(plan.progress).toHaveLength(2);
    expect(byId.get(idFromLegacy(oldStoryId(0)))).toMatchObject({
      percent: 100,
      completed: true,
      segmentIndex: 3,
      segmentOffset: 1,
      lastReadAt: OLD_FIRST_STORY_MS,
    });
    // 50 % of 4 segments: the top of segment 3 (index 2); lastRead given as epoch ms.
    expect(byId.get(idFromLegacy(oldStoryId(3)))).toMatchObject({
      percent: 50,
      completed: false,
      segmentIndex: 2,
      segmentOffset: 0,
      lastReadAt: OLD_FIRST_STORY_MS + 3,
      updatedAt: OLD_FIRST_STORY_MS + 3,
    });
  });

  it('drops progress of stories not in the file and counts unreadable entries', () => {
    const backup = {
      ...makeOldBackup(1),
      progress: { 'gen-1': { scrollPercent: 10 }, [oldStoryId(0)]: 'half way' },
    };
    const plan = ready(backup);
    expect(plan.progress).toEqual([]);
    expect(plan.notes).toEqual(['1 reading-progress entry was not understood and skipped.']);
  });

  it('maps the six settings and the separate theme', () => {
    expect(ready(makeOldBackup(1)).settings).toEqual({
      fontSize: 'large',
      showFurigana: false,
      showEnglish: true,
      viewMode: 'side-by-side',
      showImages: false,
      playbackSpeed: 1.25,
      theme: 'dark',
    });
  });

  it('keeps the good settings when one is unknown, and clamps the speed', () => {
    const backup = { ...makeOldBackup(1), theme: 'sepia', settings: { fontSize: 'huge', playbackSpeed: 2 } };
    expect(ready(backup).settings).toEqual({ playbackSpeed: 1.5 });
  });
});
