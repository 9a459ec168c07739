import type { Page } from 'playwright-core';
import { DB_NAME } from '../../src/db/names';
import type { Story } from '../../src/domain/story';
import type { StorySummary } from '../../src/domain/summary';
import type { ReadingProgress } from '../../src/domain/progress';
import { readAll } from './e2e-jobs';
import { waitForDatabase } from './e2e-helpers';

/** Writes stories and summaries straight into the app's IndexedDB in the page (after a first visit). */
export async function seedLibrary(page: Page, stories: Story[], summaries: StorySummary[]): Promise<void> {
  await waitForDatabase(page);
  await page.evaluate(
    ({ name, stories, summaries }) =>
      new Promise<void>((ok, fail) => {
        const open = indexedDB.open(name);
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['stories', 'storySummaries'], 'readwrite');
          for (const s of stories) tx.objectStore('stories').put(s);
          for (const s of summaries) tx.objectStore('storySummaries').put(s);
          tx.oncomplete = () => {
            db.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    { name: DB_NAME, stories, summaries },
  );
}

/** The sentence the app stored as the reading position of `storyId` (undefined before the first save). */
export async function savedPosition(page: Page, storyId: string): Promise<number | undefined> {
  const rows = await readAll<ReadingProgress>(page, 'progress');
  return rows.find((p) => p.storyId === storyId && p.lastReadAt > 0)?.segmentIndex;
}
