import { setTimeout as sleep } from 'node:timers/promises';
import { clickCreateStory, readJobs, requestStory, stopAllServiceWorkers } from '../../tests/support/e2e-jobs';
import { waitUntil } from '../../tests/support/wait-until';
import { callAfter, completesWithoutTab, freshApp, judge, reopenAndJudge, type Soak, type Trial } from './harness';

/**
 * The soak's loops. Each trial gets a fresh browser profile (no jobs, a newly installed worker) and
 * closes it afterwards; the fake Gemini is reset first. The only fixed waits are the ones the
 * scenario is about: how long after the click the tab closes, and the learner coming back.
 */
export type Loop = { name: string; trial: (soak: Soak, index: number) => Promise<Trial> };

/** With Background Sync the worker finishes alone; this is how long it gets before the learner returns. */
const ALONE_MS = 10_000;
/** The learner comes back this long after closing the tab (the Firefox / Safari path). */
const RETURN_AFTER_MS = 1_000;

function closeTab(name: string, delayMs: (index: number) => number | 'mid-call', withoutBackgroundSync = false): Loop {
  return {
    name,
    trial: async (soak, index) => {
      soak.gemini.setLatency(300);
      const { context, page } = await freshApp(soak, { withoutBackgroundSync });
      try {
        await clickCreateStory(page, `closed tab ${index}`);
        const delay = delayMs(index);
        if (delay === 'mid-call') await soak.gemini.waitForCalls(1, 'stream', 10_000);
        else if (delay > 0) await sleep(delay);
        await page.close();
        const alone = withoutBackgroundSync ? false : await completesWithoutTab(context, 1, ALONE_MS);
        if (withoutBackgroundSync) await sleep(RETURN_AFTER_MS);
        const verdict = await reopenAndJudge(soak, context, 1);
        return { ...verdict, completedWithoutReopen: alone && verdict.completedWithoutReopen, resumeMs: alone ? null : callAfter(soak.gemini, verdict.reopenedAt) };
      } finally {
        await context.close();
      }
    },
  };
}

const stopWorkerMidCall: Loop = {
  name: 'stop-worker-mid-call',
  trial: async (soak, index) => {
    soak.gemini.setLatency(1_500);
    const { context, page } = await freshApp(soak);
    try {
      await requestStory(page, `stopped worker ${index}`);
      await soak.gemini.waitForCalls(1, 'stream', 10_000);
      await stopAllServiceWorkers(context, page);
      const restartedAt = Date.now();
      await page.reload();
      const verdict = await judge(soak, page, 1, restartedAt);
      return { ...verdict, resumeMs: callAfter(soak.gemini, restartedAt) };
    } finally {
      await context.close();
    }
  },
};

const offlineMidJob: Loop = {
  name: 'offline-mid-job',
  trial: async (soak, index) => {
    soak.gemini.setLatency(1_500);
    // Chromium's offline switch does not cut a request already in flight: the fake drops it instead,
    // while the device is offline, as a connection lost with the network would be.
    soak.gemini.script('drop-mid-stream', 'ok');
    const { context, page } = await freshApp(soak);
    try {
      await requestStory(page, `offline ${index}`);
      await soak.gemini.waitForCalls(1, 'stream', 10_000);
      await context.setOffline(true);
      // The call in flight fails and the job waits for the network, spending no attempt.
      await waitUntil(async () => (await readJobs(page)).some((j) => j.waitingFor === 'network' || j.status === 'completed'), { timeoutMs: 15_000 });
      const onlineAt = Date.now();
      await context.setOffline(false);
      const verdict = await judge(soak, page, 1, Number.POSITIVE_INFINITY);
      const [job] = await readJobs(page);
      // Going offline must not cost an attempt; said on stderr so the JSON line keeps its shape.
      if (verdict.completed && job?.attempts !== 1) console.error(`offline-mid-job #${index + 1}: ${job?.attempts} attempts`);
      return { ...verdict, resumeMs: callAfter(soak.gemini, onlineAt) };
    } finally {
      await context.setOffline(false).catch(() => {});
      await context.close();
    }
  },
};

const twoTabsFiveJobs: Loop = {
  name: 'two-tabs-five-jobs',
  trial: async (soak, index) => {
    soak.gemini.setLatency(300);
    const { context, page } = await freshApp(soak);
    try {
      const second = await context.newPage();
      await second.goto(`${soak.server.url}/queue`);
      await second.getByRole('heading', { name: 'Queue' }).waitFor();
      for (let i = 0; i < 5; i++) await requestStory(i % 2 ? second : page, `two tabs ${index}.${i}`);
      return { ...(await judge(soak, page, 5, Number.POSITIVE_INFINITY, 40_000)), resumeMs: null };
    } finally {
      await context.close();
    }
  },
};

const rateLimitThenSuccess: Loop = {
  name: 'rate-limit-then-success',
  trial: async (soak, index) => {
    soak.gemini.script({ kind: 'rate-limit', retryDelay: '1s' }, 'ok');
    const { context, page } = await freshApp(soak);
    try {
      await requestStory(page, `rate limited ${index}`);
      const verdict = await judge(soak, page, 1, Number.POSITIVE_INFINITY, 30_000);
      // The resume here is the retry: how long after the 429 the second call came (asked: ≥ 1 s).
      const [first, second] = soak.gemini.calls.filter((c) => c.kind === 'stream');
      return { ...verdict, resumeMs: first && second ? second.at - first.at : null };
    } finally {
      await context.close();
    }
  },
};

/** Every loop, in the order printed. The no-sync loop cycles through 0 / 50 / 200 ms and mid-call. */
export const LOOPS: readonly Loop[] = [
  closeTab('close-tab-0ms', () => 0),
  closeTab('close-tab-50ms', () => 50),
  closeTab('close-tab-200ms', () => 200),
  stopWorkerMidCall,
  offlineMidJob,
  twoTabsFiveJobs,
  rateLimitThenSuccess,
  closeTab('close-tab-no-background-sync', (i) => ([0, 50, 200, 'mid-call'] as const)[i % 4]!, true),
];
