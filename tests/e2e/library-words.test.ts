import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_ANNOTATIONS } from '../../src/domain/samples/sample-annotations';
import { SAMPLE_STORIES } from '../../src/domain/samples/sample-stories';
import { storyWordList } from '../../src/domain/words-coverage';
import { useE2eApp } from '../support/e2e-app';
import { hasNoHorizontalOverflow, seriousA11yViolations } from '../support/e2e-helpers';
import { makeStory, putRows, putStories } from '../support/e2e-rows';

/**
 * Issue 14 on the Library at phone width: every story with words says how many are new to this
 * learner and how much is known, it follows what the learner knows, and "Best for me" puts the
 * story closest to comfortable reading (95–98 % known) first.
 */
const app = useE2eApp({ viewport: { width: 360, height: 740 } });
let page: Page;

const library = () => page.locator('nm-library-page');
const card = (id: string) => library().locator(`li.story[data-story-id="${id}"]`);

beforeEach(async () => {
  page = app.page;
  await page.goto(`${app.server.url}/`);
  await page.getByRole('heading', { name: 'Recent stories' }).waitFor();
});

describe('Library coverage', () => {
  it('shows new words and the known share on each card, follows known words, and sorts Best for me', async () => {
    const plain = makeStory('言葉のない話');
    await putStories(page, [plain]);
    await page.goto(`${app.server.url}/library`);
    await library().getByRole('status').filter({ hasText: 'stories' }).waitFor();
    const [n5, n4] = SAMPLE_STORIES;
    const n5Words = storyWordList(SAMPLE_ANNOTATIONS.find((a) => a.storyId === n5!.id)!);
    await card(n5!.id).getByText(`${n5Words.keys.length} new words · 0 % known`).waitFor();
    await expect(card(plain.id).getByText(/% known/).count()).resolves.toBe(0);

    // The learner knows every word of the N5 sample but one (written as another tab would; this
    // page's live queries see only the app's own writes, so it opens the Library again).
    const at = Date.now();
    const known = n5Words.keys.slice(1).map((key) => ({ key, base: key.split('|')[0], reading: key.split('|')[1], state: 'known', firstSeen: { storyId: n5!.id, segment: 0, at }, updatedAt: at }));
    await putRows(page, 'words', known);
    await page.reload();
    await library().getByRole('status').filter({ hasText: 'stories' }).waitFor();
    await card(n5!.id).getByText(/^1 new word · (9\d) % known$/).waitFor();

    await library().getByLabel('Sort').selectOption({ label: 'Best for me' });
    await expect.poll(() => library().locator('li.story').first().getAttribute('data-story-id')).toBe(n5!.id);
    await expect(library().locator('li.story').last().getAttribute('data-story-id')).resolves.toBe(plain.id);
    await expect(card(n4!.id).getByText(/new words · \d+ % known/).count()).resolves.toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await hasNoHorizontalOverflow(page)).toBe(true);
  });
});
