import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type AppServer, startAppServer } from './app-server';
import { launchBrowser } from './browser';
import { type FakeGemini, startFakeGemini } from './fake-gemini';

export interface E2eApp {
  browser: Browser;
  server: AppServer;
  /** Present when the file asked for it (`gemini: true`); reset before every test. */
  gemini: FakeGemini;
  /** A fresh browser profile per test: empty storage, no service worker yet. */
  context: BrowserContext;
  page: Page;
}

export interface E2eAppOptions {
  viewport?: { width: number; height: number };
  gemini?: boolean;
  acceptDownloads?: boolean;
}

/**
 * The lifecycle every e2e file shares: one Chromium and one server of the production build per file
 * (plus the fake Gemini server when asked), and a new profile and page per test, closed after it.
 */
export function useE2eApp(options: E2eAppOptions = {}): E2eApp {
  const app = {} as E2eApp;
  beforeAll(async () => {
    app.browser = await launchBrowser();
    app.server = await startAppServer();
    if (options.gemini) app.gemini = await startFakeGemini();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
    await app.gemini?.close();
  });
  beforeEach(async () => {
    app.gemini?.reset();
    app.context = await app.browser.newContext({ viewport: options.viewport ?? null, acceptDownloads: options.acceptDownloads ?? false });
    app.page = await app.context.newPage();
  });
  afterEach(async () => {
    await app.context?.close();
  });
  return app;
}
