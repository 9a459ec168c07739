import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useE2eApp } from '../support/e2e-app';
import { hasNoHorizontalOverflow, seriousA11yViolations } from '../support/e2e-helpers';
import { configureGemini } from '../support/e2e-jobs';
import { makeStory, progressRow, putRows, putStories } from '../support/e2e-rows';

const app = useE2eApp({ gemini: true, viewport: { width: 360, height: 740 } });
let page: Page;

const library = () => page.locator('nm-library-page');

beforeEach(async () => {
  page = app.page;
  await page.goto(`${app.server.url}/`);
  await page.getByRole('button', { name: 'Write a story' }).waitFor();
});

async function openLibrary(): Promise<void> {
  await page.goto(`${app.server.url}/library`);
  await library().getByRole('status').filter({ hasText: 'stories' }).waitFor();
}

describe('Library cards', () => {
  it('show progress bars, the finished mark, where each story came from, and Read / Continue / Read again', async () => {
    const halfway = makeStory('半分の話', { source: 'imported' });
    const done = makeStory('終わった話', { source: 'generated' });
    await putStories(page, [halfway, done]);
    await putRows(page, 'progress', [progressRow(halfway.id, 50), progressRow(done.id, 99, true)]);
    await putRows(page, 'media', [{ storyId: done.id, kind: 'audio', index: 0, blob: null, mime: 'audio/wav', bytes: 1, createdAt: 1 }]);
    await openLibrary();

    const card = (id: string) => library().locator(`li.story[data-story-id="${id}"]`);
    const bar = (title: string) => library().getByRole('progressbar', { name: `Reading progress of ${title}` });
    await expect(bar(halfway.titleJP).evaluate((el) => (el as HTMLProgressElement).value)).resolves.toBe(50);
    await expect(bar(done.titleJP).evaluate((el) => (el as HTMLProgressElement).value)).resolves.toBe(100);
    await expect(card(halfway.id).getByRole('link', { name: `Continue ${halfway.titleJP}` }).count()).resolves.toBe(1);
    await expect(card(done.id).getByRole('link', { name: `Read again ${done.titleJP}` }).count()).resolves.toBe(1);
    await expect(card(done.id).getByText('✓ Read').count()).resolves.toBe(1);
    await expect(card(halfway.id).getByText('✓ Read').count()).resolves.toBe(0);
    await expect(card(halfway.id).getByText('Imported').count()).resolves.toBe(1);
    await expect(card(done.id).getByText('Written by Gemini').count()).resolves.toBe(1);
    await expect(card(done.id).getByText('Narrated').count()).resolves.toBe(1);
    await expect(card(halfway.id).getByText('Narrated').count()).resolves.toBe(0);
    const sample = library().locator('li.story[data-finished="false"]').filter({ hasText: 'Sample' }).first();
    await expect(sample.getByRole('link', { name: /^Read / }).count()).resolves.toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await hasNoHorizontalOverflow(page)).toBe(true);
  });

  it('remembers grid or list on this device', async () => {
    await openLibrary();
    const list = library().getByRole('button', { name: 'List' });
    await expect(list.getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(library().locator('ul.stories.grid').count()).resolves.toBe(1);
    await list.click();
    await expect.poll(() => library().locator('ul.stories.list').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await hasNoHorizontalOverflow(page)).toBe(true);

    await page.reload();
    await library().locator('ul.stories').waitFor();
    await expect(library().locator('ul.stories.list').count()).resolves.toBe(1);
    await expect(library().getByRole('button', { name: 'List' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await library().getByRole('button', { name: 'Grid' }).click();
    await page.reload();
    await library().locator('ul.stories.grid').waitFor();
  });
});

describe('an empty result', () => {
  it('says why and offers to write a story on the searched topic, in the generator', async () => {
    await configureGemini(page, app.gemini.url, app.gemini.apiKey);
    await openLibrary();
    await library().getByRole('searchbox', { name: 'Search' }).fill('dragon festival');
    await library().getByText('No stories match: none of your 3 stories mention “dragon festival”.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await library().getByRole('button', { name: 'Write a story about “dragon festival”' }).click();
    const generator = page.getByRole('dialog', { name: 'New story' });
    await generator.waitFor();
    await expect(generator.getByLabel('Topic', { exact: true }).inputValue()).resolves.toBe('dragon festival');

    await generator.getByRole('button', { name: 'Cancel' }).click();
    await library().getByRole('button', { name: 'Show all stories' }).click();
    await library().getByRole('status').filter({ hasText: '3 of 3 stories' }).waitFor();
  });
});
