import type { Page } from 'playwright-core';
import { DB_NAME } from '../../src/db/names';
import type { JobRow } from '../../src/domain/job';

/**
 * Queue page helpers for e2e: job rows written straight into IndexedDB, and a record of what the
 * page's one live region said (every change, not just the last, since a state can pass quickly).
 */

/**
 * A version newer than any build: the runner leaves rows it wrote alone (claim.ts), so seeded rows
 * keep the state they were written in while the page shows them.
 */
export const FROZEN = '9999.0.0+0';

export async function putJobs(page: Page, rows: readonly JobRow[]): Promise<void> {
  await page.evaluate(
    ({ name, rows }) =>
      new Promise<void>((ok, fail) => {
        const open = indexedDB.open(name);
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('jobs', 'readwrite');
          for (const row of rows) tx.objectStore('jobs').put(row);
          tx.oncomplete = () => {
            db.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    { name: DB_NAME, rows },
  );
}

/** Starts recording the Queue's announcements; read them with `announcements`. */
export async function recordAnnouncements(page: Page): Promise<void> {
  await page.getByTestId('queue-announcement').evaluate((region) => {
    const log: string[] = [];
    (window as unknown as { __nmAnnounced: string[] }).__nmAnnounced = log;
    new MutationObserver(() => log.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
  });
}

export function announcements(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((window as unknown as { __nmAnnounced?: string[] }).__nmAnnounced ?? [])]);
}

/** The status line of the first job row whose title matches `title`. */
export function statusOf(page: Page, title: RegExp | string) {
  return page.locator('li.job').filter({ has: page.locator('.title', { hasText: title }) }).first().getByTestId('job-status');
}
