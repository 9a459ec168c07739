import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import sirv from 'sirv';
import { build } from 'vite';
import { waitForServiceWorker } from '../../tests/support/e2e-helpers';
import { configureGemini, readStoryJobs, requestStory } from '../../tests/support/e2e-jobs';
import { startFakeGemini } from '../../tests/support/fake-gemini';
import { type BenchContext, type BenchResult, median, newBenchContext, round } from './types';

const RUNS = 10;

/** Records when each job first shows as completed: on the Queue page, and by a 3 s polling loop. */
async function watchCompletions(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { seenLive: Record<string, number>; seenPoll: Record<string, number> };
    w.seenLive = {};
    w.seenPoll = {};
    const queue = document.querySelector('nm-app')!.shadowRoot!.querySelector('nm-queue-page')!.shadowRoot!;
    const scan = () => {
      for (const li of queue.querySelectorAll('li.job[data-status="completed"]')) {
        const id = li.getAttribute('data-job-id')!;
        w.seenLive[id] ??= Date.now();
      }
    };
    new MutationObserver(scan).observe(queue, { subtree: true, childList: true, attributes: true });
    // The older app's way: ask for every job's status every 3 s.
    setInterval(() => {
      const open = indexedDB.open('nihongo-monogatari');
      open.onsuccess = () => {
        const req = open.result.transaction('jobs').objectStore('jobs').getAll();
        req.onsuccess = () => {
          for (const job of req.result as Array<{ id: string; status: string }>) {
            if (job.status === 'completed') w.seenPoll[job.id] ??= Date.now();
          }
          open.result.close();
        };
      };
    }, 3000);
  });
}

async function pickupAndVisibility({ browser, server }: BenchContext): Promise<BenchResult[]> {
  const gemini = await startFakeGemini({ streamChunkDelayMs: 1 });
  const context = await newBenchContext(browser);
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}/queue`);
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    await waitForServiceWorker(page);
    await configureGemini(page, gemini.url, gemini.apiKey);
    await watchCompletions(page);
    for (let i = 0; i < RUNS; i++) {
      await requestStory(page, `benchmark topic ${i}`);
      // Every story brings its word list (an annotate job): both rows done before the next request.
      await page.waitForFunction((n) => document.querySelector('nm-app')!.shadowRoot!.querySelector('nm-queue-page')!.shadowRoot!
        .querySelectorAll('li.job[data-status="completed"]').length >= n, 2 * (i + 1));
    }
    await page.waitForTimeout(3200); // one more polling round, so the slow loop has seen every job
    const jobs = (await readStoryJobs(page)).sort((a, b) => a.createdAt - b.createdAt);
    const seen = await page.evaluate(() => {
      const w = window as unknown as { seenLive: Record<string, number>; seenPoll: Record<string, number> };
      return { seenLive: w.seenLive, seenPoll: w.seenPoll };
    });
    const calls = gemini.calls.filter((c) => c.kind === 'stream');
    const pickup = jobs.map((job, i) => calls[i]!.at - job.createdAt);
    const live = jobs.map((job) => seen.seenLive[job.id]! - job.finishedAt!);
    const polled = jobs.map((job) => seen.seenPoll[job.id]! - job.finishedAt!);
    return [
      { name: 'job-pickup-enqueue-to-handler', value: round(median(pickup)), unit: 'ms', budget: 150, better: 'lower' },
      { name: 'job-completion-to-queue-visible', value: round(median(live)), unit: 'ms', budget: 100, better: 'lower' },
      { name: 'job-completion-to-visible-3s-polling', value: round(median(polled)), unit: 'ms', budget: null, better: 'lower' },
    ];
  } finally {
    await context.close();
    await gemini.close();
  }
}

/** Builds the engine-only page and runs 1,000 no-op jobs through Chromium's IndexedDB. */
async function engineThroughput({ browser }: BenchContext): Promise<BenchResult> {
  const outDir = mkdtempSync(join(tmpdir(), 'nm-bench-engine-'));
  await build({
    configFile: false,
    logLevel: 'error',
    root: resolve(import.meta.dirname, 'engine'),
    define: { __APP_VERSION__: JSON.stringify('bench') },
    build: { outDir, emptyOutDir: true },
  });
  const files = sirv(outDir, { dev: false });
  const server = createServer((req, res) => files(req, res, () => void res.writeHead(404).end()));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const context = await newBenchContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`http://localhost:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => document.title === 'ready');
    // Median of three runs of 1,000 jobs, each on a fresh database: one run swings with GC and timers.
    const rates: number[] = [];
    for (let run = 0; run < 3; run++) {
      const result = await page.evaluate((n) => (window as unknown as { benchEngine: (n: number) => Promise<{ ran: number; ms: number }> }).benchEngine(n), 1000);
      if (result.ran !== 1000) throw new Error(`engine ran ${result.ran} of 1000 jobs`);
      rates.push(1000 / (result.ms / 1000));
    }
    if (process.env.BENCH_VERBOSE) console.error(`engine runs (jobs/s): ${rates.map((r) => round(r)).join(', ')}`);
    return { name: 'engine-throughput-noop-1000-jobs', value: round(median(rates)), unit: 'jobs/s', budget: 200, better: 'higher' };
  } finally {
    await context.close();
    server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

export async function benchJobs(ctx: BenchContext): Promise<BenchResult[]> {
  return [...(await pickupAndVisibility(ctx)), await engineThroughput(ctx)];
}
