import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DB_NAME } from '../../src/db/names';
import { SAMPLE_ANNOTATIONS } from '../../src/domain/samples/sample-annotations';
import { SAMPLE_N5 } from '../../src/domain/samples/sample-n5';
import { storyWordList } from '../../src/domain/words-coverage';
import { useE2eApp } from '../support/e2e-app';
import { hasNoHorizontalOverflow, seriousA11yViolations, storyDrawn } from '../support/e2e-helpers';
import { putRows } from '../support/e2e-rows';

/**
 * Issue 14 in the Reader at phone width: a word marked known in the popover loses its furigana at
 * every occurrence in "words not known" mode, Undo brings it back, the state is kept across a
 * reload; "Mark the rest of this story's words as known" and its Undo; the coverage line follows.
 */
const app = useE2eApp({ viewport: { width: 360, height: 740 } });

/** 山 occurs in sentences 1 and 3 of the N5 sample. */
const MOUNTAIN = '山|やま';
const WORDS = storyWordList(SAMPLE_ANNOTATIONS.find((a) => a.storyId === SAMPLE_N5.id)!);

async function openStory(page: Page): Promise<void> {
  await page.goto(`${app.server.url}/story/${SAMPLE_N5.id}`);
  // The live page drawn, not the HTML's first-visit copy that can show before it.
  await storyDrawn(page);
}

const word = (page: Page, index: number, name: string) =>
  page.locator(`ol.segments > li[data-index="${index}"]`).getByRole('button', { name, exact: true });
const stateButton = (page: Page, name: string, button: string) =>
  page.getByRole('dialog', { name }).getByRole('group', { name: 'What you know' }).getByRole('button', { name: button });
const coverage = (page: Page) => page.getByTestId('story-coverage');

/** The furigana over each occurrence of the word, in story order. */
const furiganaOf = (page: Page, key: string) =>
  page.locator(`ol.segments .word[data-key="${key}"]`).evaluateAll((els) => els.map((el) => [...el.querySelectorAll('rt')].map((rt) => rt.textContent).join('')));
/** How many of the story's running words still show furigana. */
const wordsWithFurigana = (page: Page) =>
  page.locator('ol.segments .word').evaluateAll((els, keys) => els.filter((el) => keys.includes((el as HTMLElement).dataset.key ?? '') && el.querySelector('rt')).length, WORDS.keys);

/** The settings row as stored, read from the page's IndexedDB. */
const storedSettings = (page: Page) =>
  page.evaluate(
    (name) =>
      new Promise<unknown>((ok, fail) => {
        const open = indexedDB.open(name);
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('settings').objectStore('settings').get('app');
          get.onsuccess = () => {
            open.result.close();
            ok((get.result as { value?: unknown } | undefined)?.value);
          };
        };
      }),
    DB_NAME,
  );

async function setState(page: Page, sentence: number, name: string, button: string): Promise<void> {
  await word(page, sentence, name).click();
  await stateButton(page, name, button).click();
  await expect.poll(() => stateButton(page, name, button).getAttribute('aria-pressed')).toBe('true');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name }).waitFor({ state: 'detached' });
}

describe('what you know, in the Reader', () => {
  it('says what a change did inside the open popover, with an Undo that can be reached there; an unused Undo waits in a toast after Escape', async () => {
    const page = app.page;
    await openStory(page);
    await word(page, 1, '山').click();
    const dialog = page.getByRole('dialog', { name: '山' });
    await stateButton(page, '山', 'Learning').click();
    // The page behind a modal dialog is out of reach: the message and its Undo are in the dialog.
    await dialog.getByRole('status').getByText('山: you are learning it, and it is in Review now.').waitFor();
    await dialog.getByRole('button', { name: 'Undo' }).press('Enter');
    await dialog.getByRole('status').getByText('山 is as it was.').waitFor();
    expect(await stateButton(page, '山', 'Learning').getAttribute('aria-pressed')).toBe('false');
    // Focus did not fall to the document when the Undo button went away.
    expect(await dialog.getByRole('button', { name: 'Close' }).evaluate((el) => el.matches(':focus'))).toBe(true);

    await stateButton(page, '山', 'I know this').click();
    await dialog.getByRole('status').getByText('山: you know it.').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.locator('nm-toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => furiganaOf(page, MOUNTAIN)).toEqual(['やま', 'やま']);
    await word(page, 1, '山').click();
    expect(await stateButton(page, '山', 'I know this').getAttribute('aria-pressed')).toBe('false');
  });

  it('marks a word known, hides its furigana everywhere in "words not known", undoes it, and keeps it across a reload', async () => {
    const page = app.page;
    await openStory(page);
    await coverage(page).getByText(`${WORDS.keys.length} new words · 0 % known`).waitFor();
    expect(await furiganaOf(page, MOUNTAIN)).toEqual(['やま', 'やま']);

    await setState(page, 1, '山', 'I know this');
    await page.getByText('山: you know it.').waitFor();
    await coverage(page).getByText(new RegExp(`^${WORDS.keys.length - 1} new words · \\d+ % known$`)).waitFor();
    // In "all" the known word keeps its furigana; in "words not known" it goes, at both places.
    expect(await furiganaOf(page, MOUNTAIN)).toEqual(['やま', 'やま']);
    await page.getByLabel('Furigana').selectOption({ label: 'Words not known' });
    await expect.poll(() => furiganaOf(page, MOUNTAIN)).toEqual(['', '']);
    expect(await furiganaOf(page, '日曜日|にちようび')).toEqual(['にちようび']);

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => furiganaOf(page, MOUNTAIN)).toEqual(['やま', 'やま']);
    await coverage(page).getByText(`${WORDS.keys.length} new words · 0 % known`).waitFor();

    await setState(page, 3, '山', 'I know this');
    await expect.poll(() => furiganaOf(page, MOUNTAIN)).toEqual(['', '']);
    await page.reload();
    await storyDrawn(page);
    expect(await page.getByLabel('Furigana').inputValue()).toBe('unknown');
    expect(await furiganaOf(page, MOUNTAIN)).toEqual(['', '']);
    await word(page, 1, '山').click();
    expect(await stateButton(page, '山', 'I know this').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Escape');
  });

  it('marks the rest of the story known and undoes it; learning words are underlined, and the Reader stays accessible', async () => {
    const page = app.page;
    await openStory(page);
    await page.getByLabel('Furigana').selectOption({ label: 'Words not known' });
    await setState(page, 1, '山', 'I know this');
    await setState(page, 2, '天気', 'Learning');
    const learning = page.locator('ol.segments .word.learning');
    await expect.poll(() => learning.evaluateAll((els) => els.map((el) => `${el.querySelector('.word-name')?.textContent} ${getComputedStyle(el).textDecorationStyle}`))).toEqual(['天気 dotted']);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await hasNoHorizontalOverflow(page)).toBe(true);
    // The theme follows the device: the highlight and the page pass in the dark theme too.
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    const furiganaBefore = await wordsWithFurigana(page);

    const markRest = page.getByRole('button', { name: 'Mark the rest of this story’s words as known' });
    await markRest.click();
    // 山 was known and 天気 learning already: the rest are the others.
    const rest = WORDS.keys.length - 2;
    await page.getByText(`Marked ${rest} words of this story as known.`).waitFor();
    await coverage(page).getByText(/^1 new word · 9\d % known$/).waitFor();
    await expect.poll(() => wordsWithFurigana(page)).toBe(1);
    await markRest.waitFor({ state: 'detached' });
    // The button went with the words it marked: focus is on Undo, not lost at the top of the page.
    await expect.poll(() => page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.textContent?.trim();
    })).toBe('Undo');

    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText(`Those ${rest} words are as they were.`).waitFor();
    await expect.poll(() => wordsWithFurigana(page)).toBe(furiganaBefore);
    await coverage(page).getByText(new RegExp(`^${WORDS.keys.length - 1} new words · \\d+ % known$`)).waitFor();
    expect(await furiganaOf(page, MOUNTAIN)).toEqual(['', '']);
    await markRest.waitFor();
  });

  it('reads furigana "off" from before the modes as None, and Settings changes the mode and the highlight', async () => {
    const page = app.page;
    await page.goto(`${app.server.url}/`);
    await page.getByRole('heading', { name: 'Recent stories' }).waitFor();
    await putRows(page, 'settings', [{ key: 'app', value: { showFurigana: false, updatedAt: 1 } }]);
    await openStory(page);
    expect(await page.getByLabel('Furigana').inputValue()).toBe('none');
    expect(await page.locator('ol.segments rt').count()).toBe(0);
    await setState(page, 2, '天気', 'Learning');
    await expect.poll(() => page.locator('ol.segments .word.learning').count()).toBe(1);

    await page.goto(`${app.server.url}/settings`);
    const furigana = page.getByRole('group', { name: 'Furigana (readings above kanji)' });
    await expect.poll(() => furigana.getByLabel('None (tap a word to see its reading)').isChecked()).toBe(true);
    await furigana.getByLabel('Only over words you do not know yet').check();
    await page.getByLabel('Underline the words you are learning').uncheck();
    await expect.poll(() => storedSettings(page)).toMatchObject({ furiganaMode: 'unknown', showFurigana: true, highlightLearning: false });
    await openStory(page);
    expect(await page.getByLabel('Furigana').inputValue()).toBe('unknown');
    expect(await furiganaOf(page, '天気|てんき')).toEqual(['てんき']);
    expect(await page.locator('ol.segments .word.learning').count()).toBe(0);
  });
});
