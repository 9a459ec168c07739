import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { DB_NAME } from '../../src/db/names';
import type { JobRow } from '../../src/domain/job';
import { LOCK_NAME } from '../../src/jobs/constants';
import type { E2eApp } from './e2e-app';
import { waitForServiceWorker, waitForDatabase } from './e2e-helpers';

/**
 * Points the app at the fake Gemini server: the endpoint in settings and the key in the
 * device-only secrets table, written the way the Settings page stores them.
 */
export async function configureGemini(page: Page, baseUrl: string, apiKey: string): Promise<void> {
  await waitForDatabase(page);
  await page.evaluate(
    ({ name, baseUrl, apiKey }) =>
      new Promise<void>((ok, fail) => {
        const open = indexedDB.open(name);
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['settings', 'secrets'], 'readwrite');
          const settings = tx.objectStore('settings').get('app');
          settings.onsuccess = () => {
            const current = (settings.result as { value?: object } | undefined)?.value ?? {};
            tx.objectStore('settings').put({ key: 'app', value: { ...current, geminiBaseUrl: baseUrl } });
            tx.objectStore('secrets').put({ key: 'geminiApiKey', value: apiKey, updatedAt: Date.now() });
          };
          tx.oncomplete = () => {
            db.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    { name: DB_NAME, baseUrl, apiKey },
  );
}

/** Opens the Queue with the worker in control and the app pointed at the file's fake Gemini. */
export async function openQueueWithGemini(app: E2eApp): Promise<void> {
  await app.page.goto(`${app.server.url}/queue`);
  await app.page.getByRole('heading', { name: 'Queue' }).waitFor();
  await waitForServiceWorker(app.page);
  await configureGemini(app.page, app.gemini.url, app.gemini.apiKey);
}

/** Every job row, read straight from IndexedDB. */
export function readJobs(page: Page): Promise<JobRow[]> {
  return readAll<JobRow>(page, 'jobs');
}

/** The story jobs only: every generated story also queues its word list (an annotate job) after it. */
export async function readStoryJobs(page: Page): Promise<JobRow[]> {
  return (await readJobs(page)).filter((j) => j.type === 'story');
}

export async function readAll<T>(page: Page, store: string): Promise<T[]> {
  await waitForDatabase(page);
  return page.evaluate(
    ({ name, store }) =>
      new Promise<T[]>((ok, fail) => {
        const open = indexedDB.open(name);
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => {
            db.close();
            ok(req.result as T[]);
          };
          req.onerror = () => fail(req.error);
        };
      }),
    { name: DB_NAME, store },
  );
}

/** Opens the generator on the Queue page and asks for a story. */
export async function requestStory(page: Page, topic: string, level = 'N5'): Promise<void> {
  await clickCreateStory(page, topic, level);
  // The row names the topic while it runs ("Story: <topic> …") and keeps it under the story's title
  // once written ("Topic: <topic> · N5 · short"): a fast story may already be done.
  await page.locator('li.job').filter({ hasText: topic }).first().waitFor();
}

/** Fills the generator and clicks "Create story", returning when the click does (closing-tab tests). */
export async function clickCreateStory(page: Page, topic: string, level = 'N5'): Promise<void> {
  if (!page.url().endsWith('/queue')) {
    await page.getByRole('link', { name: /^Queue/ }).click();
  }
  await page.getByRole('button', { name: 'New story' }).click();
  await page.getByLabel('Topic', { exact: true }).fill(topic);
  await page.getByLabel('Level').selectOption(level);
  await page.getByRole('button', { name: 'Create story' }).click();
}

/**
 * Every job row, read inside the running service worker: with no tab open this looks without
 * opening one (a new tab would itself drain the queue). Null when no worker is running.
 */
export async function readJobsInWorker(context: BrowserContext): Promise<JobRow[] | null> {
  const worker = context.serviceWorkers()[0];
  if (worker === undefined) return null;
  return worker.evaluate(
    (name) =>
      new Promise<JobRow[]>((ok, fail) => {
        const open = indexedDB.open(name);
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('jobs').objectStore('jobs').getAll();
          req.onsuccess = () => {
            open.result.close();
            ok(req.result as JobRow[]);
          };
          req.onerror = () => fail(req.error);
        };
      }),
    DB_NAME,
  );
}

/** Stops every service worker of the browser, as Chrome does to an idle or misbehaving one. */
export async function stopAllServiceWorkers(context: BrowserContext, page: Page): Promise<void> {
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** True when no context of the app (page or service worker) holds the job runner's lock. */
export function runnerIdle(page: Page): Promise<boolean> {
  return page.evaluate(async (name) => !((await navigator.locks.query()).held ?? []).some((lock) => lock.name === name), LOCK_NAME);
}
