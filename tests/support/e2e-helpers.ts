import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { DB_NAME } from '../../src/db/names';
import { waitUntil } from './wait-until';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Waits until the service worker is active and controls this page (the app shell is precached). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((ok) => navigator.serviceWorker.addEventListener('controllerchange', () => ok(), { once: true }));
    }
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/**
 * Waits until the page has finished rendering what it loads: the app's shell is live (its own
 * page drawn, the HTML's prerendered first screen gone), no Lit element has an update pending, no
 * "Loading…"-style placeholder is shown, and the DOM (shadow roots included) is the same on two frames
 * in a row. What an accessibility check should look at, instead of a pause.
 */
export async function renderSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const shell = document.querySelector('nm-app');
      if (shell && (!shell.shadowRoot || shell.hasAttribute('data-prerendered'))) return false;
      const roots: Array<Document | ShadowRoot> = [document];
      let pending = false;
      let markup = '';
      for (let i = 0; i < roots.length; i++) {
        const root = roots[i]!;
        markup += root instanceof Document ? root.body.innerHTML : root.innerHTML;
        for (const el of root.querySelectorAll('*')) {
          if ((el as { isUpdatePending?: boolean }).isUpdatePending) pending = true;
          if (el.shadowRoot) roots.push(el.shadowRoot);
        }
      }
      const w = window as unknown as { __nmLastMarkup?: string };
      const unchanged = w.__nmLastMarkup === markup;
      w.__nmLastMarkup = markup;
      return !pending && unchanged && !/>\s*(Loading|Measuring|Opening the story)[^<]*…/.test(markup);
    },
    undefined,
    { polling: 'raf' },
  );
}

/** Runs axe-core in the page, once it has settled, and returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page, { script = true } = {}): Promise<AxeViolation[]> {
  // A page whose app code never ran is the HTML as it arrived: nothing to wait for.
  if (script) await renderSettled(page);
  // Evaluated over CDP, not added as a <script>: the app's CSP (rightly) blocks inline script tags.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** True when nothing on the page is wider than the viewport (a 360 px phone scrolls only vertically). */
export async function hasNoHorizontalOverflow(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/**
 * Home draws before the app has opened storage (its first look, src/db/first-look.ts), and on a
 * first visit before the database even exists. A test that reads or writes IndexedDB behind the
 * app's back waits for the database the app creates: opening a missing one would create an empty
 * one the app then has to upgrade. So this asks in the page, the way the first look does: an open
 * that would create the database is undone, and only the app's (Dexie's versions are 10 and up,
 * with its tables) counts. `indexedDB.databases()` is no answer: it can list a database whose
 * creation is still pending.
 */
export async function waitForDatabase(page: Page): Promise<void> {
  // A loop of evaluations, not page.waitForFunction: that takes a promise for a truthy answer.
  const appDatabaseIsThere = () =>
    page.evaluate(async (name) => {
      if (!(await indexedDB.databases()).some((d) => d.name === name)) return false;
      return new Promise<boolean>((answer) => {
        const open = indexedDB.open(name);
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => answer(false);
        open.onsuccess = () => {
          const ready = open.result.version >= 10 && open.result.objectStoreNames.contains('stories');
          open.result.close();
          answer(ready);
        };
      });
    }, DB_NAME);
  await waitUntil(appDatabaseIsThere, { what: 'the app to create its database' });
}

/** Waits until the Reader has drawn every sentence of its story (it adds them a frame at a time). */
export async function storyDrawn(page: Page): Promise<void> {
  await page.locator('ol.segments:not([aria-busy])').waitFor();
}

/**
 * Puts the mouse on the first kana in `container` (not in furigana): the run of kana it is in, and
 * the element that should show its romaji as a tooltip.
 */
export async function hoverFirstKana(page: Page, container: Locator): Promise<{ run: string; hinted: Locator }> {
  await container.scrollIntoViewIfNeeded();
  const spot = await container.evaluate((el) => {
    for (const old of (el.getRootNode() as ParentNode).querySelectorAll('[data-test-hinted]')) old.removeAttribute('data-test-hinted');
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('rt, rp, .word-name')) continue;
      const kana = /[\u3041-\u3096\u30A1-\u30FA\u30FC]+/u.exec(node.textContent ?? '');
      if (!kana) continue;
      const range = document.createRange();
      range.setStart(node, kana.index);
      range.setEnd(node, kana.index + 1);
      const box = range.getBoundingClientRect();
      node.parentElement?.setAttribute('data-test-hinted', '');
      return { x: box.left + box.width / 2, y: box.top + box.height / 2, run: kana[0] };
    }
    throw new Error('no kana outside furigana here');
  });
  await page.mouse.move(spot.x, spot.y);
  return { run: spot.run, hinted: page.locator('[data-test-hinted]').first() };
}
