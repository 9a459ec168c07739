import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eApp } from '../support/e2e-app';
import { hasNoHorizontalOverflow, seriousA11yViolations } from '../support/e2e-helpers';
import { makeStory, T0 } from '../support/fixtures/library';
import { makeOldBackup, makeOldStory, oldStoryId } from '../support/fixtures/old-app-backup';

/** Each test starts in a fresh profile (empty storage, so the samples are seeded on the first visit). */
const app = useE2eApp({ viewport: { width: 360, height: 640 }, acceptDownloads: true });

/** An older-app backup whose second story is long enough to scroll, read halfway. */
function oldBackupFile(): string {
  const backup = makeOldBackup(3);
  backup.stories[1] = makeOldStory(1, {
    level: 'Intermediate',
    content: Array.from({ length: 14 }, (_, i) => ({
      jp: `猫は${i + 1}回目に学校へ行きました。毎日、先生と長い話をします。`,
      readings: [{ text: '猫', reading: 'ねこ' }],
      en: `The cat went to school for time number ${i + 1}. Every day it has a long talk with the teacher.`,
      vocab: [],
    })),
  });
  backup.progress[oldStoryId(1)] = { scrollPercent: 50, completed: false, lastRead: '2024-05-20T10:00:00.000Z' };
  const path = join(app.tmp, 'nihongo-monogatari-backup.json');
  writeFileSync(path, JSON.stringify(backup));
  return path;
}

async function openSettings(page: Page): Promise<void> {
  await page.goto(`${app.server.url}/settings`);
  await page.getByRole('heading', { name: 'Your data' }).waitFor();
}

/** Chooses a file in the Import part of Settings and waits for the report (or the refusal). */
async function chooseImportFile(page: Page, path: string): Promise<void> {
  await page.getByLabel('Backup file (.json)').setInputFiles(path);
  await page.getByRole('heading', { name: /What this file holds|This file cannot be imported/ }).waitFor();
}

function report(page: Page): Promise<string> {
  return page.locator('nm-settings-import .card').textContent().then((t) => t ?? '');
}

async function libraryTitles(page: Page): Promise<string[]> {
  await page.goto(`${app.server.url}/library`);
  // The live page's count: the HTML's prerendered copy shows one too, before the app runs.
  await page.locator('nm-library-page').getByRole('status').filter({ hasText: 'stories' }).waitFor();
  const titles = await page.locator('nm-library-page li.story .title .jp').allTextContents();
  return titles.sort();
}

function firstVisibleSegment(p: Page): Promise<number> {
  return p.evaluate(() => {
    const app = document.querySelector('nm-app')?.shadowRoot;
    const header = Math.max(0, app?.querySelector('header')?.getBoundingClientRect().bottom ?? 0);
    const items = [...(app?.querySelector('nm-reader-page')?.shadowRoot?.querySelectorAll('ol.segments > li') ?? [])];
    return items.findIndex((li) => li.getBoundingClientRect().bottom > header + 2);
  });
}

async function importOldBackup(page: Page): Promise<void> {
  await openSettings(page);
  await chooseImportFile(page, oldBackupFile());
  await expect(report(page)).resolves.toMatch(/3\s+new stories[\s\S]*0\s+already in your library[\s\S]*0\s+cannot be imported/);
  await page.getByRole('button', { name: 'Import 3 stories' }).click();
  await page.getByText('Import finished.').waitFor();
}

describe('import of an older-app backup', () => {
  it('imports through Settings and opens the story at its restored position, with its level', async () => {
    const page = app.page;
    await importOldBackup(page);
    await expect(page.getByText('Added 3 stories.').count()).resolves.toBe(1);
    await expect(page.getByText('Reading position restored for 2 stories.').count()).resolves.toBe(1);

    await page.goto(`${app.server.url}/library`);
    await page.getByRole('link', { name: /猫の日 2/ }).click();
    await page.getByRole('heading', { name: /猫の日 2/ }).waitFor();
    await expect.poll(() => page.locator('nm-reader-page .meta .level').textContent()).toBe('Intermediate');
    await page.waitForFunction(() => window.scrollY > 100);
    // 50 % of 14 sentences: the old app's scroll position becomes sentence 8 (index 7).
    expect(Math.abs((await firstVisibleSegment(page)) - 7)).toBeLessThanOrEqual(1);
  });

  it('importing the same file again offers nothing to change', async () => {
    const page = app.page;
    await importOldBackup(page);
    await openSettings(page);
    await chooseImportFile(page, oldBackupFile());
    await expect(report(page)).resolves.toMatch(/0\s+new stories[\s\S]*3\s+already in your library/);
    await page.getByText('Nothing to import: your library already has everything in this file.').waitFor();
    expect(await page.locator('nm-import-report').getByRole('button').allTextContents()).toEqual(['Close']);
  });
});

describe('export and re-import', () => {
  it('gives the same library in a fresh browser; a second import and a malformed file change nothing', async () => {
    const first = app.page;
    await importOldBackup(first);
    await openSettings(first);
    const [download] = await Promise.all([
      first.waitForEvent('download'),
      first.getByRole('button', { name: 'Export my library' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^nihongo-monogatari-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = join(app.tmp, download.suggestedFilename());
    await download.saveAs(exported);
    expect(JSON.parse(readFileSync(exported, 'utf8'))).toMatchObject({ format: 'nihongo-monogatari-backup', app: { version: expect.any(String) } });
    const original = await libraryTitles(first);
    expect(original).toHaveLength(6);

    const second = await app.newPage();
    await openSettings(second);
    await chooseImportFile(second, exported);
    // The samples are seeded in both browsers, so they are already present here.
    await expect(report(second)).resolves.toMatch(/3\s+new stories[\s\S]*3\s+already in your library/);
    await second.getByRole('button', { name: 'Import 3 stories' }).click();
    await second.getByText('Import finished.').waitFor();
    await expect(libraryTitles(second)).resolves.toEqual(original);

    await openSettings(second);
    await chooseImportFile(second, exported);
    await expect(report(second)).resolves.toMatch(/0\s+new stories[\s\S]*6\s+already in your library[\s\S]*0\s+cannot be imported/);
    await expect(second.getByRole('button', { name: /^Import \d/ }).count()).resolves.toBe(0);
    await expect(libraryTitles(second)).resolves.toEqual(original);

    const bad = join(app.tmp, 'not-a-backup.json');
    writeFileSync(bad, 'this is not JSON {');
    await openSettings(second);
    await chooseImportFile(second, bad);
    await expect(second.getByRole('alert').filter({ hasText: 'not valid JSON' }).textContent()).resolves.toContain('Nothing was changed.');
    await expect(libraryTitles(second)).resolves.toEqual(original);
  });
});

describe('a backup with one bad story', () => {
  it('names the bad story and why, imports the good ones, and the report is accessible', async () => {
    const backup = makeOldBackup(3);
    const bad = backup.stories[1]!;
    bad.questions = [{ ...bad.questions[0]!, options: ['学校', '家', '店'] }];
    const path = join(app.tmp, 'one-bad-story.json');
    writeFileSync(path, JSON.stringify(backup));

    const page = app.page;
    await openSettings(page);
    await chooseImportFile(page, path);
    await expect(report(page)).resolves.toMatch(/2\s+new stories[\s\S]*1\s+cannot be imported/);
    await expect(report(page)).resolves.toContain('Story 2 (“猫の日 2”): question 1 needs exactly 4 options');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await hasNoHorizontalOverflow(page)).toBe(true);

    await page.getByRole('button', { name: 'Import 2 stories' }).click();
    await page.getByText('Added 2 stories.').waitFor();
    // The result keeps the reason it points to.
    await page.getByText('1 story could not be imported (the reasons are below).').waitFor();
    await expect(page.locator('nm-settings-import ul.reasons').textContent()).resolves.toContain('Story 2 (“猫の日 2”): question 1 needs exactly 4 options');
    const titles = await libraryTitles(page);
    expect(titles.filter((t) => t.startsWith('猫の日'))).toEqual(['猫の日 1', '猫の日 3']);
  });
});

describe('a backup shared by someone else', () => {
  it('cannot move the endpoint: a stranger’s endpoint and project in the file leave this device’s as they are', async () => {
    const page = app.page;
    await openSettings(page);
    const mine = 'http://127.0.0.1:9/mine';
    await page.getByLabel(/^Endpoint/).fill(mine);
    await page.getByRole('button', { name: 'Save endpoint' }).click();
    await page.getByText(`Saved: requests go to ${mine}.`).waitFor();

    const shared = {
      format: 'nihongo-monogatari-backup',
      formatVersion: 1,
      exportedAt: new Date(T0).toISOString(),
      app: { version: 'someone-else' },
      stories: [makeStory(70)],
      progress: [],
      settings: { theme: 'dark', geminiBaseUrl: 'https://stranger.example', supabaseUrl: 'https://stranger.supabase.co', supabaseAnonKey: 'theirs' },
    };
    const path = join(app.tmp, 'shared-backup.json');
    writeFileSync(path, JSON.stringify(shared));
    await chooseImportFile(page, path);
    const text = await report(page);
    expect(text).toContain('Theme: Dark');
    expect(text).toContain('Those were not used: this device keeps its own');
    expect(text).not.toContain('stranger');
    await page.getByRole('button', { name: 'Import 1 story' }).click();
    await page.getByText('Import finished.').waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Gemini connection and models' }).waitFor();
    await expect(page.getByLabel(/^Endpoint/).inputValue()).resolves.toBe(mine);
    const stored = await page.evaluate(() => new Promise<unknown>((resolve, reject) => {
      const open = indexedDB.open('nihongo-monogatari');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const get = open.result.transaction('settings').objectStore('settings').get('app');
        get.onsuccess = () => { resolve(get.result?.value); open.result.close(); };
      };
    }));
    expect(stored).toMatchObject({ theme: 'dark', geminiBaseUrl: mine, supabaseUrl: '', supabaseAnonKey: '' });
  });
});
