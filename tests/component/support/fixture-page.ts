import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { launchBrowser } from '../../support/browser';
import type { FixtureEvent } from '../fixture/api';

export interface FixturePage {
  browser: Browser;
  /** A fresh profile per test (empty IndexedDB), on the fixture page, closed after the test. */
  context: BrowserContext;
  page: Page;
}

/**
 * The lifecycle every component test file shares: one Chromium per file, and per test a new
 * profile and page loaded with the fixture (served by the project's Vite server, see
 * global-setup.ts). A test fails if the page threw or logged an error.
 */
export function useFixturePage(options: { viewport?: { width: number; height: number } } = {}): FixturePage {
  const fixture = {} as FixturePage;
  let errors: string[] = [];
  beforeAll(async () => {
    fixture.browser = await launchBrowser();
  });
  afterAll(async () => {
    await fixture.browser?.close();
  });
  beforeEach(async () => {
    errors = [];
    fixture.context = await fixture.browser.newContext({ viewport: options.viewport ?? { width: 800, height: 900 } });
    fixture.page = await fixture.context.newPage();
    // A missing element fails its own step, well inside the test's timeout.
    fixture.page.setDefaultTimeout(5_000);
    fixture.page.on('pageerror', (error) => errors.push(error.message));
    fixture.page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await fixture.page.goto(inject('componentFixtureUrl'));
    await fixture.page.waitForFunction(() => 'fixture' in window);
  });
  afterEach(async () => {
    await fixture.context?.close();
    expect(errors, 'errors on the fixture page').toEqual([]);
  });
  return fixture;
}

/** The events the mounted component fired so far. */
export function firedEvents(page: Page): Promise<FixtureEvent[]> {
  return page.evaluate(() => window.fixture.events);
}

/** The element that has focus, looking through shadow roots, as `tag#id` or `tag "text"`. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return 'body';
    const tag = el.tagName.toLowerCase();
    return el.id ? `${tag}#${el.id}` : `${tag} "${(el.textContent ?? '').trim()}"`;
  });
}
