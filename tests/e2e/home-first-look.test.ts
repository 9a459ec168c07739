import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_STORIES } from '../../src/domain/samples/sample-stories';
import { DIST_DIR } from '../support/app-server';
import { useE2eApp } from '../support/e2e-app';
import { putRows, progressRow } from '../support/e2e-rows';

/**
 * Home draws its first screen before Dexie has downloaded (issue 12's first-route budget): from the
 * samples on a first visit, from a plain-IndexedDB look at the library after that. Shown here by
 * holding every script with Dexie in it until Home is on screen, then letting it through and seeing
 * the live queries take over. The service worker is blocked so every request passes the hold.
 */
const app = useE2eApp();
/** One of Dexie's own error classes: in its build, in no module of the app's own. */
const DEXIE_MARKER = 'DatabaseClosedError';

let opened: BrowserContext | undefined;
afterEach(async () => {
  // Scripts the page still asks for as the profile closes must not fail the run from a handler.
  await opened?.unrouteAll({ behavior: 'ignoreErrors' });
  await opened?.close();
  opened = undefined;
});

interface Hold {
  /** Dexie's scripts asked for and not delivered yet. */
  waiting: () => number;
  delivered: () => number;
  release: () => void;
}

/** Holds every script with Dexie in it, from now until `release()`. */
async function holdDexie(context: BrowserContext): Promise<Hold> {
  await context.unrouteAll({ behavior: 'wait' });
  let open = false;
  let delivered = 0;
  const held: (() => void)[] = [];
  await context.route('**/assets/*.js', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes(DEXIE_MARKER)) {
      if (!open) await new Promise<void>((resolve) => held.push(resolve));
      delivered++;
    }
    await route.fulfill({ response, body });
  });
  return {
    waiting: () => held.length,
    delivered: () => delivered,
    release: () => {
      open = true;
      for (const go of held.splice(0)) go();
    },
  };
}

async function homeDrawn(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Recent stories' }).waitFor();
  for (const story of SAMPLE_STORIES) await page.getByRole('link', { name: new RegExp(story.titleJP) }).first().waitFor();
}

describe("Home's first screen without Dexie", () => {
  it('the marker is Dexie’s: the build has a chunk with it', () => {
    const assets = join(DIST_DIR, 'assets');
    const withDexie = readdirSync(assets).filter((f) => f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes(DEXIE_MARKER));
    expect(withDexie).toHaveLength(1);
  });

  it('a first visit shows the samples, then stores them once Dexie arrives; a second visit draws the library the same way', async () => {
    const context = await app.browser.newContext({ viewport: { width: 360, height: 640 }, serviceWorkers: 'block' });
    opened = context;
    const page = await context.newPage();
    const first = await holdDexie(context);
    await page.goto(`${app.server.url}/`);
    await homeDrawn(page);
    expect(first.delivered()).toBe(0);
    // Storage opens right after that paint: Dexie is asked for now, and held.
    await expect.poll(first.waiting).toBeGreaterThan(0);
    first.release();
    // The totals come from live queries, once storage opened and the samples went in.
    await expect.poll(async () => (await page.locator('.totals dd').nth(2).textContent())?.trim()).toBe(String(SAMPLE_STORIES.length));
    expect(await page.getByRole('heading', { name: 'Continue reading' }).count()).toBe(0);

    const started = SAMPLE_STORIES[1] ?? SAMPLE_STORIES[0];
    if (!started) throw new Error('no samples');
    // What the Reader saves after a while of reading, written behind the app's back.
    await putRows(page, 'progress', [progressRow(started.id, 40)]);
    const second = await holdDexie(context);
    await page.reload();
    await homeDrawn(page);
    // Read from the learner's own library: the story they started is there before Dexie is.
    await expect(page.getByRole('region', { name: 'Continue reading' }).getByRole('link', { name: new RegExp(started.titleJP) }).count()).resolves.toBe(1);
    expect(second.delivered()).toBe(0);
    second.release();
    await expect.poll(async () => (await page.locator('.totals dd').nth(2).textContent())?.trim()).toBe(String(SAMPLE_STORIES.length));
    await expect(page.getByRole('region', { name: 'Continue reading' }).getByRole('link', { name: new RegExp(started.titleJP) }).count()).resolves.toBe(1);
  });

  it('a connection lost before Dexie arrived says the code did not download, not that storage failed', async () => {
    const context = await app.browser.newContext({ viewport: { width: 360, height: 640 }, serviceWorkers: 'block' });
    opened = context;
    const page = await context.newPage();
    await context.route('**/assets/*.js', async (route) => {
      try {
        const response = await route.fetch();
        const body = await response.text();
        if (body.includes(DEXIE_MARKER)) return await route.abort('internetdisconnected');
        await route.fulfill({ response, body });
      } catch {
        // The profile closed while this script was on its way (the test is over).
      }
    });
    await page.goto(`${app.server.url}/`);
    // Home's first look paints, but may already have given way to its read error: only the alert is waited for.
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain("The app's code did not finish downloading. Check your connection, then reload.");
    expect(await page.getByText('could not open its storage').count()).toBe(0);
  });
});
