import { describe, expect, it } from 'vitest';
import { useE2eApp } from '../support/e2e-app';

/** The shell's placeholder while a page's code is still on its way (a slow network), at 360 px. */
const app = useE2eApp({ viewport: { width: 360, height: 640 } });

describe('a page whose code is slow to arrive', () => {
  it('shows a busy "Loading…" until the page is there, then only the page', async () => {
    const page = app.page;
    let release = () => {};
    const held = new Promise<void>((ok) => {
      release = ok;
    });
    // The first visit: no worker yet, so the Kana page's chunk comes from the network, held here.
    await page.route(/\/assets\/kana-page-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${app.server.url}/kana`, { waitUntil: 'commit' });
    const placeholder = page.locator('main').getByRole('status').filter({ hasText: 'Loading…' });
    await placeholder.waitFor();
    expect(await placeholder.getAttribute('aria-busy')).toBe('true');
    release();
    await page.locator('main h1').waitFor();
    await expect.poll(() => placeholder.count()).toBe(0);
  });
});
