import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME } from '../../src/db/names';
import { SAMPLE_N3 } from '../../src/domain/samples/sample-n3';
import { useE2eApp } from '../support/e2e-app';
import { hasNoHorizontalOverflow, seriousA11yViolations, storyDrawn, waitForDatabase } from '../support/e2e-helpers';
import { savedPosition } from '../support/e2e-seed';
import { mintFakeGoogleKey } from '../support/fake-key';
import { makeOldBackup } from '../support/fixtures/old-app-backup';
import { waitUntil } from '../support/wait-until';

const app = useE2eApp({ viewport: { width: 360, height: 640 }, acceptDownloads: true });
let page: Page;
beforeEach(() => {
  page = app.page;
});

async function openSettings(): Promise<void> {
  await page.goto(`${app.server.url}/settings`);
  await page.getByRole('heading', { name: 'Danger zone' }).waitFor();
}

async function libraryCount(): Promise<string> {
  await page.goto(`${app.server.url}/library`);
  return (await page.getByRole('status').filter({ hasText: 'stories' }).textContent()) ?? '';
}

function firstVisibleSegment(p: Page): Promise<number> {
  return p.evaluate(() => {
    const app = document.querySelector('nm-app')?.shadowRoot;
    const header = Math.max(0, app?.querySelector('header')?.getBoundingClientRect().bottom ?? 0);
    const items = [...(app?.querySelector('nm-reader-page')?.shadowRoot?.querySelectorAll('ol.segments > li') ?? [])];
    return items.findIndex((li) => li.getBoundingClientRect().bottom > header + 2);
  });
}

/** Every text node and form value on the page, shadow roots included. */
function everythingShown(p: Page): Promise<string> {
  return p.evaluate(() => {
    const parts: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el instanceof HTMLInputElement) parts.push(el.value);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
      parts.push(root instanceof Document ? root.documentElement.textContent ?? '' : root.textContent ?? '');
    };
    walk(document);
    return parts.join('\n');
  });
}

describe('appearance', () => {
  it('applies the theme and view mode at once and keeps them after a reload', async () => {
    await openSettings();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.getByRole('radio', { name: /^Side by side/ }).check();
    await page.getByRole('radio', { name: 'Large' }).check();
    await page.waitForFunction(() => document.documentElement.dataset.fontSize === 'large');

    await page.reload();
    await page.getByRole('heading', { name: 'Appearance' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await expect(page.getByRole('radio', { name: 'Dark' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('radio', { name: /^Side by side/ }).isChecked()).resolves.toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto(`${app.server.url}/story/${SAMPLE_N3.id}`);
    await page.getByRole('heading', { name: new RegExp(SAMPLE_N3.titleJP) }).waitFor();
    await expect.poll(() => page.locator('nm-reader-page article.side-by-side').count()).toBe(1);
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
  });
});

describe('Gemini API key', () => {
  const KEY = mintFakeGoogleKey();

  it('checks the input, shows the saved key masked only, and never exports it', async () => {
    await openSettings();
    await page.getByRole('button', { name: 'Save key' }).click();
    await page.getByRole('alert').filter({ hasText: 'Enter your Gemini API key' }).waitFor();

    await page.getByRole('textbox', { name: 'Gemini API key' }).fill(KEY);
    await page.getByRole('button', { name: 'Save key' }).click();
    await page.getByText(`AIza••••••••${KEY.slice(-4)}`).first().waitFor();
    await expect(page.getByLabel('Replace the API key').inputValue()).resolves.toBe('');
    await expect(everythingShown(page)).resolves.not.toContain(KEY);

    await page.reload();
    await page.getByText('Saved key:').waitFor();
    await expect(everythingShown(page)).resolves.not.toContain(KEY);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export my library' }).click()]);
    const file = join(app.tmp, 'with-key.json');
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(SAMPLE_N3.titleJP);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain('AIza');

    await page.getByRole('button', { name: 'Remove key' }).click();
    await page.getByText('No key saved yet.').waitFor();
  });
});

describe('storage', () => {
  it('lists media per story, frees it while keeping the text, and asks to keep the data', async () => {
    await page.goto(`${app.server.url}/`);
    await page.getByRole('heading', { name: 'Recent stories' }).waitFor();
    // Narration as a finished audio job would leave it (written straight to IndexedDB before Settings opens).
    await waitForDatabase(page);
    await page.evaluate(
      ([dbName, storyId]) => new Promise<void>((ok, fail) => {
        const open = indexedDB.open(dbName!);
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('media', 'readwrite');
          const blob = new Blob([new Uint8Array(3000)], { type: 'audio/wav' });
          tx.objectStore('media').put({ storyId, kind: 'audio', index: 0, blob, mime: 'audio/wav', bytes: 3000, createdAt: Date.now() });
          tx.oncomplete = () => { open.result.close(); ok(); };
          tx.onerror = () => fail(tx.error);
        };
      }),
      [DB_NAME, SAMPLE_N3.id],
    );
    await openSettings();
    await page.getByText(/Audio\s*2\.9 KB/).first().waitFor();
    await page.getByRole('button', { name: `Delete media of ${SAMPLE_N3.titleJP}` }).click();
    await page.getByText('Freed 2.9 KB.', { exact: false }).waitFor();
    await page.getByText('No story has audio or pictures on this device.').waitFor();
    await expect(libraryCount()).resolves.toMatch(/3 of 3 stories/);

    await openSettings();
    const keep = page.getByRole('button', { name: 'Keep my data on this device' });
    if (await keep.count()) {
      await keep.click();
      await page.getByText(/^(Done\.|The browser said no\.)/).waitFor();
    } else {
      await page.getByText(/Now:/).waitFor();
    }
  });
});

describe('older app on the same origin', () => {
  const oldKey = mintFakeGoogleKey();

  async function plantOldApp(): Promise<void> {
    const backup = makeOldBackup(3);
    await page.goto(`${app.server.url}/kana`);
    await page.evaluate(({ b, oldKey }) => {
      localStorage.setItem('nihongo_stories', JSON.stringify(b.stories));
      localStorage.setItem('nihongo_progress', JSON.stringify(b.progress));
      localStorage.setItem('nihongo_theme', 'dark');
      localStorage.setItem('nihongo_api_keys', JSON.stringify({ google: oldKey, pollinations: '' }));
    }, { b: backup, oldKey });
  }

  it('never migrates by itself; offers once and brings the stories and key over', async () => {
    await plantOldApp();
    await page.goto(`${app.server.url}/`);
    await page.getByRole('heading', { name: 'Recent stories' }).waitFor();
    await expect(libraryCount()).resolves.toMatch(/3 of 3 stories/);

    await openSettings();
    await page.getByRole('heading', { name: 'We found stories from the older Nihongo Monogatari on this device' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Not now' }).click();
    await expect(page.getByRole('button', { name: 'Bring them over' }).count()).resolves.toBe(0);
    await openSettings();
    await page.getByRole('button', { name: 'Bring them over' }).click();
    await page.getByText('Brought over 3 stories.').waitFor();
    await page.getByText(`AIza••••••••${oldKey.slice(-4)}`).first().waitFor();
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');

    await openSettings();
    await expect(page.getByRole('button', { name: 'Bring them over' }).count()).resolves.toBe(0);
    await expect(libraryCount()).resolves.toMatch(/6 of 6 stories/);
  });

  it('"Never" is remembered', async () => {
    await plantOldApp();
    await openSettings();
    await page.getByRole('button', { name: 'Never' }).click();
    await page.getByText('We will not ask again.', { exact: false }).waitFor();
    await openSettings();
    await expect(page.getByRole('heading', { name: /We found stories/ }).count()).resolves.toBe(0);
    await expect(libraryCount()).resolves.toMatch(/3 of 3 stories/);
  });
});

describe('deleting stories', () => {
  it('deletes a story from the Reader and Undo brings it back with its reading position', async () => {
    await page.goto(`${app.server.url}/story/${SAMPLE_N3.id}`);
    await page.getByRole('heading', { name: new RegExp(SAMPLE_N3.titleJP) }).waitFor();
    await storyDrawn(page);
    await page.locator('ol.segments > li').nth(7).evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
    const before = await firstVisibleSegment(page);
    expect(before).toBeGreaterThan(3);
    await waitUntil(async () => (await savedPosition(page, SAMPLE_N3.id)) === before, { what: 'the reading position to be saved' });

    await page.getByRole('button', { name: 'Delete story' }).click();
    await page.waitForURL(`${app.server.url}/library`);
    await page.getByText(`Deleted “${SAMPLE_N3.titleJP}”.`).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'stories' }).textContent()).toMatch(/2 of 2 stories/);

    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForURL(`${app.server.url}/story/${SAMPLE_N3.id}`);
    await page.getByRole('heading', { name: new RegExp(SAMPLE_N3.titleJP) }).waitFor();
    await page.waitForFunction(() => window.scrollY > 200);
    await expect(firstVisibleSegment(page)).resolves.toBe(before);
    await expect(libraryCount()).resolves.toMatch(/3 of 3 stories/);
  });

  it('deletes all stories only after a confirmation that says how many', async () => {
    await openSettings();
    await page.getByRole('button', { name: 'Delete all stories…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete all 3 stories?' });
    await dialog.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(libraryCount()).resolves.toMatch(/3 of 3 stories/);

    await openSettings();
    await page.getByRole('button', { name: 'Delete all stories…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete 3 stories' }).click();
    await page.getByText('Deleted 3 stories.', { exact: false }).waitFor();
    await expect(libraryCount()).resolves.toMatch(/0 of 0 stories/);
  });
});

describe('accessibility', () => {
  it('has no serious violations and fits a 360 px screen on Settings and Kana', async () => {
    for (const path of ['/settings', '/kana']) {
      await page.goto(`${app.server.url}${path}`);
      await page.locator('main h1').waitFor();
      expect({ path, violations: await seriousA11yViolations(page) }).toEqual({ path, violations: [] });
      expect({ path, fits: await hasNoHorizontalOverflow(page) }).toEqual({ path, fits: true });
    }
  });
});
