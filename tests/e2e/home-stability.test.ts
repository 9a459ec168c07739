import type { BrowserContext } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { useE2eApp } from '../support/e2e-app';
import { renderSettled } from '../support/e2e-helpers';
import { recordShifts, shiftsSoFar } from '../support/layout-shifts';

/**
 * Home does not jump while it fills in: the reading totals are counted after the first paint, and
 * their arrival must not push "Recent stories" down while the learner is reaching for a card.
 * First visit (samples seeded), 4× CPU, at phone width and Lighthouse's mobile width.
 */
const app = useE2eApp();
const BUDGET = 0.02;

let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
  context = undefined;
});

describe('home stability', () => {
  for (const width of [360, 412]) {
    it(`keeps Recent stories still while the totals arrive (${width} px)`, async () => {
      context = await app.browser.newContext({ viewport: { width, height: 800 } });
      await recordShifts(context);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(`${app.server.url}/`);
      await page.getByRole('heading', { name: 'Recent stories' }).waitFor();
      // The totals are in once the library count links to the Library.
      await page.getByRole('link', { name: /in your library/ }).waitFor();
      await renderSettled(page);
      const { total, shifts } = await shiftsSoFar(page);
      expect(total, JSON.stringify(shifts)).toBeLessThan(BUDGET);
    });
  }
});
