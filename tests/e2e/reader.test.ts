import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { kanaToRomaji } from '../../src/domain/romaji';
import { SAMPLE_N3 } from '../../src/domain/samples/sample-n3';
import { useE2eApp } from '../support/e2e-app';
import { hasNoHorizontalOverflow, hoverFirstKana, renderSettled, seriousA11yViolations, storyDrawn } from '../support/e2e-helpers';
import { savedPosition } from '../support/e2e-seed';
import { waitUntil } from '../support/wait-until';

const app = useE2eApp({ viewport: { width: 360, height: 640 } });

/** Index of the first story sentence visible below the header. */
function firstVisibleSegment(p: Page): Promise<number> {
  return p.evaluate(() => {
    const app = document.querySelector('nm-app')?.shadowRoot;
    const header = Math.max(0, app?.querySelector('header')?.getBoundingClientRect().bottom ?? 0);
    const items = [...(app?.querySelector('nm-reader-page')?.shadowRoot?.querySelectorAll('ol.segments > li') ?? [])];
    return items.findIndex((li) => li.getBoundingClientRect().bottom > header + 2);
  });
}

const firstSentence = () => app.page.locator('ol.segments > li .seg-jp').first();

const storyUrl = () => `${app.server.url}/story/${SAMPLE_N3.id}`;

async function openStory(): Promise<void> {
  await app.page.goto(storyUrl());
  await app.page.getByRole('heading', { name: new RegExp(SAMPLE_N3.titleJP) }).waitFor();
  await storyDrawn(app.page);
}

describe('reader', () => {
  it('scores the quiz and shows the answer text and explanation', async () => {
    await openStory();
    const q = SAMPLE_N3.questions[0]!;
    const wrong = (q.answer + 1) % 4;
    await app.page.getByRole('button', { name: q.options[wrong]!, exact: true }).click();
    await app.page.getByText('Not quite.').waitFor();
    await expect.poll(() => app.page.locator('nm-reader-quiz .result').first().textContent()).toContain(`Answer: ${q.options[q.answer]}`);
    await expect.poll(() => app.page.locator('nm-reader-quiz .score').textContent()).toMatch(/Score: 0 \/ 3/);
    const q2 = SAMPLE_N3.questions[1]!;
    await app.page.getByRole('button', { name: q2.options[q2.answer]!, exact: true }).click();
    await expect.poll(() => app.page.locator('nm-reader-quiz .score').textContent()).toMatch(/Score: 1 \/ 3/);
  });

  it('restores the reading position after a reload', async () => {
    await openStory();
    const target = app.page.locator('ol.segments > li').nth(7);
    await target.evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
    const before = await firstVisibleSegment(app.page);
    expect(before).toBeGreaterThan(3);
    await waitUntil(async () => (await savedPosition(app.page, SAMPLE_N3.id)) === before, { what: 'the reading position to be saved' });
    await app.page.reload();
    await app.page.getByRole('heading', { name: new RegExp(SAMPLE_N3.titleJP) }).waitFor();
    await app.page.waitForFunction(() => window.scrollY > 200);
    await expect(firstVisibleSegment(app.page)).resolves.toBe(before);
  });

  it('toggles furigana and translation and remembers them', async () => {
    await openStory();
    await expect.poll(() => app.page.locator('ol.segments rt').count()).toBeGreaterThan(0);
    await app.page.getByLabel('Furigana').selectOption({ label: 'None' });
    await expect.poll(() => app.page.locator('ol.segments rt').count()).toBe(0);
    await app.page.getByRole('button', { name: 'Translation' }).click();
    await expect.poll(() => app.page.locator('.seg-en').count()).toBe(0);
    await app.page.reload();
    // The live page, not the HTML's first-visit copy that may show before it.
    await storyDrawn(app.page);
    await expect(app.page.getByLabel('Furigana').inputValue()).resolves.toBe('none');
    await expect.poll(() => app.page.locator('.seg-en').count()).toBe(0);
  });

  it('shows the romaji of any kana on hover, with furigana on or off (the older app\'s kana hint)', async () => {
    await openStory();
    const first = await hoverFirstKana(app.page, firstSentence());
    await expect.poll(() => first.hinted.getAttribute('title')).toBe(kanaToRomaji(first.run));
    expect(kanaToRomaji(first.run)).toMatch(/^[a-zāīūēō']+$/);
    // Away from the text, the hint goes.
    await app.page.mouse.move(1, 1);
    await expect.poll(() => app.page.locator('ol.segments [title]').count()).toBe(0);
    await app.page.getByLabel('Furigana').selectOption({ label: 'None' });
    await expect.poll(() => app.page.locator('ol.segments rt').count()).toBe(0);
    const again = await hoverFirstKana(app.page, firstSentence());
    await expect.poll(() => again.hinted.getAttribute('title')).toBe(kanaToRomaji(again.run));
  });

  it('has no serious accessibility violations and fits a 360 px screen on Home, Library and Reader', async () => {
    for (const path of ['/', '/library', `/story/${SAMPLE_N3.id}`]) {
      await app.page.goto(`${app.server.url}${path}`);
      await renderSettled(app.page);
      expect({ path, violations: await seriousA11yViolations(app.page) }).toEqual({ path, violations: [] });
      expect({ path, fits: await hasNoHorizontalOverflow(app.page) }).toEqual({ path, fits: true });
    }
  });
});

describe('library', () => {
  it('searches in Japanese and English and filters by level', async () => {
    await app.page.goto(`${app.server.url}/library`);
    const count = app.page.getByRole('status').filter({ hasText: 'stories' });
    await expect.poll(() => count.textContent()).toMatch(/3 of 3/);
    await app.page.getByRole('searchbox', { name: 'Search' }).fill('手紙');
    await expect.poll(() => count.textContent()).toMatch(/1 of 3/);
    await app.page.getByRole('searchbox', { name: 'Search' }).fill('umbrella');
    await expect.poll(() => app.page.getByRole('link', { name: /雨の日のかさ/ }).count()).toBe(1);
    await app.page.getByRole('searchbox', { name: 'Search' }).fill('');
    await app.page.getByRole('combobox', { name: 'Level' }).selectOption('N5');
    await expect.poll(() => count.textContent()).toMatch(/1 of 3/);
    await app.page.getByRole('combobox', { name: 'Level' }).selectOption('N1');
    await app.page.getByText('No stories match').waitFor();
  });
});
