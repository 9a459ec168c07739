import type { Page } from 'playwright-core';
import { DB_NAME } from '../../src/db/names';
import type { JobRow } from '../../src/domain/job';
import { buildJobRow } from '../../src/jobs/enqueue';
import { waitForDatabase } from './e2e-helpers';

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
  await waitForDatabase(page);
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

const story = (topic: string, patch: Partial<JobRow>, at: number): JobRow => ({
  ...buildJobRow('story', { topic, level: 'N5', length: 'short' }, { now: at }),
  writtenBy: FROZEN,
  ...patch,
});

/**
 * One row in each state the Queue can show, around the finished story `storyId`: its narration
 * running (with a past one for the estimate), its illustration interrupted, and stories waiting,
 * failed three ways and cancelled. Frozen, so no runner moves them while they are looked at.
 */
export function everyStateRows(storyId: string, now: number): JobRow[] {
  const minute = 60_000;
  const audio = buildJobRow('audio', { storyId }, { now: now - 20_000 });
  const image = buildJobRow('image', { storyId, scope: 'cover' }, { now: now - 2 * minute });
  const pastAudio = buildJobRow('audio', { storyId }, { now: now - 3 * 60 * minute });
  const backoff = story('the sea at night', { groupId: 'night-sea' }, now - 30_000);
  const error = (code: string, message: string, retryable = false) => ({ code, message, retryable });
  return [
    { ...pastAudio, writtenBy: FROZEN, status: 'completed', attempts: 1, finishedAt: pastAudio.createdAt + 90_000 },
    { ...audio, writtenBy: FROZEN, status: 'processing', attempts: 1, updatedAt: now - 5_000, lease: { owner: 'page:alive/1', expiresAt: now + 25_000 }, progress: { done: 0, total: 8, label: 'Narrating… 0 / 8 sentences' } },
    { ...image, writtenBy: FROZEN, status: 'processing', attempts: 1, lease: { owner: 'sw:gone/1', expiresAt: now + 20_000 }, progress: { done: 0, total: 1, label: 'Asking Gemini…' } },
    { ...backoff, waitingFor: 'backoff', attempts: 1, runAfter: now + 24_000, error: error('rate-limited', "Gemini's rate limit was reached", true) },
    { ...buildJobRow('audio', { storyId: backoff.id }, { now: now - 30_000, dependsOn: [backoff.id], groupId: 'night-sea' }), writtenBy: FROZEN, waitingFor: 'dependency' },
    story('a train journey', { waitingFor: 'network', error: error('offline', "You're offline — this continues when you're back online.", true) }, now - 4 * minute),
    story('a locked door', { status: 'failed', attempts: 1, finishedAt: now - 6 * minute, error: error('permission-denied', 'This API key is not allowed to use Gemini (403) — check that the Gemini API is enabled for its project, or use another key.') }, now - 7 * minute),
    story('a forbidden topic', { status: 'failed', attempts: 1, finishedAt: now - 9 * minute, error: error('prompt-blocked', 'Gemini refused this topic: blocked because of its safety filters. Try a different topic or wording.') }, now - 10 * minute),
    story('a busy day', { status: 'failed', attempts: 5, finishedAt: now - 50 * minute, error: error('overloaded', 'Stopped after 5 tries: Gemini is overloaded. Retry when you like.', true) }, now - 55 * minute),
    story('a quiet evening', { status: 'cancelled', finishedAt: now - 2 * 60 * minute }, now - 2 * 60 * minute),
  ];
}
