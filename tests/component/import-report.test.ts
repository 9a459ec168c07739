import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type ImportPlan, planImport } from '../../src/domain/backup/plan-import';
import { seriousA11yViolations } from '../support/e2e-helpers';
import { makeOldBackup, type OldBackup } from '../support/fixtures/old-app-backup';
import { firedEvents, focused, useFixturePage } from './support/fixture-page';

/**
 * `<nm-import-report>` in Chromium: what a learner is shown about a backup before anything is written.
 * Its plans come from the real planner (src/domain/backup), so counts and reasons are the app's own.
 */
const fixture = useFixturePage();

const NOW = Date.UTC(2025, 0, 1);

/** Plans `backup` against a library that already holds the stories at `present` (file positions). */
function planOf(backup: OldBackup, present: number[] = []): ImportPlan {
  const text = JSON.stringify(backup);
  const first = planImport(text, { ids: new Set() }, NOW);
  if (!first.ok) throw new Error(first.message);
  const ids = new Set(first.new.filter((_, i) => present.includes(i)).map((s) => s.id));
  return planImport(text, { ids }, NOW);
}

/** Four stories: the first already in the library, the second broken, two new. */
function mixedBackup(): OldBackup {
  const backup = makeOldBackup(4);
  const bad = backup.stories[1]!;
  bad.questions = [{ ...bad.questions[0]!, options: ['学校', '家', '店'] }];
  return backup;
}

async function mount(page: Page, options: Parameters<Window['fixture']['mountImportReport']>[0]): Promise<void> {
  await page.evaluate((o) => window.fixture.mountImportReport(o), options);
}

const report = (page: Page) => page.getByRole('group', { name: 'What this file holds' });
const lines = (page: Page) => report(page).getByRole('listitem').allTextContents().then((items) => items.map((t) => t.replace(/\s+/g, ' ').trim()));

describe('<nm-import-report>', () => {
  it('says which stories were deleted here and come back as new copies', async () => {
    const page = fixture.page;
    const text = JSON.stringify(makeOldBackup(2));
    const first = planImport(text, { ids: new Set() }, NOW);
    if (!first.ok) throw new Error(first.message);
    const plan = planImport(text, { ids: new Set(), tombstones: new Map([[first.new[0]!.id, NOW]]) }, NOW);
    await mount(page, { plan, changes: [] });
    expect(await lines(page)).toEqual([
      '2 new stories',
      '1 of them was deleted here before and will be restored as a new copy.',
      '0 already in your library (left as they are)',
      '0 cannot be imported',
    ]);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('lists new, already present and rejected stories with the reason, and takes focus to its heading', async () => {
    const page = fixture.page;
    const plan = planOf(mixedBackup(), [0]);
    await mount(page, { plan, changes: ['Theme: Dark', 'Text size: Large'], focus: true });
    expect(await focused(page)).toBe('h4#report-h');
    expect(await lines(page)).toEqual([
      '2 new stories',
      '1 already in your library (left as they are)',
      '1 cannot be imported',
      'Story 2 (“猫の日 2”): question 1 needs exactly 4 options',
    ]);
    await report(page).getByText('Why:').waitFor();
    const preferences = report(page).getByLabel('Also use the file’s preferences (Theme: Dark, Text size: Large)');
    expect(await preferences.isChecked()).toBe(true);
    expect(await report(page).getByRole('button', { name: 'Cancel' }).isVisible()).toBe(true);

    await report(page).getByRole('button', { name: 'Import 2 stories' }).click();
    await preferences.uncheck();
    await report(page).getByRole('button', { name: 'Import 2 stories' }).click();
    await expect.poll(() => firedEvents(page)).toEqual([
      { type: 'nm-import-confirm', detail: { withSettings: true } },
      { type: 'nm-import-confirm', detail: { withSettings: false } },
    ]);
  });

  it('with nothing new it says so and offers only "Close"', async () => {
    const page = fixture.page;
    const backup = makeOldBackup(2);
    backup.progress = {};
    await mount(page, { plan: planOf(backup, [0, 1]) });
    expect((await lines(page)).slice(0, 3)).toEqual(['0 new stories', '2 already in your library (left as they are)', '0 cannot be imported']);
    await report(page).getByText('Nothing to import: your library already has everything in this file.').waitFor();
    expect(await report(page).getByRole('button').allTextContents()).toEqual(['Close']);
    await report(page).getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => firedEvents(page)).toEqual([{ type: 'nm-import-cancel', detail: null }]);
  });

  it('with nothing new but the words you know, it offers to update them', async () => {
    const page = fixture.page;
    const entry = { key: '猫|ねこ', base: '猫', reading: 'ねこ', state: 'known', firstSeen: { storyId: '11111111-1111-4111-8111-111111111111', segment: 0, at: NOW }, updatedAt: NOW };
    const file = { format: 'nihongo-monogatari-backup', formatVersion: 1, exportedAt: new Date(NOW).toISOString(), app: { version: '0.1.0' }, stories: [], progress: [], settings: {}, words: [entry] };
    await mount(page, { plan: planImport(JSON.stringify(file), { ids: new Set() }, NOW) });
    expect(await report(page).getByRole('button').allTextContents()).toEqual(['Update the words you know', 'Cancel']);
    expect(await report(page).getByText('Nothing to import').count()).toBe(0);
  });

  it('with nothing new but reviews and reading time, it offers to update them', async () => {
    const page = fixture.page;
    const entry = { id: '22222222-2222-4222-8222-222222222222', cardKey: '猫|ねこ', kind: 'review', rating: 3, reviewedAt: NOW };
    const day = { key: '2024-12-31|dev-a', day: '2024-12-31', deviceId: 'dev-a', activeMs: 60_000, chars: 10, storiesFinished: 0, updatedAt: NOW };
    const file = { format: 'nihongo-monogatari-backup', formatVersion: 1, exportedAt: new Date(NOW).toISOString(), app: { version: '0.1.0' }, stories: [], progress: [], settings: {}, reviewLogs: [entry, { ...entry, rating: 9 }], readingDays: [day] };
    await mount(page, { plan: planImport(JSON.stringify(file), { ids: new Set() }, NOW) });
    expect(await report(page).getByRole('button').allTextContents()).toEqual(['Update your reviews and your reading time', 'Cancel']);
    await report(page).getByText(/^Entry 2 in “reviewLogs” was skipped \(rating: /).waitFor();
  });

  it('with nothing new but reading positions, it offers to update them', async () => {
    const page = fixture.page;
    await mount(page, { plan: planOf(makeOldBackup(2), [0, 1]) });
    expect(await report(page).getByRole('button').allTextContents()).toEqual(['Update reading positions', 'Cancel']);
    expect(await report(page).getByText('Nothing to import').count()).toBe(0);
  });

  it('lists every problem of a story with more than one, behind a disclosure', async () => {
    const page = fixture.page;
    const backup = makeOldBackup(2);
    backup.stories[1]!.level = 'N9';
    backup.stories[1]!.content = [];
    await mount(page, { plan: planOf(backup) });
    const reason = page.locator('nm-import-report ul.reasons > li').first();
    expect(await reason.textContent()).toMatch(/^Story 2 \(“猫の日 2”\): .*\(and 1 more problem\)All 2 problems/);
    await reason.getByText('All 2 problems').click();
    expect(await reason.locator('details li').allTextContents()).toEqual([
      expect.stringMatching(/^the level is not one of the levels/),
      'the story needs at least 1 paragraph',
    ]);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('shows the first 50 reasons and counts the rest', async () => {
    const page = fixture.page;
    const backup = makeOldBackup(53);
    for (const story of backup.stories) story.content = [];
    await mount(page, { plan: planOf(backup) });
    const reasons = page.locator('nm-import-report ul.reasons > li');
    expect(await reasons.count()).toBe(51);
    expect(await reasons.last().textContent()).toBe('…and 3 more.');
    expect(await reasons.first().textContent()).toMatch(/^Story 1 \(“猫の日 1”\): /);
    expect((await lines(page)).slice(0, 3)).toEqual(['0 new stories', '0 already in your library (left as they are)', '53 cannot be imported']);
  });

  it('while the host is importing, the confirm button is disabled', async () => {
    const page = fixture.page;
    await mount(page, { plan: planOf(makeOldBackup(1)), busy: true });
    expect(await report(page).getByRole('button', { name: 'Import 1 story' }).isDisabled()).toBe(true);
  });

  it('a file that is not a backup says why and that nothing changed', async () => {
    const page = fixture.page;
    await mount(page, { plan: planImport('this is not JSON {', { ids: new Set() }, NOW), focus: true });
    expect(await focused(page)).toBe('h4#report-h');
    await page.getByRole('heading', { name: 'This file cannot be imported' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toBe(
      'This file is not valid JSON, so it cannot be a Nihongo Monogatari backup. Nothing was changed.',
    );
    expect(await page.getByRole('button').count()).toBe(0);
  });

  it('has no serious accessibility violations, as a report or a refusal', async () => {
    const page = fixture.page;
    await mount(page, { plan: planOf(mixedBackup(), [0]), changes: ['Theme: Dark'], focus: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await mount(page, { plan: planImport('[]', { ids: new Set() }, NOW) });
    await page.getByRole('alert').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
