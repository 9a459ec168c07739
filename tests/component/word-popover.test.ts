import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/domain/annotations';
import { kanaToRomaji } from '../../src/domain/romaji';
import type { Story } from '../../src/domain/story';
import { seriousA11yViolations } from '../support/e2e-helpers';
import { useFixturePage } from './support/fixture-page';

/** The Reader's words and `<nm-word-popover>` in Chromium, at a phone's width. */
const fixture = useFixturePage({ viewport: { width: 360, height: 740 } });

const STORY_ID = '5b0c4f53-7a4e-4d7e-9a52-2f1f7d0d6a11';

const segment = (jp: string, en: string, vocab: Story['content'][number]['vocab'] = [], readings: Story['content'][number]['readings'] = []) =>
  ({ jp, en, readings, vocab, imagePrompt: '' }) as Story['content'][number];

const STORY = {
  id: STORY_ID,
  titleJP: '猫',
  titleEN: 'The cat',
  content: [
    segment('猫が魚を食べました。', 'The cat ate a fish.', [{ word: '魚', reading: 'さかな', meaning: 'fish' }]),
    segment('ねこはねています。', 'The cat is sleeping.', [{ word: 'ねる', reading: 'ねる', meaning: 'to sleep' }]),
  ],
  questions: [],
} as unknown as Story;

/** Stored words for the first sentence only: 魚 has no gloss (the vocabulary has one), が has none at all. */
const ANNOTATION: Annotation = {
  storyId: STORY_ID,
  segments: [
    [
      { surface: '猫', reading: 'ねこ', pos: 'noun', gloss: 'cat' },
      { surface: 'が', pos: 'particle' },
      { surface: '魚', reading: 'さかな', pos: 'noun' },
      { surface: 'を', pos: 'particle', gloss: 'object marker' },
      { surface: '食べました', reading: 'たべました', base: '食べる', baseReading: 'たべる', pos: 'verb', gloss: 'ate' },
      { surface: '。' },
    ],
    null,
  ],
  updatedAt: 1_700_000_000_000,
};

async function mount(page: Page, options: { annotation?: Annotation; narrated?: number[] } = {}): Promise<void> {
  await page.addScriptTag({ url: '/word-fixture.ts', type: 'module' });
  await page.waitForFunction(() => 'wordFixture' in window);
  await page.evaluate(([story, opts]) => window.wordFixture.mountWords({ story, ...opts }), [STORY, options] as const);
}

const word = (page: Page, sentence: number, name: string) =>
  page.locator(`li[data-index="${sentence}"]`).getByRole('button', { name, exact: true });
const dialog = (page: Page, name: string) => page.getByRole('dialog', { name });
const events = (page: Page) => page.evaluate(() => window.wordFixture.events);

/** The focused word (through shadow roots) as "sentence:word", or the focused tag. */
function focusedWord(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!(el instanceof HTMLElement) || !el.classList.contains('word')) return el?.tagName.toLowerCase() ?? 'nothing';
    return `${el.dataset.segment}:${el.querySelector('.word-name')?.textContent}`;
  });
}

const tabindexes = (page: Page, sentence: number) =>
  page.locator(`li[data-index="${sentence}"] .word`).evaluateAll((els) => els.map((el) => el.getAttribute('tabindex')));

describe('sentence words: roving tabindex', () => {
  it('makes each sentence one tab stop; arrows, Home and End move between words and skip punctuation', async () => {
    const page = fixture.page;
    await mount(page, { annotation: ANNOTATION });
    // 猫 が 魚 を 食べました (。 is no stop): only the first is in the tab order.
    expect(await tabindexes(page, 0)).toEqual(['0', '-1', '-1', '-1', '-1']);
    await page.locator('#before').focus();
    await page.keyboard.press('Tab');
    expect(await focusedWord(page)).toBe('0:猫');
    await page.keyboard.press('ArrowLeft');
    expect(await focusedWord(page)).toBe('0:猫');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focusedWord(page)).toBe('0:魚');
    expect(await tabindexes(page, 0)).toEqual(['-1', '-1', '0', '-1', '-1']);
    await page.keyboard.press('End');
    expect(await focusedWord(page)).toBe('0:食べました');
    await page.keyboard.press('ArrowRight');
    expect(await focusedWord(page)).toBe('0:食べました');
    await page.keyboard.press('Home');
    expect(await focusedWord(page)).toBe('0:猫');
    // Tab leaves the sentence for the next one (on-device words there: ねこ first).
    await page.keyboard.press('Tab');
    expect(await focusedWord(page)).toBe('1:ねこ');
  });
});

describe('<nm-word-popover>', () => {
  it('shows the word, its reading, romaji, dictionary form, part of speech, meaning and the translation; focus in and back', async () => {
    const page = fixture.page;
    await mount(page, { annotation: ANNOTATION, narrated: [0] });
    await word(page, 0, '食べました').click();
    const open = dialog(page, '食べました');
    await open.waitFor();
    expect(await focusedWord(page)).toBe('button');
    await expect(open.getByRole('heading', { name: '食べました' }).count()).resolves.toBe(1);
    const text = await open.textContent();
    for (const part of ['たべました', kanaToRomaji('たべました'), 'Dictionary form', '食べる', 'たべる', 'verb', 'ate', 'The cat ate a fish.']) {
      expect(text).toContain(part);
    }
    expect(await seriousA11yViolations(page)).toEqual([]);
    await open.getByRole('button', { name: 'Play this sentence' }).click();
    await expect.poll(() => events(page)).toEqual([{ type: 'play', detail: { segment: 0 } }]);
    await page.keyboard.press('Escape');
    await open.waitFor({ state: 'detached' });
    expect(await focusedWord(page)).toBe('0:食べました');
  });

  it('falls back to the vocabulary list for a meaning, and says so when there is none', async () => {
    const page = fixture.page;
    await mount(page, { annotation: ANNOTATION });
    await word(page, 0, '魚').click();
    expect(await dialog(page, '魚').textContent()).toContain('fish');
    await dialog(page, '魚').getByRole('button', { name: 'Close' }).click();
    await word(page, 0, 'が').click();
    const ga = dialog(page, 'が');
    expect(await ga.textContent()).toContain('No meaning stored for this word yet');
    // A kana-only word has its romaji too; not narrated: nothing to play.
    expect(await ga.textContent()).toContain(kanaToRomaji('が'));
    expect(await ga.getByRole('button', { name: 'Play this sentence' }).count()).toBe(0);
  });

  it('asks for an explanation, shows "Explaining…" until the note arrives, then the note as text', async () => {
    const page = fixture.page;
    await mount(page, { annotation: ANNOTATION });
    await word(page, 0, '猫').click();
    const open = dialog(page, '猫');
    await open.getByRole('button', { name: 'Explain this sentence' }).click();
    await open.getByRole('status').filter({ hasText: 'Explaining…' }).waitFor();
    expect(await events(page)).toEqual([{ type: 'nm-explain-request', detail: { storyId: STORY_ID, segment: 0 } }]);
    const note = '<b>が</b> marks 猫 as the subject.\nを marks 魚 as the object.';
    await page.evaluate(
      ([annotation, text]) => window.wordFixture.updateAnnotation({ ...annotation, explanations: { '0': { text, updatedAt: 1_700_000_000_001 } } }),
      [ANNOTATION, note] as const,
    );
    await open.getByText('marks 猫 as the subject', { exact: false }).waitFor();
    // Model output stays text: the tag is shown, never made bold.
    expect(await open.locator('b').count()).toBe(0);
    expect(await open.locator('.explanation').textContent()).toBe(note);
    expect(await open.getByRole('button', { name: 'Explain this sentence' }).count()).toBe(0);
  });

  it('a sentence without stored words uses the device’s segmentation and offers "Add word details"', async () => {
    const page = fixture.page;
    await mount(page);
    await word(page, 1, 'ねこ').click();
    const open = dialog(page, 'ねこ');
    expect(await open.textContent()).toContain('Meanings for every word come after “Add word details”.');
    expect(await open.textContent()).toContain('The cat is sleeping.');
    await open.getByRole('button', { name: 'Add word details' }).click();
    await open.getByRole('status').filter({ hasText: 'Adding word details…' }).waitFor();
    expect(await events(page)).toEqual([{ type: 'nm-annotate-request', detail: { storyId: STORY_ID } }]);
    // A tap outside closes it.
    await page.mouse.click(350, 730);
    await open.waitFor({ state: 'detached' });
  });
});
