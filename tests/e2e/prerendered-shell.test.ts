import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eApp } from '../support/e2e-app';
import { renderSettled, waitForServiceWorker } from '../support/e2e-helpers';

/**
 * index.html carries the header prerendered at build time (scripts/build/prerender-shell.ts): with
 * no script at all the learner sees the app's header, and when the live shell takes over its boxes
 * sit exactly where the prerendered ones were, at phone and desktop widths. A header edited in one
 * place but not the other fails here. The page served for `/` also holds the top of Home as a first
 * visit sees it (its largest text, so that paint needs no script either); other URLs do not.
 */
const app = useE2eApp();
const VIEWPORTS = [
  { width: 360, height: 640 },
  { width: 1280, height: 800 },
];

type Boxes = Record<string, { x: number; y: number; w: number; h: number }>;

/** Where the header's parts and the main block are, in whichever copy is rendered (light or shadow DOM). */
function headerBoxes(page: Page): Promise<Boxes> {
  return page.evaluate(() => {
    const host = document.querySelector('nm-app')!;
    const root: ParentNode = host.shadowRoot ?? host;
    const box = (el: Element | null) => {
      const r = el!.getBoundingClientRect();
      return { x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width), h: Math.round(r.height) };
    };
    const boxes: Record<string, ReturnType<typeof box>> = { header: box(root.querySelector('header')), brand: box(root.querySelector('.brand')) };
    root.querySelectorAll('nav a').forEach((a) => {
      boxes[a.textContent!.trim()] = box(a);
    });
    boxes.theme = box(root.querySelector('button.theme'));
    // Where main starts, not how tall its content makes it.
    const { h: _h, ...mainStart } = box(root.querySelector('main'));
    boxes.main = { ...mainStart, h: 0 };
    return boxes;
  });
}

/** Home's title and "Write a story" card, in whichever copy is rendered (index.html's or the live page's). */
function homeTopBoxes(page: Page): Promise<Boxes> {
  return page.evaluate(() => {
    const host = document.querySelector('nm-app')!;
    const shell: ParentNode = host.shadowRoot ?? host;
    const root: ParentNode = shell.querySelector('nm-home-page')?.shadowRoot ?? shell;
    const boxes: Record<string, { x: number; y: number; w: number; h: number }> = {};
    for (const selector of ['h1', 'section.write', '.write h2', '.write p', '.write button', '#write-hint']) {
      const r = root.querySelector(selector)!.getBoundingClientRect();
      boxes[selector] = { x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width), h: Math.round(r.height) };
    }
    return boxes;
  });
}

describe('prerendered shell', () => {
  for (const viewport of VIEWPORTS) {
    it(`paints the header without script, where the live shell puts it (${viewport.width} px)`, async () => {
      const noScript = await app.browser.newContext({ viewport, javaScriptEnabled: false });
      const still = await noScript.newPage();
      await still.goto(`${app.server.url}/library`);
      await expect(still.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).isVisible()).resolves.toBe(true);
      const prerendered = await headerBoxes(still);
      await noScript.close();

      const live = await app.browser.newContext({ viewport });
      const page = await live.newPage();
      await page.goto(`${app.server.url}/library`);
      await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
      await renderSettled(page);
      const rendered = await headerBoxes(page);
      await live.close();
      expect(rendered).toEqual(prerendered);
    });
  }

  for (const viewport of VIEWPORTS) {
    it(`paints the top of a first visit's Home without script, where Home then draws it (${viewport.width} px)`, async () => {
      const noScript = await app.browser.newContext({ viewport, javaScriptEnabled: false });
      const still = await noScript.newPage();
      await still.goto(`${app.server.url}/`);
      await expect(still.getByRole('heading', { name: 'ようこそ · Welcome', level: 1 }).isVisible()).resolves.toBe(true);
      // Drawn but not pretending: it does nothing until the app runs.
      await expect(still.getByRole('button', { name: 'Write a story' }).isDisabled()).resolves.toBe(true);
      const prerendered = await homeTopBoxes(still);
      // Every other app URL gets the page without Home in it.
      await still.goto(`${app.server.url}/library`);
      await expect(still.getByRole('heading', { name: 'ようこそ · Welcome' }).count()).resolves.toBe(0);
      await noScript.close();

      const live = await app.browser.newContext({ viewport });
      const page = await live.newPage();
      await page.goto(`${app.server.url}/`);
      await page.getByRole('heading', { name: 'Recent stories' }).waitFor();
      await renderSettled(page);
      await expect(page.getByRole('button', { name: 'Write a story' }).isEnabled()).resolves.toBe(true);
      const rendered = await homeTopBoxes(page);
      await live.close();
      expect(rendered).toEqual(prerendered);
    });
  }

  it("a returning learner's Home comes from the worker without the first visit's top (their own is drawn from storage)", async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.server.url}/`);
    await waitForServiceWorker(page);
    // The page's script off, the worker's on: what the worker answers for `/` is what shows.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.reload();
    await expect(page.evaluate(() => navigator.serviceWorker.controller !== null)).resolves.toBe(true);
    await expect(page.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'ようこそ · Welcome' }).count()).resolves.toBe(0);
    await context.close();
  });

  it('the install manifest is linked once the page is drawn, not by the HTML the first paint waits on', async () => {
    const html = await (await fetch(`${app.server.url}/`)).text();
    expect(html).not.toContain('rel="manifest"');
    const page = app.page;
    await page.goto(`${app.server.url}/`);
    await page.getByRole('heading', { name: 'Recent stories' }).waitFor();
    const href = await page.waitForFunction(() => document.head.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.href);
    const manifest = (await (await fetch(String(await href.jsonValue()))).json()) as { name: string; start_url: string; icons: unknown[] };
    expect(manifest).toMatchObject({ name: 'Nihongo Monogatari 日本語物語', start_url: '/' });
    expect(manifest.icons.length).toBeGreaterThan(0);
  });

  it('follows a dark system theme before any script runs, in the colours the app then keeps', async () => {
    const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const noScript = await app.browser.newContext({ colorScheme: 'dark', javaScriptEnabled: false });
    const still = await noScript.newPage();
    await still.goto(`${app.server.url}/`);
    const before = await background(still);
    await noScript.close();

    const live = await app.browser.newContext({ colorScheme: 'dark' });
    const page = await live.newPage();
    await page.goto(`${app.server.url}/`);
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    const after = await background(page);
    await live.close();
    expect({ before, after }).toEqual({ before: 'rgb(23, 22, 26)', after: 'rgb(23, 22, 26)' });
  });
});
