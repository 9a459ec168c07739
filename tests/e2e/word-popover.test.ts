import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { kanaToRomaji } from '../../src/domain/romaji';
import { SAMPLE_N5 } from '../../src/domain/samples/sample-n5';
import { useE2eApp } from '../support/e2e-app';
import { hasNoHorizontalOverflow, seriousA11yViolations, storyDrawn, waitForServiceWorker } from '../support/e2e-helpers';

const VIEWPORT = { width: 360, height: 740 };
const app = useE2eApp({ viewport: VIEWPORT });

const storyUrl = () => `${app.server.url}/story/${SAMPLE_N5.id}`;

async function openStory(page: Page): Promise<void> {
  await page.goto(storyUrl());
  // Every sentence live (the HTML's first-visit copy shows the first ones before the app runs):
  // every test here starts from the words.
  await storyDrawn(page);
}

/** A word of sentence `index` by its accessible name (the word as written, never its furigana). */
const word = (page: Page, index: number, name: string) =>
  page.locator(`ol.segments > li[data-index="${index}"]`).getByRole('button', { name, exact: true });

const popover = (page: Page, name: string) => page.getByRole('dialog', { name });

/** The focused element through the shadow roots, as the word it is (or its tag). */
function focusedWord(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return 'nothing';
    if (!el.classList.contains('word')) return el.tagName.toLowerCase();
    const written = el.cloneNode(true) as Element;
    for (const furigana of written.querySelectorAll('[aria-hidden="true"]')) furigana.remove();
    return `word ${written.textContent} of ${(el as HTMLElement).dataset.segment}`;
  });
}

/** What the open popover shows as it reads on screen (blocks and cells apart), spaces squeezed. */
async function popoverText(page: Page, name: string): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: what the learner sees is the point, laid out (a term apart from its meaning).
  return (await popover(page, name).innerText()).replace(/\s+/g, ' ').trim();
}

describe('word popover', () => {
  it('opens a word by tap at 360 px with its reading, romaji, meaning and the translation; axe clean; closes on a tap outside', async () => {
    const context = await app.browser.newContext({ viewport: VIEWPORT, hasTouch: true, isMobile: true });
    try {
      const page = await context.newPage();
      await openStory(page);
      await word(page, 0, '日曜日').tap();
      const dialog = popover(page, '日曜日');
      await dialog.waitFor();
      const text = await popoverText(page, '日曜日');
      expect(text).toContain('にちようび');
      expect(text).toContain(kanaToRomaji('にちようび'));
      expect(text).toContain('Meaning Sunday');
      expect(text).toContain('noun');
      expect(text).toContain(SAMPLE_N5.content[0]!.en);
      expect(text).toContain('Explain this sentence');
      // Next to the word and inside the screen.
      const box = (await dialog.boundingBox())!;
      const at = (await word(page, 0, '日曜日').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORT.width);
      // Just below the word, or just above it when it sits low on the screen.
      const gap = box.y >= at.y + at.height ? box.y - (at.y + at.height) : at.y - (box.y + box.height);
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThan(16);
      expect(await hasNoHorizontalOverflow(page)).toBe(true);
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.touchscreen.tap(VIEWPORT.width / 2, VIEWPORT.height - 20);
      await dialog.waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }
  });

  it('shows the dictionary form of an inflected word, and romaji for a word in kana only', async () => {
    await openStory(app.page);
    await word(app.page, 1, '行きました').click();
    const text = await popoverText(app.page, '行きました');
    expect(text).toContain('いきました');
    expect(text).toContain('Dictionary form 行く いく');
    expect(text).toContain('Part of speech verb');
    expect(text).toContain('Meaning went');
    await app.page.getByRole('button', { name: 'Close' }).click();
    await popover(app.page, '行きました').waitFor({ state: 'detached' });

    await word(app.page, 1, 'わたし').click();
    expect(await popoverText(app.page, 'わたし')).toContain(kanaToRomaji('わたし'));
  });

  it('from the keyboard: one tab stop per sentence, arrows between words, Enter opens, Escape returns to the word', async () => {
    const page = app.page;
    await openStory(page);
    // Tab through the controls above the story until the first sentence's words take the focus.
    for (let i = 0; i < 40 && !(await focusedWord(page)).startsWith('word'); i++) await page.keyboard.press('Tab');
    expect(await focusedWord(page)).toBe('word 今日 of 0');
    // The next Tab goes to the next sentence, not to the next word.
    await page.keyboard.press('Tab');
    expect(await focusedWord(page)).toBe('word わたし of 1');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedWord(page)).toBe('word 今日 of 0');

    await page.keyboard.press('ArrowRight');
    expect(await focusedWord(page)).toBe('word は of 0');
    await page.keyboard.press('End');
    // 。 is not a word stop: End lands on the last word.
    expect(await focusedWord(page)).toBe('word です of 0');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focusedWord(page)).toBe('word 日曜日 of 0');
    expect(await word(page, 0, '日曜日').getAttribute('tabindex')).toBe('0');
    expect(await word(page, 0, '今日').getAttribute('tabindex')).toBe('-1');

    await page.keyboard.press('Enter');
    await popover(page, '日曜日').waitFor();
    expect(await focusedWord(page)).toBe('button');
    await page.keyboard.press('Escape');
    await popover(page, '日曜日').waitFor({ state: 'detached' });
    expect(await focusedWord(page)).toBe('word 日曜日 of 0');
    // The sentence remembers its current word: Tab away and back lands on 日曜日 again.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedWord(page)).toBe('word 日曜日 of 0');
  });

  it('reloads offline and opens a word again', async () => {
    const page = app.page;
    await openStory(page);
    await waitForServiceWorker(page);
    await app.context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: new RegExp(SAMPLE_N5.titleJP) }).waitFor();
    await word(page, 3, '食べました').click();
    const text = await popoverText(page, '食べました');
    expect(text).toContain('Dictionary form 食べる たべる');
    expect(text).toContain('Meaning ate');
    expect(text).toContain(SAMPLE_N5.content[3]!.en);
  });
});
