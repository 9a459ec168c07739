
import { describe, expect, it } from 'vitest';
import { SAMPLE_N4 } from '../../src/domain/samples/sample-n4';
import { SAMPLE_N5 } from '../../src/domain/samples/sample-n5';
import { useE2eApp } from '../support/e2e-app';
import { waitForServiceWorker } from '../support/e2e-helpers';

const app = useE2eApp({ viewport: { width: 360, height: 740 } });

async function firstVisit(): Promise<void> {
  await app.page.goto(`${app.server.url}/`);
  await app.page.getByRole('heading', { name: 'Recent stories' }).waitFor();
  await waitForServiceWorker(app.page);
}

describe('installable offline reader', () => {
  it('shows the sample stories, then reloads offline with the library and furigana', async () => {
    await firstVisit();
    await expect.poll(() => app.page.getByRole('link', { name: /日曜日の山/ }).count()).toBe(1);

    await app.context.setOffline(true);
    await app.page.goto(`${app.server.url}/library`);
    await expect.poll(() => app.page.getByRole('status').filter({ hasText: 'stories' }).textContent()).toMatch(/3 of 3 stories/);
    await app.page.getByRole('link', { name: /日曜日の山/ }).click();
    await app.page.getByRole('heading', { name: /日曜日の山/ }).waitFor();
    const first = SAMPLE_N5.content[0]!;
    const rubies = app.page.locator('ol.segments > li').first().locator('ruby');
    const pairs = await rubies.evaluateAll((els) =>
      els.map((el) => {
        const base = el.cloneNode(true) as Element;
        for (const extra of base.querySelectorAll('rt, rp')) extra.remove();
        return { text: base.textContent ?? '', reading: el.querySelector('rt')?.textContent ?? '' };
      }),
    );
    expect(pairs.length).toBeGreaterThan(0);
    for (const pair of pairs) expect(first.readings).toContainEqual(pair);
    await expect.poll(() => app.page.locator('ol.segments ruby ruby').count()).toBe(0);
    await expect.poll(() => app.page.locator('ol.segments ruby').count()).toBeGreaterThan(5);
  });

  it('opens a deep link to a story while offline', async () => {
    await firstVisit();
    await app.context.setOffline(true);
    const other = await app.context.newPage();
    await other.goto(`${app.server.url}/story/${SAMPLE_N4.id}`);
    await other.getByRole('heading', { name: new RegExp(SAMPLE_N4.titleJP) }).waitFor();
    await expect.poll(() => other.locator('ol.segments > li').count()).toBe(SAMPLE_N4.content.length);
  });

  it('offers "Reload to update" when a new version waits, and swaps only when asked', async () => {
    await firstVisit();
    app.server.bumpServiceWorker();
    await app.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const reload = app.page.getByRole('button', { name: 'Reload to update' });
    await reload.waitFor();
    const before = await app.page.evaluate(() => performance.timeOrigin);
    await reload.click();
    await app.page.waitForFunction((t) => performance.timeOrigin !== t, before);
    await app.page.getByRole('heading', { name: 'Recent stories' }).waitFor();
    await expect(app.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).resolves.toBeNull();
  });
});

describe('install', () => {
  it('offers "Install app" only when the browser does, and opens the browser’s own dialog on request', async () => {
    await app.page.goto(`${app.server.url}/`);
    await app.page.getByRole('heading', { name: 'Recent stories' }).waitFor();
    await expect.poll(() => app.page.getByRole('button', { name: 'Install app' }).count()).toBe(0);
    // Headless Chromium never fires beforeinstallprompt by itself (PLATFORM.md): fire one as it would.
    await app.page.evaluate(() => {
      const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & { prompt(): Promise<void>; userChoice: Promise<unknown> };
      (window as unknown as { prompted: number }).prompted = 0;
      event.prompt = async () => {
        (window as unknown as { prompted: number }).prompted += 1;
      };
      event.userChoice = Promise.resolve({ outcome: 'accepted' });
      window.dispatchEvent(event);
    });
    await app.page.getByRole('button', { name: 'Install app' }).click();
    await expect.poll(() => app.page.evaluate(() => (window as unknown as { prompted: number }).prompted)).toBe(1);
    await expect.poll(() => app.page.getByRole('button', { name: 'Install app' }).count()).toBe(0);
  });
});
