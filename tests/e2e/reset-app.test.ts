import { describe, expect, it } from 'vitest';
import type { Story } from '../../src/domain/story';
import { useE2eApp } from '../support/e2e-app';
import { hasNoHorizontalOverflow, seriousA11yViolations, waitForServiceWorker } from '../support/e2e-helpers';
import { readAll } from '../support/e2e-jobs';
import { makeStory, progressRow, putRows, putStories } from '../support/e2e-rows';

const app = useE2eApp({ viewport: { width: 360, height: 740 } });

const cacheNames = () => app.page.evaluate(() => caches.keys());
const registrationIds = () =>
  app.page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.active?.scriptURL ?? 'none'));

describe('Reset the app, keep my data', () => {
  it('removes the worker and cached files, reloads, keeps every story and position, and the worker comes back', async () => {
    const page = app.page;
    await page.goto(`${app.server.url}/settings`);
    await waitForServiceWorker(page);
    const mine = makeStory('消えない話');
    await putStories(page, [mine]);
    await putRows(page, 'progress', [progressRow(mine.id, 40)]);
    await page.reload();
    await page.getByRole('heading', { name: 'Danger zone' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await hasNoHorizontalOverflow(page)).toBe(true);
    expect((await cacheNames()).length).toBeGreaterThan(0);
    // Marks this document (gone after a reload), a cache of our own (gone once caches are cleared),
    // and records each unregister() in sessionStorage, which outlives the reload.
    await page.evaluate(async () => {
      (window as unknown as { __beforeReset?: boolean }).__beforeReset = true;
      await (await caches.open('test-marker')).put('/marker', new Response('x'));
      const original = ServiceWorkerRegistration.prototype.unregister;
      ServiceWorkerRegistration.prototype.unregister = async function (this: ServiceWorkerRegistration) {
        const done = await original.call(this);
        sessionStorage.setItem('unregistered', String(Number(sessionStorage.getItem('unregistered') ?? 0) + (done ? 1 : 0)));
        return done;
      };
    });

    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Reset the app, keep my data' }).click();
    await reloaded;
    await expect(page.evaluate(() => (window as unknown as { __beforeReset?: boolean }).__beforeReset)).resolves.toBeUndefined();
    await expect(page.evaluate(() => sessionStorage.getItem('unregistered'))).resolves.toBe('1');
    await expect(page.evaluate(() => caches.has('test-marker'))).resolves.toBe(false);

    await page.getByRole('heading', { name: 'Danger zone' }).waitFor();
    const stories = await readAll<Story>(page, 'stories');
    expect(stories.map((s) => s.id)).toContain(mine.id);
    expect(stories).toHaveLength(4);
    await expect(readAll<{ storyId: string; percent: number }>(page, 'progress')).resolves.toEqual([expect.objectContaining({ storyId: mine.id, percent: 40 })]);

    await waitForServiceWorker(page);
    await expect.poll(registrationIds).toEqual([`${app.server.url}/sw.js`]);
    await expect.poll(async () => (await cacheNames()).length).toBeGreaterThan(0);
  });
});
