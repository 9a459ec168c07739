import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Story } from '../../src/domain/story';
import { LOCK_NAME } from '../../src/jobs/constants';
import { useE2eApp } from '../support/e2e-app';
import { openQueueWithGemini, readAll, readStoryJobs, requestStory } from '../support/e2e-jobs';

/**
 * Updates while work is in flight: a new worker takes over only once the paid call in hand is done,
 * the outdated worker claims nothing new, and every open tab reloads into the new version.
 */
const app = useE2eApp({ gemini: true });

beforeEach(() => openQueueWithGemini(app));

const loadedAt = (page: Page) => page.evaluate(() => performance.timeOrigin);
const waitingForRunnerLock = (page: Page) =>
  page.evaluate(async (name) => ((await navigator.locks.query()).pending ?? []).filter((lock) => lock.name === name).length, LOCK_NAME);
const waitForReload = (page: Page, before: number) => page.waitForFunction((t) => performance.timeOrigin !== t, before, { timeout: 30_000 });

describe('a new version while a story is being written', () => {
  it('lets the paid call finish, claims nothing more with old code, and reloads every tab', async () => {
    const other = await app.context.newPage();
    await other.goto(`${app.server.url}/`);
    await other.getByRole('heading', { name: 'Recent stories' }).waitFor();
    // The first story's call stays in flight until the learner has accepted the update (a fixed
    // latency raced the new worker's install on a busy machine: the call could end just before
    // the click, and the old worker then rightly took the second story before it heard).
    app.gemini.holdCallsContaining('first story');
    await requestStory(app.page, 'first story');
    await requestStory(app.page, 'second story');
    await app.gemini.waitForCalls(1, 'stream', 10_000);

    const newVersion = app.server.bumpServiceWorker({ newerVersion: true });
    await app.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const [pageBefore, otherBefore] = [await loadedAt(app.page), await loadedAt(other)];
    const reload = app.page.getByRole('button', { name: 'Reload to update' });
    await reload.waitFor();
    expect(app.gemini.calls.filter((c) => c.kind === 'stream').map((c) => c.status)).toEqual([0]);
    app.gemini.setLatency(1000);
    const waitingBefore = await waitingForRunnerLock(app.page);
    await reload.click();
    // The new worker has heard (one more request waits for the runner lock the old one holds), and
    // so, from the same click, has the old one: only now does the call in hand end.
    await app.page.waitForFunction(
      async ({ name, before }) => ((await navigator.locks.query()).pending ?? []).filter((lock) => lock.name === name).length > before,
      { name: LOCK_NAME, before: waitingBefore },
    );
    app.gemini.release();
    await Promise.all([waitForReload(app.page, pageBefore), waitForReload(other, otherBefore)]);
    const reloadedAt = await loadedAt(app.page);

    await expect.poll(async () => (await readStoryJobs(app.page)).filter((j) => j.status === 'completed').length, { timeout: 30_000 }).toBe(2);
    const jobs = await readStoryJobs(app.page);
    const first = jobs.find((j) => (j.params as { topic?: string }).topic === 'first story');
    const second = jobs.find((j) => (j.params as { topic?: string }).topic === 'second story');
    // The call in flight was answered, not cut off, and the new worker came only after it was written.
    const streams = app.gemini.calls.filter((c) => c.kind === 'stream');
    expect(streams.map((c) => ({ status: c.status, aborted: c.aborted }))).toEqual([
      { status: 200, aborted: false },
      { status: 200, aborted: false },
    ]);
    expect(first).toMatchObject({ status: 'completed', attempts: 1 });
    expect(reloadedAt).toBeGreaterThanOrEqual(first?.finishedAt ?? Number.POSITIVE_INFINITY);
    // The outdated worker did not go on to the second story: the new one claimed it (a claim
    // stamps the row with the claiming code's version).
    expect(first?.writtenBy).not.toBe(newVersion);
    expect(second).toMatchObject({ status: 'completed', attempts: 1, writtenBy: newVersion });
    expect((await readAll<Story>(app.page, 'stories')).filter((s) => s.source === 'generated')).toHaveLength(2);
    await expect(app.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).resolves.toBeNull();
  });
});
