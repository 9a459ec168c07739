import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/domain/annotations';
import type { FuriganaMode } from '../../src/domain/settings-options';
import type { Story } from '../../src/domain/story';
import { seriousA11yViolations } from '../support/e2e-helpers';
import { useFixturePage } from './support/fixture-page';

/** What the learner knows, in the Reader's words and the popover (issue 14), at a phone's width. */
const fixture = useFixturePage({ viewport: { width: 360, height: 740 } });

const STORY_ID = '0d5b8a5e-3c4f-4a43-8f7c-5c2b9b1e7a21';
const CAT = '猫|ねこ';
const FISH = '魚|さかな';

const segment = (jp: string, en: string) => ({ jp, en, readings: [], vocab: [], imagePrompt: '' }) as Story['content'][number];

const STORY = {
  id: STORY_ID,
  titleJP: '猫と魚',
  titleEN: 'The cat and the fish',
  content: [segment('猫が魚を食べました。', 'The cat ate a fish.'), segment('猫は魚が好きです。', 'Cats like fish.')],
  questions: [],
} as unknown as Story;

const ANNOTATION: Annotation = {
  storyId: STORY_ID,
  segments: [
    [
      { surface: '猫', reading: 'ねこ', pos: 'noun', gloss: 'cat' },
      { surface: 'が', pos: 'particle' },
      { surface: '魚', reading: 'さかな', pos: 'noun', gloss: 'fish' },
      { surface: 'を', pos: 'particle' },
      { surface: '食べました', reading: 'たべました', base: '食べる', baseReading: 'たべる', pos: 'verb', gloss: 'ate' },
      { surface: '。' },
    ],
    [
      { surface: '猫', reading: 'ねこ', pos: 'noun', gloss: 'cat' },
      { surface: 'は', pos: 'particle' },
      { surface: '魚', reading: 'さかな', pos: 'noun', gloss: 'fish' },
      { surface: 'が', pos: 'particle' },
      { surface: '好き', reading: 'すき', pos: 'na-adjective', gloss: 'liked' },
      { surface: 'です', pos: 'copula' },
      { surface: '。' },
    ],
  ],
  updatedAt: 1_700_000_000_000,
};

interface MountOptions {
  furiganaMode: FuriganaMode;
  states?: { known?: string[]; learning?: string[] };
}

async function mount(page: Page, options: MountOptions): Promise<void> {
  await page.addScriptTag({ url: '/word-fixture.ts', type: 'module' });
  await page.waitForFunction(() => 'wordFixture' in window);
  await page.evaluate(([story, annotation, opts]) => window.wordFixture.mountWords({ story, annotation, ...opts }), [STORY, ANNOTATION, options] as const);
}

/** The readings shown over each occurrence of a word, sentence by sentence ('' where it has none). */
const furiganaOf = (page: Page, key: string) =>
  page.locator(`.word[data-key="${key}"]`).evaluateAll((els) => els.map((el) => [...el.querySelectorAll('rt')].map((rt) => rt.textContent).join('')));
const underlined = (page: Page, key: string) =>
  page.locator(`.word[data-key="${key}"]`).evaluateAll((els) => els.map((el) => getComputedStyle(el).textDecorationStyle === 'dotted' && el.classList.contains('learning')));
const word = (page: Page, sentence: number, name: string) => page.locator(`li[data-index="${sentence}"]`).getByRole('button', { name, exact: true });
const stateButton = (page: Page, name: string) => page.getByRole('dialog', { name: '猫' }).getByRole('group', { name: 'What you know' }).getByRole('button', { name });

describe('furigana from what the learner knows', () => {
  it('shows every reading in "all", drops only known words’ in "words not known", none in "none"; learning words are underlined', async () => {
    const page = fixture.page;
    const states = { known: [FISH], learning: [CAT] };
    await mount(page, { furiganaMode: 'all', states });
    expect(await furiganaOf(page, FISH)).toEqual(['さかな', 'さかな']);
    expect(await furiganaOf(page, CAT)).toEqual(['ねこ', 'ねこ']);
    expect(await underlined(page, CAT)).toEqual([true, true]);
    expect(await underlined(page, FISH)).toEqual([false, false]);

    await mount(page, { furiganaMode: 'unknown', states });
    expect(await furiganaOf(page, FISH)).toEqual(['', '']);
    expect(await furiganaOf(page, CAT)).toEqual(['ねこ', 'ねこ']);
    expect(await furiganaOf(page, '好き|すき')).toEqual(['す']);

    await mount(page, { furiganaMode: 'none', states });
    expect(await page.locator('rt').count()).toBe(0);
    // Tapping a word still tells its reading.
    await word(page, 1, '魚').click();
    await page.getByRole('dialog', { name: '魚' }).locator('.head .reading').filter({ hasText: /^さかな$/ }).waitFor();
  });
});

describe('the popover’s state buttons', () => {
  it('show the word’s state, and a change reaches every occurrence of the word at once', async () => {
    const page = fixture.page;
    await mount(page, { furiganaMode: 'unknown' });
    await word(page, 0, '猫').click();
    expect(await stateButton(page, 'I know this').getAttribute('aria-pressed')).toBe('false');
    expect(await stateButton(page, 'Learning').getAttribute('aria-pressed')).toBe('false');
    expect(await stateButton(page, 'Back to new').count()).toBe(0);

    await stateButton(page, 'I know this').click();
    expect(await stateButton(page, 'I know this').getAttribute('aria-pressed')).toBe('true');
    expect(await furiganaOf(page, CAT)).toEqual(['', '']);
    expect(await furiganaOf(page, FISH)).toEqual(['さかな', 'さかな']);
    expect(await page.evaluate(() => window.wordFixture.events)).toEqual([{ type: 'nm-word-state', detail: { key: CAT, state: 'known', segment: 0 } }]);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await stateButton(page, 'Learning').click();
    expect(await stateButton(page, 'Learning').getAttribute('aria-pressed')).toBe('true');
    expect(await furiganaOf(page, CAT)).toEqual(['ねこ', 'ねこ']);
    expect(await underlined(page, CAT)).toEqual([true, true]);

    await stateButton(page, 'Back to new').click();
    expect(await stateButton(page, 'Back to new').count()).toBe(0);
    // The pressed button went away: focus stays in the popover, on "I know this".
    await expect.poll(() => page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.textContent?.trim();
    })).toBe('I know this');
    expect(await underlined(page, CAT)).toEqual([false, false]);
    // Pressing the state the word already has changes nothing.
    await stateButton(page, 'Learning').click();
    await stateButton(page, 'Learning').click();
    const states = (await page.evaluate(() => window.wordFixture.events)).map((e) => (e.detail as { state: string }).state);
    expect(states).toEqual(['known', 'learning', 'new', 'learning']);
  });
});
