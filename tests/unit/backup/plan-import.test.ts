import { describe, expect, it } from 'vitest';
import { buildBackup } from '../../../src/domain/backup/backup-format';
import { planImport, type ReadyImportPlan } from '../../../src/domain/backup/plan-import';
import { DEFAULT_SETTINGS } from '../../../src/domain/default-settings';
import { idFromLegacy } from '../../../src/domain/ids';
import { makeProgress, makeStory, storyId, T0 } from '../../support/fixtures/library';
import { makeOldBackup, makeOldStory, oldStoryId } from '../../support/fixtures/old-app-backup';

const none = { ids: new Set<string>() };

function ready(text: string, ids: string[] = []): ReadyImportPlan {
  const plan = planImport(text, { ids: new Set(ids) }, T0);
  if (!plan.ok) throw new Error(plan.message);
  return plan;
}

describe('files that are not a backup', () => {
  it.each([
    ['', 'This file is not valid JSON, so it cannot be a Nihongo Monogatari backup.'],
    ['{"stories": [', 'This file is not valid JSON, so it cannot be a Nihongo Monogatari backup.'],
    ['[1, 2, 3]', 'This file is not a Nihongo Monogatari backup: it holds a list or a single value instead of a backup.'],
    ['"hello"', 'This file is not a Nihongo Monogatari backup: it holds a list or a single value instead of a backup.'],
    ['null', 'This file is not a Nihongo Monogatari backup: it holds a list or a single value instead of a backup.'],
    ['{"foo": 1}', 'This file is not a Nihongo Monogatari backup: it has no stories list.'],
    ['{"stories": {"a": 1}}', 'This file is not a Nihongo Monogatari backup: its “stories” entry is not a list.'],
  ])('%s is refused with a reason', (text, message) => {
    expect(planImport(text, none)).toEqual({ ok: false, code: expect.any(String), message });
  });

  it('refuses a file from a newer format version', () => {
    const plan = planImport(JSON.stringify({ format: 'nihongo-monogatari-backup', formatVersion: 2, stories: [] }), none);
    expect(plan).toMatchObject({ ok: false, code: 'newer-format' });
  });

  it('accepts a byte-order mark before the JSON', () => {
    expect(planImport(`\uFEFF${JSON.stringify(makeOldBackup(1))}`, none).ok).toBe(true);
  });
});

describe('one bad story among good ones', () => {
  it('rejects only that story, naming it and the problem', () => {
    const backup = makeOldBackup(4);
    backup.stories[2] = makeOldStory(2, { titleJP: '猫の日' });
    backup.stories[2]!.questions[1]!.options = ['はい', 'いいえ'];
    const plan = ready(JSON.stringify(backup));
    expect(plan.new).toHaveLength(3);
    expect(plan.rejected).toEqual([
      { index: 2, title: '猫の日', reason: 'Story 3 (“猫の日”): question 2 needs exactly 4 options' },
    ]);
    expect(plan.progress.map((p) => p.storyId)).toEqual([idFromLegacy(oldStoryId(0)), idFromLegacy(oldStoryId(3))]);
  });

  it('rejects a story that is not an object and one with an unknown level', () => {
    const backup = { stories: [42, makeOldStory(1, { level: 'N6' }), makeOldStory(2)] };
    const plan = ready(JSON.stringify(backup));
    expect(plan.new).toHaveLength(1);
    expect(plan.rejected.map((r) => r.reason)).toEqual([
      'Story 1: the story should be an object',
      'Story 2 (“猫の日 2”): the level is not one of the levels N5, N4, N3, N2, N1, Beginner, Intermediate or Advanced',
    ]);
  });
});

describe('duplicates', () => {
  it('reports stories already in the library instead of importing them again', () => {
    const backup = makeOldBackup(3);
    const plan = ready(JSON.stringify(backup), [idFromLegacy(oldStoryId(1))]);
    expect(plan.new.map((s) => s.legacyId)).toEqual([oldStoryId(0), oldStoryId(2)]);
    expect(plan.alreadyPresent).toEqual([{ index: 1, id: idFromLegacy(oldStoryId(1)), title: '猫の日 2' }]);
  });

  it('rejects the second copy of a story within one file', () => {
    const backup = { stories: [makeOldStory(0), makeOldStory(0)] };
    const plan = ready(JSON.stringify(backup));
    expect(plan.new).toHaveLength(1);
    expect(plan.rejected[0]!.reason).toBe('Story 2 (“猫の日 1”) is the same story as story 1 in this file');
  });
});

describe("this app's own export", () => {
  const own = buildBackup({
    stories: [makeStory(1), makeStory(2, { media: { audioSegments: 2, images: 1 } })],
    progress: [makeProgress(storyId(1)), makeProgress('00000000-0000-4000-8000-999999999999')],
    settings: { ...DEFAULT_SETTINGS, theme: 'dark', updatedAt: T0 },
    now: T0,
    appVersion: '0.1.0',
  });

  it('is recognised and accepted as it is', () => {
    const plan = ready(JSON.stringify(own));
    expect(plan.source).toBe('backup');
    expect(plan.new).toEqual([makeStory(1), makeStory(2)]);
    expect(plan.progress).toEqual([makeProgress(storyId(1))]);
    // Device settings (endpoint, Supabase project) are neither exported nor imported.
    const { updatedAt: _u, geminiBaseUrl: _g, supabaseUrl: _s, supabaseAnonKey: _a, ...settings } = { ...DEFAULT_SETTINGS, theme: 'dark' };
    expect(plan.settings).toEqual(settings);
  });

  it('never takes a secret-looking settings field from a file', () => {
    const tampered = { ...own, settings: { ...own.settings, geminiApiKey: 'AIzaSECRET', supabaseSession: 'x' } };
    const plan = ready(JSON.stringify(tampered));
    expect(JSON.stringify(plan)).not.toContain('AIzaSECRET');
    expect(plan.settings).not.toHaveProperty('supabaseSession');
  });
});
