import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_N3 } from '../../src/domain/samples/sample-n3';
import { useE2eApp } from '../support/e2e-app';
import { renderSettled, waitForServiceWorker } from '../support/e2e-helpers';
import { recordShifts, type Shift, shiftsSoFar } from '../support/layout-shifts';

/**
 * The Reader's text stays where it first painted: a learner who starts reading at once is not thrown
 * a line down when the story, its options or the narrate/illustrate panel arrive. Measured as the
 * browser does (cumulative `layout-shift` score, input-driven shifts excluded) on a phone-sized and a
 * desktop window, at 4× CPU as on a mid-range phone, for a first visit and a warm reload.
 */
const app = useE2eApp();
const BUDGET = 0.02;
const VIEWPORTS = [
  { name: '360 px phone', width: 360, height: 640 },
  { name: 'desktop', width: 1280, height: 800 },
];

async function settledShifts(page: Page): Promise<{ total: number; shifts: Shift[] }> {
  await page.getByRole('heading', { name: new RegExp(SAMPLE_N3.titleJP) }).waitFor();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await renderSettled(page);
  return shiftsSoFar(page);
}

let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
  context = undefined;
});

describe('reader stability', () => {
  for (const viewport of VIEWPORTS) {
    it(`keeps the story text still after first paint (${viewport.name})`, async () => {
      context = await app.browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
      await recordShifts(context);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const url = `${app.server.url}/story/${SAMPLE_N3.id}`;

      await page.goto(url);
      const first = await settledShifts(page);
      // The shifts themselves (when, which elements) are the failure message: they say what moved.
      expect(first.total, `first visit: ${JSON.stringify(first.shifts)}`).toBeLessThan(BUDGET);

      await waitForServiceWorker(page);
      await page.reload();
      const warm = await settledShifts(page);
      expect(warm.total, `warm reload: ${JSON.stringify(warm.shifts)}`).toBeLessThan(BUDGET);
    });
  }
});
