import { describe, expect, it } from 'vitest';
import { SAMPLE_N3 } from '../../src/domain/samples/sample-n3';
import { useE2eApp } from '../support/e2e-app';
import { seriousA11yViolations } from '../support/e2e-helpers';

const app = useE2eApp({ viewport: { width: 360, height: 740 } });

/**
 * Makes reads of the `stories` store throw while localStorage `nm-break-stories` is set: the failure
 * a learner meets when the browser's storage misbehaves, without breaking the writes that seed it.
 */
const BREAK_STORY_READS = () => {
  const get = IDBObjectStore.prototype.get;
  IDBObjectStore.prototype.get = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['get']>) {
    if (this.name === 'stories' && localStorage.getItem('nm-break-stories')) throw new DOMException('Simulated read failure', 'UnknownError');
    return get.apply(this, args);
  };
};

describe('error states', () => {
  it('a failed story read says so with a retry, not "Story not found", and Diagnostics records it', async () => {
    await app.context.addInitScript(BREAK_STORY_READS);
    await app.page.goto(`${app.server.url}/`);
    await app.page.getByRole('heading', { name: /Welcome/ }).waitFor();
    await app.page.evaluate(() => localStorage.setItem('nm-break-stories', '1'));
    await app.page.goto(`${app.server.url}/story/${SAMPLE_N3.id}`);

    const alert = app.page.getByRole('alert');
    await alert.getByText(/could not read this story/).waitFor();
    expect(await app.page.getByText('Story not found').count()).toBe(0);
    expect(await seriousA11yViolations(app.page)).toEqual([]);

    await app.page.evaluate(() => localStorage.removeItem('nm-break-stories'));
    await alert.getByRole('button', { name: 'Try again' }).click();
    await app.page.getByRole('heading', { name: new RegExp(SAMPLE_N3.titleJP) }).waitFor();

    await app.page.goto(`${app.server.url}/diagnostics`);
    await expect.poll(() => app.page.locator('[data-field="faults"]').textContent()).toMatch(/nm-reader-page reading storage.*Simulated read failure/);
  });

  it('a page whose code fails to load says so and loads on "Try again"', async () => {
    let broken = true;
    await app.context.route(/\/assets\/library-page-[^/]+\.js$/, (route) => (broken ? route.abort('internetdisconnected') : route.continue()));
    await app.page.goto(`${app.server.url}/library`);
    await app.page.getByRole('heading', { name: 'This page did not load' }).waitFor();
    await app.page.getByRole('alert').getByText(/could not load this page/).waitFor();
    broken = false;
    await app.page.getByRole('button', { name: 'Try again' }).click();
    await app.page.getByRole('heading', { name: 'Library' }).waitFor();
  });
});
