import { describe, expect, it } from 'vitest';
import { useE2eApp } from '../support/e2e-app';
import { hasNoHorizontalOverflow, seriousA11yViolations } from '../support/e2e-helpers';
import { configureGemini } from '../support/e2e-jobs';

/** The Library's own "Write a story", at 360 px: the key step without a key, the generator with one. */
const app = useE2eApp({ gemini: true, viewport: { width: 360, height: 740 } });

describe("the Library's bar", () => {
  it('"Write a story" walks to the key without one, and opens the generator with one', async () => {
    const page = app.page;
    const library = page.locator('nm-library-page');
    await page.goto(`${app.server.url}/library`);
    // The samples are the library: the bar is there with its count.
    await library.getByRole('status').filter({ hasText: '3 of 3 stories' }).waitFor();
    expect({ violations: await seriousA11yViolations(page), fits: await hasNoHorizontalOverflow(page) }).toEqual({ violations: [], fits: true });

    if (process.env.NM_SHOTS) await page.screenshot({ path: `${process.env.NM_SHOTS}/library-bar.png` });
    await library.getByRole('button', { name: 'Write a story' }).click();
    const step = page.getByRole('dialog', { name: 'First, your Gemini API key' });
    await step.waitFor();
    await step.getByRole('button', { name: 'Cancel' }).click();
    await step.waitFor({ state: 'hidden' });

    await configureGemini(page, app.gemini.url, app.gemini.apiKey);
    await library.getByRole('button', { name: 'Write a story' }).click();
    const generator = page.getByRole('dialog', { name: 'New story' });
    await generator.waitFor();
    expect(await generator.getByLabel('Topic', { exact: true }).inputValue()).toBe('');
    expect(await step.isVisible()).toBe(false);
  });
});
