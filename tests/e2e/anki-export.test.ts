import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SAMPLE_ANNOTATIONS } from '../../src/domain/samples/sample-annotations';
import { SAMPLE_N5 } from '../../src/domain/samples/sample-n5';
import { storyWordList } from '../../src/domain/words-coverage';
import { useE2eApp } from '../support/e2e-app';
import { hasNoHorizontalOverflow, seriousA11yViolations } from '../support/e2e-helpers';
import { putRows } from '../support/e2e-rows';

/**
 * Issue 15's Anki export at phone width: with no learning words the button waits and says why;
 * with two learning words from the N5 sample, the downloaded file holds Anki's headers and one card
 * per word, each from the sentence the word was first met in.
 */
const app = useE2eApp({ viewport: { width: 360, height: 740 }, acceptDownloads: true });

const exportButton = (page: Page) => page.getByRole('button', { name: 'Export for Anki' });

async function openSettings(page: Page): Promise<void> {
  await page.goto(`${app.server.url}/settings`);
  await page.getByRole('heading', { name: 'Export for Anki' }).waitFor();
}

/** The sample's words are seeded after the first paint: the Library card counting them says they are in. */
async function waitForSampleWords(page: Page): Promise<void> {
  const annotation = SAMPLE_ANNOTATIONS.find((a) => a.storyId === SAMPLE_N5.id);
  if (!annotation) throw new Error('the N5 sample has no words');
  await page.goto(`${app.server.url}/library`);
  const count = storyWordList(annotation).keys.length;
  await page.locator(`li.story[data-story-id="${SAMPLE_N5.id}"]`).getByText(`${count} new words`, { exact: false }).waitFor();
}

const learning = (key: string, segment: number, at: number) => {
  const [base, reading] = key.split('|');
  return { key, base, reading, state: 'learning', firstSeen: { storyId: SAMPLE_N5.id, segment, at }, updatedAt: at };
};

describe('Export for Anki', () => {
  it('waits for a learning word, then downloads a file Anki imports as two cards', async () => {
    const page = app.page;
    await waitForSampleWords(page);
    await openSettings(page);
    await page.getByText('No words to export yet: mark words as "Learning" while you read.').waitFor();
    await expect(exportButton(page).isDisabled()).resolves.toBe(true);
    await page.getByText('Audio and pictures are not included.', { exact: false }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await hasNoHorizontalOverflow(page)).toBe(true);

    const at = Date.now();
    // Met 食べる later than 山, so 山 comes first; each in its own sentence of the sample.
    await putRows(page, 'words', [learning('食べる|たべる', 3, at + 2), learning('山|やま', 1, at + 1)]);
    await openSettings(page);
    await page.getByText('2 words you are learning.').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton(page).click()]);
    expect(download.suggestedFilename()).toMatch(/^nihongo-monogatari-anki-\d{4}-\d{2}-\d{2}\.txt$/);
    const saved = join(app.tmp, download.suggestedFilename());
    await download.saveAs(saved);
    const lines = readFileSync(saved, 'utf8').split('\n');
    expect(lines.slice(0, 5)).toEqual(['#separator:tab', '#html:true', '#notetype:Basic', '#deck:Nihongo Monogatari', '#tags column:3']);
    expect(lines.slice(5).map((line) => line.split('\t'))).toEqual([
      [
        'わたしは友だちと<b>山</b>へ行きました。',
        '<ruby>山<rt>やま</rt></ruby><br>mountain<br>わたしは<ruby>友<rt>とも</rt></ruby>だちと<ruby>山<rt>やま</rt></ruby>へ<ruby>行<rt>い</rt></ruby>きました。<br>I went to the mountains with a friend.<br><small>日曜日の山</small>',
        'nihongo-monogatari N5',
      ],
      [
        '山の上で、おにぎりを<b>食べました</b>。',
        '<ruby>食<rt>た</rt></ruby>べる<br>ate<br><ruby>山<rt>やま</rt></ruby>の<ruby>上<rt>うえ</rt></ruby>で、おにぎりを<ruby>食<rt>た</rt></ruby>べました。<br>We ate rice balls at the top of the mountain.<br><small>日曜日の山</small>',
        'nihongo-monogatari N5',
      ],
      [''],
    ]);
    await page.getByRole('status').filter({ hasText: `2 cards saved as ${download.suggestedFilename()}` }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
