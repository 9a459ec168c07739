import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eApp } from '../support/e2e-app';
import { renderSettled } from '../support/e2e-helpers';

/**
 * index.html carries the header prerendered at build time (scripts/build/prerender-shell.ts): with
 * no script at all the learner sees the app's header, and when the live shell takes over its boxes
 * sit exactly where the prerendered ones were, at phone and desktop widths. A header edited in one
 * place but not the other fails here.
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
