import { describe, expect, it } from 'vitest';
import { firedEvents, useFixturePage } from './support/fixture-page';

/** A page's error box when its data could not be had: what it says and what "Try again" does. */
const fixture = useFixturePage();

const alertText = async () => (await fixture.page.getByRole('alert').textContent())?.replace(/\s+/g, ' ').trim();

describe('a read failure', () => {
  it('from storage says storage, and "Try again" reads again without reloading', async () => {
    const page = fixture.page;
    await page.evaluate(() => window.fixture.mountReadFailure({ cause: 'storage' }));
    await page.evaluate(() => Object.assign(window, { stillHere: true }));
    expect(await alertText()).toContain('could not read your library from this device’s storage just now');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => firedEvents(page)).toEqual([{ type: 'refresh', detail: null }]);
    expect(await page.evaluate(() => 'stillHere' in window)).toBe(true);
  });

  it('from code that did not download says so, never blames storage, and "Try again" reloads', async () => {
    const page = fixture.page;
    await page.evaluate(() => window.fixture.mountReadFailure({ cause: 'download' }));
    await page.evaluate(() => Object.assign(window, { stillHere: true }));
    const text = await alertText();
    expect(text).toContain('could not show your library: part of its code did not finish downloading. Check your connection, then try again.');
    expect(text).not.toContain('storage');
    // The browser answers a failed import again with the same failure: only a reload fetches it.
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Try again' }).click()]);
    expect(await page.evaluate(() => 'stillHere' in window)).toBe(false);
  });
});
