import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type AppServer, startAppServer } from './app-server';
import { launchBrowser } from './browser';
import { type FakeGemini, type FakeGeminiOptions, startFakeGemini } from './fake-gemini';
import { type SupabaseProject, useSupabaseProject } from './supabase-project';

export interface E2eApp {
  browser: Browser;
  server: AppServer;
  /** Present when the file asked for it (`gemini: true`); reset before every test. */
  gemini: FakeGemini;
  /** Present when the file asked for it (`supabase: true`): emptied, with a new front, before every test. */
  supabase: SupabaseProject;
  /** A folder for the file's downloads and hand-made files, removed after the file. */
  tmp: string;
  /** A fresh browser profile per test: empty storage, no service worker yet. */
  context: BrowserContext;
  page: Page;
  /** Another fresh profile in this test (a second browser, another device), closed after the test. */
  newContext(): Promise<BrowserContext>;
  /** A page in another fresh profile (see `newContext`). */
  newPage(): Promise<Page>;
}

export interface E2eAppOptions {
  viewport?: { width: number; height: number };
  gemini?: boolean;
  /** Options for that fake Gemini (e.g. `streamSegmentEveryMs`, a model's pace). */
  geminiOptions?: FakeGeminiOptions;
  /** The Supabase double (Postgres on PGlite and its HTTP front), for sync. */
  supabase?: boolean;
  acceptDownloads?: boolean;
}

/**
 * The lifecycle every e2e file shares: one Chromium and one server of the production build per file
 * (plus the fake Gemini server and the Supabase double when asked), and a new profile and page per
 * test, closed after it with any other profile the test opened.
 */
export function useE2eApp(options: E2eAppOptions = {}): E2eApp {
  const app = {} as E2eApp;
  const contexts: BrowserContext[] = [];
  // Registered first, so its after-hooks run last: the browser's profiles close before the front.
  if (options.supabase) app.supabase = useSupabaseProject();
  app.newContext = async () => {
    const context = await app.browser.newContext({ viewport: options.viewport ?? null, acceptDownloads: options.acceptDownloads ?? false });
    contexts.push(context);
    return context;
  };
  app.newPage = async () => (await app.newContext()).newPage();
  beforeAll(async () => {
    app.tmp = mkdtempSync(join(tmpdir(), 'nm-e2e-'));
    app.browser = await launchBrowser();
    app.server = await startAppServer();
    if (options.gemini) app.gemini = await startFakeGemini(options.geminiOptions);
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
    await app.gemini?.close();
    if (app.tmp) rmSync(app.tmp, { recursive: true, force: true });
  });
  beforeEach(async () => {
    app.gemini?.reset();
    app.context = await app.newContext();
    app.page = await app.context.newPage();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  return app;
}
