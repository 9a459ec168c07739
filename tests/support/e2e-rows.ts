import type { Page } from 'playwright-core';
import { DB_NAME } from '../../src/db/names';
import type { JobRow } from '../../src/domain/job';
import type { Story } from '../../src/domain/story';
import { toSummary } from '../../src/domain/summary';
import { SAMPLE_N5 } from '../../src/domain/samples/sample-n5';
import { waitForDatabase } from './e2e-helpers';

/** Puts rows into one object store of the app's IndexedDB, from the page (after a first visit). */
export async function putRows(page: Page, store: string, rows: unknown[]): Promise<void> {
  await waitForDatabase(page);
  await page.evaluate(
    ({ name, store, rows }) =>
      new Promise<void>((ok, fail) => {
        const open = indexedDB.open(name);
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(store, 'readwrite');
          for (const row of rows) tx.objectStore(store).put(row);
          tx.oncomplete = () => {
            db.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    { name: DB_NAME, store, rows },
  );
}

/** Points the app at a Gemini endpoint without saving a key (a first visit with a test server). */
export async function setGeminiEndpoint(page: Page, baseUrl: string): Promise<void> {
  await waitForDatabase(page);
  await page.evaluate(
    ({ name, baseUrl }) =>
      new Promise<void>((ok, fail) => {
        const open = indexedDB.open(name);
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('settings', 'readwrite');
          const get = tx.objectStore('settings').get('app');
          get.onsuccess = () => {
            const current = (get.result as { value?: object } | undefined)?.value ?? {};
            tx.objectStore('settings').put({ key: 'app', value: { ...current, geminiBaseUrl: baseUrl } });
          };
          tx.oncomplete = () => {
            db.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    { name: DB_NAME, baseUrl },
  );
}

/** A story like the N5 sample under a new id and title (`source` and age chosen by the test). */
export function makeStory(titleJP: string, extra: Partial<Story> = {}): Story {
  const now = Date.now();
  return { ...SAMPLE_N5, id: crypto.randomUUID(), titleJP, titleEN: `${titleJP} (en)`, createdAt: now, updatedAt: now, ...extra } as Story;
}

/** Stories and their summaries, written the way the app writes them. */
export async function putStories(page: Page, stories: Story[]): Promise<void> {
  await putRows(page, 'stories', stories);
  await putRows(page, 'storySummaries', stories.map(toSummary));
}

/** A reading-progress row. */
export function progressRow(storyId: string, percent: number, completed = false, lastReadAt = Date.now()) {
  return { storyId, percent, segmentIndex: 0, segmentOffset: 0, completed, quizAnswers: {}, lastReadAt, updatedAt: lastReadAt };
}

/** A story job that failed for good with `message`. */
export function failedStoryJob(topic: string, message: string): JobRow {
  const now = Date.now();
  return {
    id: crypto.randomUUID(), type: 'story', params: { topic, level: 'N5', length: 'short', instructions: '' }, status: 'failed',
    priority: 0, rank: 0, createdAt: now, updatedAt: now, runAfter: now, attempts: 5, maxAttempts: 5, lease: null, progress: null,
    checkpoint: null, result: null, error: { code: 'api-key-invalid', message, retryable: false }, dependsOn: [], waitingFor: null,
    groupId: null, finishedAt: now,
  } as JobRow;
}
