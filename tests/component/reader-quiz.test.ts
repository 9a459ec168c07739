import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/domain/story';
import { seriousA11yViolations } from '../support/e2e-helpers';
import { firedEvents, useFixturePage } from './support/fixture-page';

/** `<nm-reader-quiz>` in Chromium: what a learner sees when answering the comprehension questions. */
const fixture = useFixturePage();

const QUESTIONS: Question[] = [
  {
    question: 'ねこはどこにいますか。',
    options: ['学校', '家', '店', '駅'],
    answer: 1,
    explanation: 'The story says the cat sleeps at home all day.',
  },
  {
    question: 'What did Tama eat?',
    options: ['Fish', 'Rice', 'Bread', 'Cake'],
    answer: 0,
    explanation: '',
  },
];

const score = () => fixture.page.getByRole('status').filter({ hasText: /^Score:/ });
const question = (name: string) => fixture.page.getByRole('group', { name });

describe('<nm-reader-quiz>', () => {
  it('shows the score and what is left before anything is answered', async () => {
    await fixture.page.evaluate((questions) => window.fixture.mountQuiz({ questions }), QUESTIONS);
    await expect(score().textContent()).resolves.toBe('Score: 0 / 2 (2 to go)');
    expect(await fixture.page.getByRole('button', { name: '家' }).isEnabled()).toBe(true);
    expect(await fixture.page.getByText('Answer:').count()).toBe(0);
  });

  it('a right answer says so, shows the answer text and the explanation, and counts in the score', async () => {
    const page = fixture.page;
    await page.evaluate((questions) => window.fixture.mountQuiz({ questions }), QUESTIONS);
    await page.getByRole('button', { name: '家' }).click();

    const first = question('ねこはどこにいますか。');
    const result = first.getByRole('status');
    await result.waitFor();
    expect((await result.textContent())?.replace(/\s+/g, ' ').trim())
      .toBe('Correct! Answer: 家 The story says the cat sleeps at home all day.');
    await expect(score().textContent()).resolves.toBe('Score: 1 / 2 (1 to go)');
    // The question is done: its options are disabled and the picked one is marked pressed.
    for (const option of ['学校', '家', '店', '駅']) expect(await first.getByRole('button', { name: option }).isDisabled()).toBe(true);
    expect(await first.getByRole('button', { name: '家' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => firedEvents(page)).toEqual([{ type: 'nm-quiz-answer', detail: { index: 0, option: 1 } }]);
    // The other question is still open.
    expect(await question('What did Tama eat?').getByRole('button', { name: 'Fish' }).isEnabled()).toBe(true);
  });

  it('a wrong answer shows the right answer by its text; answering everything completes the score', async () => {
    const page = fixture.page;
    await page.evaluate((questions) => window.fixture.mountQuiz({ questions }), QUESTIONS);
    await question('What did Tama eat?').getByRole('button', { name: 'Cake' }).click();
    const result = question('What did Tama eat?').getByRole('status');
    await result.waitFor();
    // No explanation given: only the verdict and the correct option's text (never its index).
    expect((await result.textContent())?.replace(/\s+/g, ' ').trim()).toBe('Not quite. Answer: Fish');
    await expect(score().textContent()).resolves.toBe('Score: 0 / 2 (1 to go)');

    await page.getByRole('button', { name: '学校' }).click();
    await page.getByText('Not quite.').nth(1).waitFor();
    await expect(score().textContent()).resolves.toBe('Score: 0 / 2');
  });

  it('shows earlier answers it is given (a story opened again)', async () => {
    await fixture.page.evaluate((questions) => window.fixture.mountQuiz({ questions, answers: { 0: 1, 1: 0 } }), QUESTIONS);
    await expect(score().textContent()).resolves.toBe('Score: 2 / 2');
    expect(await fixture.page.getByText('Correct!').count()).toBe(2);
  });

  it('marks Japanese options and answers as Japanese, set in the Japanese fonts, and English ones as English', async () => {
    const page = fixture.page;
    await page.evaluate((questions) => window.fixture.mountQuiz({ questions, answers: { 0: 0 } }), QUESTIONS);
    const looks = (name: string) =>
      page.getByRole('button', { name, exact: true }).evaluate((el) => ({ lang: el.getAttribute('lang'), font: getComputedStyle(el).fontFamily }));
    const jpFonts = await page.evaluate(() => {
      const probe = document.body.appendChild(Object.assign(document.createElement('span'), { style: 'font-family: var(--nm-font-jp)' }));
      const font = getComputedStyle(probe).fontFamily;
      probe.remove();
      return font;
    });
    expect(jpFonts).toContain(',');
    // A screen reader reads 学校 in Japanese, and the text is not set in a font without kanji.
    await expect(looks('学校')).resolves.toEqual({ lang: 'ja', font: jpFonts });
    expect((await looks('Fish')).lang).toBe('en');
    expect((await looks('Fish')).font).not.toBe(jpFonts);
    await expect(question('ねこはどこにいますか。').getByRole('status').locator('strong').getAttribute('lang')).resolves.toBe('ja');
  });

  it('has no serious accessibility violations, answered or not', async () => {
    const page = fixture.page;
    await page.evaluate((questions) => window.fixture.mountQuiz({ questions }), QUESTIONS);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Bread' }).click();
    await page.getByText('Not quite.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
