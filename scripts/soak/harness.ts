import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { JobRow } from '../../src/domain/job';
import type { Story } from '../../src/domain/story';
import type { AppServer } from '../../tests/support/app-server';
import { waitForServiceWorker } from '../../tests/support/e2e-helpers';
import { configureGemini, readAll, readJobs, readJobsInWorker } from '../../tests/support/e2e-jobs';
import type { FakeGemini } from '../../tests/support/fake-gemini';
import { waitUntil } from '../../tests/support/wait-until';

/** What every loop gets: one browser, the production build on loopback, one fake Gemini. */
export interface Soak {
  browser: Browser;
  server: AppServer;
  gemini: FakeGemini;
}

/** One trial's verdict; `resumeMs` only when the trial had to resume (reopen, restart, back online). */
export interface Trial {
  completed: boolean;
  duplicated: boolean;
  completedWithoutReopen: boolean;
  resumeMs: number | null;
}

/** A fresh profile (no jobs, no worker yet) with the Queue page open, controlled and configured. */
export async function freshApp(soak: Soak, options: { withoutBackgroundSync?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await soak.browser.newContext();
  // The Firefox / Safari path in Chromium: the page sees no SyncManager and runs the queue itself.
  if (options.withoutBackgroundSync) await context.addInitScript('delete window.SyncManager;');
  const page = await context.newPage();
  await page.goto(`${soak.server.url}/queue`);
  await page.getByRole('heading', { name: 'Queue' }).waitFor();
  await waitForServiceWorker(page);
  await configureGemini(page, soak.gemini.url, soak.gemini.apiKey);
  return { context, page };
}

/** Story calls Gemini answered in full: each one is a paid generation. */
export const paidCalls = (gemini: FakeGemini) => gemini.calls.filter((c) => c.kind === 'stream' && c.status === 200 && !c.aborted).length;

/** The first story call that arrived at or after `since`, as ms after it; null when none has. */
export function callAfter(gemini: FakeGemini, since: number): number | null {
  const call = gemini.calls.find((c) => c.kind === 'stream' && c.at >= since);
  return call === undefined ? null : call.at - since;
}

const completedStories = (jobs: readonly JobRow[]) => jobs.filter((j) => j.type === 'story' && j.status === 'completed').length;

/** Waits, with no tab open, until the worker has completed `count` story jobs; false after `timeoutMs`. */
export async function completesWithoutTab(context: BrowserContext, count: number, timeoutMs: number): Promise<boolean> {
  if (timeoutMs <= 0) return false;
  try {
    await waitUntil(async () => completedStories((await readJobsInWorker(context).catch(() => null)) ?? []) >= count, { timeoutMs, intervalMs: 100 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits in `page` for `count` completed story jobs and judges the trial: completed, duplicated
 * (more stories, jobs or paid calls than asked for), and whether every job had finished before
 * `reopenedAt` (when the learner came back; Infinity when the tab never closed).
 */
export async function judge(soak: Soak, page: Page, count: number, reopenedAt: number, timeoutMs = 20_000): Promise<Omit<Trial, 'resumeMs'>> {
  const done = await waitUntil(async () => completedStories(await readJobs(page)) >= count, { timeoutMs, intervalMs: 100 }).then(
    () => true,
    () => false,
  );
  const jobs = (await readJobs(page)).filter((j) => j.type === 'story');
  const stories = (await readAll<Story>(page, 'stories')).filter((s) => s.source === 'generated');
  return {
    completed: done && stories.length >= count,
    duplicated: stories.length > count || jobs.length > count || paidCalls(soak.gemini) > count,
    completedWithoutReopen: done && jobs.every((j) => j.finishedAt !== null && j.finishedAt < reopenedAt),
  };
}

/** Opens the app again in the same profile (a learner coming back) and judges the trial there. */
export async function reopenAndJudge(soak: Soak, context: BrowserContext, count: number): Promise<Omit<Trial, 'resumeMs'> & { reopenedAt: number }> {
  const reopenedAt = Date.now();
  const page = await context.newPage();
  await page.goto(`${soak.server.url}/queue`);
  return { ...(await judge(soak, page, count, reopenedAt)), reopenedAt };
}

export interface LoopSummary {
  name: string;
  trials: number;
  completed: number;
  lost: number;
  duplicated: number;
  completedWithoutReopen: number;
  medianResumeMs: number | null;
}

export function summarise(name: string, trials: readonly Trial[]): LoopSummary {
  const resumes = trials.flatMap((t) => (t.resumeMs === null ? [] : [t.resumeMs])).sort((a, b) => a - b);
  const mid = Math.floor(resumes.length / 2);
  const median = resumes.length === 0 ? null : resumes.length % 2 ? resumes[mid]! : Math.round((resumes[mid - 1]! + resumes[mid]!) / 2);
  return {
    name,
    trials: trials.length,
    completed: trials.filter((t) => t.completed).length,
    lost: trials.filter((t) => !t.completed).length,
    duplicated: trials.filter((t) => t.duplicated).length,
    completedWithoutReopen: trials.filter((t) => t.completedWithoutReopen).length,
    medianResumeMs: median,
  };
}
