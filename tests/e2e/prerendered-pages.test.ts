import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eApp } from '../support/e2e-app';
import { SAMPLE_N3 } from '../../src/domain/samples/sample-n3';
import { FIRST_BATCH } from '../../src/ui/reader/sentence-batches';
import { hasNoHorizontalOverflow, renderSettled, seriousA11yViolations } from '../support/e2e-helpers';

/**
 * The build prerenders a first visit's Library into library.html, and each sample story's Reader
 * into story/<id>.html (scripts/build/prerendered-pages.ts), from the templates the live pages use.
 * Without script a learner sees the Library with the sample stories, or the story's first
 * sentences with their furigana; when the app takes over, every element of that screen sits
 * exactly where it was, at phone and desktop widths, and no frame in between shows the page
 * without its content.
 */
const app = useE2eApp();
const VIEWPORTS = [
  { width: 360, height: 640 },
  { width: 1280, height: 800 },
];

type Box = { x: number; y: number; w: number; h: number };

/**
 * Every element of the page's content in document order, with its box: from the prerendered copy
 * (`.nm-page` in nm-app's light DOM) or from the live page's shadow root, whichever is rendered.
 */
function contentBoxes(page: Page, pageTag: string): Promise<Array<[string, Box]>> {
  return page.evaluate((tag) => {
    const host = document.querySelector('nm-app')!;
    const root: ParentNode = host.shadowRoot?.querySelector(tag)?.shadowRoot ?? host.querySelector('.nm-page')!;
    return [...root.querySelectorAll('*')]
      .filter((el) => !['STYLE', 'OPTION'].includes(el.tagName))
      .map((el): [string, Box] => {
        const r = el.getBoundingClientRect();
        const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().replace(/\s+/g, '.')}` : ''}`;
        return [name, { x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width), h: Math.round(r.height) }];
      });
  }, pageTag);
}

/**
 * The Reader's first screen (progress bar, title, coverage, options, the narrate/illustrate offer,
 * the first sentences) in whichever copy is rendered; the live one has its delete button and its
 * media panel in shadow roots of their own.
 */
function readerBoxes(page: Page, sentences: number): Promise<Record<string, Box | string>> {
  return page.evaluate((count) => {
    const host = document.querySelector('nm-app')!;
    const reader = host.shadowRoot?.querySelector('nm-reader-page')?.shadowRoot;
    const root: ParentNode = reader ?? host.querySelector('.nm-page')!;
    const media: ParentNode = reader ? reader.querySelector('nm-media-panel')!.shadowRoot! : root.querySelector('.nm-media-panel')!;
    const del = reader ? reader.querySelector('nm-delete-story-button')!.shadowRoot!.querySelector('button') : root.querySelector('.toolbar button[type="button"]');
    const out: Record<string, { x: number; y: number; w: number; h: number } | string> = {};
    const put = (name: string, el: Element | null) => {
      if (!el) throw new Error(`no ${name}`);
      const r = el.getBoundingClientRect();
      out[name] = { x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width), h: Math.round(r.height) };
    };
    // Where the article starts (how tall it is depends on how many sentences the live page drew yet).
    put('article', root.querySelector('article'));
    out.article = { ...(out.article as { x: number; y: number; w: number }), h: 0 };
    for (const selector of ['.read-progress', '.read-progress progress', '.read-label', 'h1', '.meta', '.coverage', '.toolbar']) put(selector, root.querySelector(selector));
    root.querySelectorAll('.toolbar > label, .toolbar > button').forEach((el, i) => {
      put(`toolbar ${i} ${el.textContent!.trim().slice(0, 12)}`, el);
    });
    put('delete', del);
    for (const selector of ['section.media', '.note']) put(`media ${selector}`, media.querySelector(selector));
    media.querySelectorAll('.row button').forEach((el, i) => {
      put(`media button ${i}`, el);
    });
    root.querySelectorAll('ol.segments > li').forEach((li, i) => {
      if (i >= count) return;
      put(`sentence ${i}`, li.querySelector('.seg-jp'));
      put(`translation ${i}`, li.querySelector('.seg-en'));
    });
    out.coverageText = root.querySelector('.coverage')!.textContent!.trim();
    out.title = root.querySelector('h1')!.textContent!.trim();
    return out;
  }, sentences);
}

/** Holds every request matching `url` until the returned function is called. */
async function holdRequests(context: BrowserContext, url: RegExp): Promise<() => void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await context.route(url, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Counts, from the first frame, those that show neither the copy nor the live page's `content`. */
async function watchSwapFrames(page: Page, pageTag: string, content: string): Promise<void> {
  await page.addInitScript(
    ({ tag, selector }) => {
      const w = window as unknown as { __nmEmptyFrames: number; __nmFrames: number };
      w.__nmEmptyFrames = 0;
      w.__nmFrames = 0;
      const look = () => {
        w.__nmFrames++;
        const shell = document.querySelector('nm-app');
        const copyShown = !shell?.shadowRoot || shell.hasAttribute('data-prerendered');
        const live = shell?.shadowRoot?.querySelector(tag)?.shadowRoot?.querySelector(selector);
        if (!copyShown && !live) w.__nmEmptyFrames++;
        if (copyShown || !live) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    },
    { tag: pageTag, selector: content },
  );
}

/** What the frame watcher saw: that it ran, how many frames showed neither copy, and whether the copy is still in the page. */
function swapFrames(page: Page): Promise<{ looked: boolean; empty: number; copyLeft: boolean }> {
  return page.evaluate(() => {
    const w = window as unknown as { __nmEmptyFrames: number; __nmFrames: number };
    return { looked: w.__nmFrames > 0, empty: w.__nmEmptyFrames, copyLeft: document.querySelector('nm-app > main') !== null };
  });
}

describe('prerendered first screens', () => {
  for (const viewport of VIEWPORTS) {
    it(`paints a first visit's Library without script, where the Library then draws it (${viewport.width} px)`, async () => {
      const noScript = await app.browser.newContext({ viewport, javaScriptEnabled: false });
      const still = await noScript.newPage();
      await still.goto(`${app.server.url}/library`);
      await expect(still.getByRole('heading', { name: 'Library', level: 1 }).isVisible()).resolves.toBe(true);
      await expect(still.locator('li.story').count()).resolves.toBe(3);
      await expect(still.getByRole('link', { name: /^Read / }).first().isVisible()).resolves.toBe(true);
      // Drawn but not pretending: the controls do nothing until the app runs.
      await expect(still.getByRole('searchbox').isDisabled()).resolves.toBe(true);
      await expect(still.getByRole('button', { name: 'Write a story' }).isDisabled()).resolves.toBe(true);
      await expect(still.title()).resolves.toBe('Library · Nihongo Monogatari');
      const prerendered = await contentBoxes(still, 'nm-library-page');
      await noScript.close();

      const live = await app.browser.newContext({ viewport });
      const page = await live.newPage();
      // Every frame until the live stories show: in each, either the HTML's copy or the live page
      // with its stories is what is on screen, never a page without them.
      await watchSwapFrames(page, 'nm-library-page', 'li.story');
      await page.goto(`${app.server.url}/library`);
      await page.waitForFunction(() => {
        const shell = document.querySelector('nm-app');
        return !shell?.hasAttribute('data-prerendered') && shell?.shadowRoot?.querySelector('nm-library-page')?.shadowRoot?.querySelector('li.story');
      });
      await renderSettled(page);
      await expect(page.getByRole('searchbox').isEnabled()).resolves.toBe(true);
      await expect(swapFrames(page)).resolves.toEqual({ looked: true, empty: 0, copyLeft: false });
      const rendered = await contentBoxes(page, 'nm-library-page');
      await live.close();
      expect(rendered).toEqual(prerendered);
    });
  }

  for (const viewport of VIEWPORTS) {
    it(`paints a sample story's Reader without script, where the Reader then draws it (${viewport.width} px)`, async () => {
      const url = `${app.server.url}/story/${SAMPLE_N3.id}`;
      const noScript = await app.browser.newContext({ viewport, javaScriptEnabled: false });
      const still = await noScript.newPage();
      await still.goto(url);
      await expect(still.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(SAMPLE_N3.titleJP);
      // Its first sentences, with their furigana, and their translations.
      await expect(still.locator('ol.segments > li').count()).resolves.toBe(FIRST_BATCH);
      await expect(still.locator('ol.segments rt').count()).resolves.toBeGreaterThan(0);
      await expect(still.getByText(SAMPLE_N3.content[0]!.en).isVisible()).resolves.toBe(true);
      await expect(still.getByRole('button', { name: /^Narrate this story/ }).isDisabled()).resolves.toBe(true);
      await expect(still.title()).resolves.toBe('Reader · Nihongo Monogatari');
      const prerendered = await readerBoxes(still, FIRST_BATCH);
      await noScript.close();

      const live = await app.browser.newContext({ viewport });
      const page = await live.newPage();
      await watchSwapFrames(page, 'nm-reader-page', 'ol.segments > li');
      await page.goto(url);
      await page.waitForFunction(() => {
        const shell = document.querySelector('nm-app');
        return !shell?.hasAttribute('data-prerendered') && shell?.shadowRoot?.querySelector('nm-reader-page')?.shadowRoot?.querySelector('ol.segments > li');
      });
      await renderSettled(page);
      await expect(page.getByRole('button', { name: /^Narrate this story/ }).isEnabled()).resolves.toBe(true);
      await expect(swapFrames(page)).resolves.toEqual({ looked: true, empty: 0, copyLeft: false });
      const rendered = await readerBoxes(page, FIRST_BATCH);
      await live.close();
      expect(rendered).toEqual(prerendered);
    });
  }

  it("the prerendered pages are accessible and fit a 360 px screen on their own, before the app's code arrives", async () => {
    const context = await app.browser.newContext({ viewport: { width: 360, height: 640 } });
    // Script on (axe needs it), the app's own code held back: the HTML is all there is.
    await context.route(/\/assets\/.*\.js$/, (route) => route.abort());
    const still = await context.newPage();
    for (const path of ['/', '/library', `/story/${SAMPLE_N3.id}`]) {
      await still.goto(`${app.server.url}${path}`);
      await expect(still.locator('nm-app .nm-page').isVisible()).resolves.toBe(true);
      expect({ path, violations: await seriousA11yViolations(still, { script: false }) }).toEqual({ path, violations: [] });
      expect({ path, fits: await hasNoHorizontalOverflow(still) }).toEqual({ path, fits: true });
    }
    await context.close();
  });

  it("a keyboard learner already on one of the copy's links stays on that link when the app takes over", async () => {
    const context = await app.browser.newContext({ viewport: { width: 360, height: 640 } });
    // The app's entry held back until the learner is on a link of the copy.
    const release = await holdRequests(context, /\/assets\/main-[^/]*\.js$/);
    const page = await context.newPage();
    // Not to "load": that waits for the held script.
    await page.goto(`${app.server.url}/library`, { waitUntil: 'commit' });
    const copyLink = page.locator('nm-app > main .nm-page a.action').nth(1);
    await copyLink.waitFor();
    const href = await copyLink.getAttribute('href');
    await copyLink.focus();
    release();
    await page.waitForFunction(() => !document.querySelector('nm-app')?.hasAttribute('data-prerendered') && document.querySelector('nm-app')?.shadowRoot);
    await renderSettled(page);
    const focused = await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return { href: el?.getAttribute('href') ?? null, live: el?.isConnected === true && el.getRootNode() !== document };
    });
    await context.close();
    expect(focused).toEqual({ href, live: true });
  });

  it('a copy left through one of its links before the shell drew is not held over the page the learner went to', async () => {
    const context = await app.browser.newContext({ viewport: { width: 360, height: 640 } });
    // The app's code runs (its links navigate in the page), but storage, and so the shell, waits.
    const release = await holdRequests(context, /\/assets\/storage-[^/]*\.js$/);
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __nmHeld: boolean };
      w.__nmHeld = false;
      new MutationObserver(() => {
        if (document.querySelector('nm-app')?.hasAttribute('data-prerendered')) w.__nmHeld = true;
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-prerendered'] });
    });
    await page.goto(`${app.server.url}/library`, { waitUntil: 'commit' });
    // The bootstrap has started (it sets this just after taking over the app's links).
    await page.waitForFunction(() => history.scrollRestoration === 'manual');
    await page.locator('nm-app > header').getByRole('link', { name: 'Kana' }).click();
    await page.waitForURL(`${app.server.url}/kana`, { waitUntil: 'commit' });
    // Followed in the page (the copy of the Library is still the document), not by loading /kana.
    await expect(page.evaluate(() => new URL(performance.getEntriesByType('navigation')[0]!.name).pathname)).resolves.toBe('/library');
    release();
    await page.getByRole('heading', { name: 'Kana chart', level: 1 }).waitFor();
    const wasHeld = await page.evaluate(() => (window as unknown as { __nmHeld: boolean }).__nmHeld);
    const copyLeft = await page.evaluate(() => document.querySelector('nm-app > main') !== null);
    await context.close();
    expect({ held: wasHeld, copyLeft }).toEqual({ held: false, copyLeft: false });
  });
});
