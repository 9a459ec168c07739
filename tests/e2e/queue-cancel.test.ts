import { beforeEach, describe, expect, it } from 'vitest';
import { useE2eApp } from '../support/e2e-app';
import { seriousA11yViolations } from '../support/e2e-helpers';
import { openQueueWithGemini, readStoryJobs, requestStory } from '../support/e2e-jobs';
import { statusOf } from '../support/e2e-queue';

/** The Queue's Cancel at 360 px: a running job asks first, a waiting one goes at once. */
const app = useE2eApp({ gemini: true, viewport: { width: 360, height: 780 } });

beforeEach(() => openQueueWithGemini(app));

const isFocused = (el: Element) => {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active === el;
};

describe('cancelling from the Queue', () => {
  it('a job that is processing asks to confirm, from the keyboard; keeping it leaves it running', async () => {
    const page = app.page;
    app.gemini.setLatency(8000);
    await requestStory(page, 'a slow walk');
    await app.gemini.waitForCalls(1, 'stream', 10_000);
    await expect.poll(() => statusOf(page, 'a slow walk').textContent()).toBe('Asking Gemini…');

    const cancel = page.getByRole('button', { name: 'Cancel Story: a slow walk (N5, short)' });
    await cancel.focus();
    await page.keyboard.press('Enter');
    const ask = page.getByRole('dialog', { name: 'Cancel Story: a slow walk (N5, short)?' });
    await ask.waitFor();
    expect(await ask.getByRole('button', { name: 'Keep it running' }).evaluate(isFocused)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    if (process.env.NM_SHOTS) await page.screenshot({ path: `${process.env.NM_SHOTS}/queue-cancel.png` });
    // Escape keeps it: still running, focus back on Cancel.
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'hidden' });
    expect((await readStoryJobs(page))[0]?.status).toBe('processing');
    expect(await cancel.evaluate(isFocused)).toBe(true);

    await page.keyboard.press('Enter');
    await ask.getByRole('button', { name: 'Confirm cancel' }).click();
    await expect.poll(async () => (await readStoryJobs(page))[0]?.status).toBe('cancelled');
    await page.locator('li.job').filter({ hasText: 'Story: a slow walk' }).getByText('Cancelled', { exact: true }).waitFor();
  }, 40_000);

  it('a job still waiting is cancelled at once', async () => {
    const page = app.page;
    await app.context.setOffline(true);
    await requestStory(page, 'a quiet night');
    await expect.poll(async () => (await readStoryJobs(page))[0]?.status).toBe('pending');
    await page.getByRole('button', { name: 'Cancel Story: a quiet night (N5, short)' }).click();
    await expect.poll(async () => (await readStoryJobs(page))[0]?.status).toBe('cancelled');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});
