import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PLAY_MARK } from '../../src/ui/reader/player';
import { seriousA11yViolations } from '../support/e2e-helpers';
import { firedEvents, focused, useFixturePage } from './support/fixture-page';

/**
 * The Reader's player bar in Chromium, on a real NarrationPlayer reading silent WAV sentences from
 * IndexedDB: labelled controls, the play/pause state and speed it shows, and the keyboard.
 */
const fixture = useFixturePage();

/** Three sentences, the first and the third narrated (ten seconds each, so none ends mid-test). */
async function mountPlayer(page: Page, speed = 1): Promise<void> {
  await page.evaluate((speed) => window.fixture.mountPlayer({ sentences: 3, narrated: [0, 2], speed }), speed);
  await bar(page).waitFor();
}

const bar = (page: Page) => page.getByRole('group', { name: 'Narration player' });
const where = (page: Page) => bar(page).getByRole('status');
const state = (page: Page) => page.locator('.player').getAttribute('data-state');

async function waitForState(page: Page, expected: 'idle' | 'playing' | 'paused'): Promise<void> {
  await page.locator(`.player[data-state="${expected}"]`).waitFor();
}

describe('the player bar', () => {
  it('offers labelled controls and says how much is narrated before the first Play', async () => {
    const page = fixture.page;
    await mountPlayer(page, 1.25);
    for (const name of ['Play', 'Previous sentence', 'Next sentence']) {
      expect(await bar(page).getByRole('button', { name, exact: true }).isVisible()).toBe(true);
    }
    expect(await bar(page).getByRole('combobox', { name: 'Speed' }).inputValue()).toBe('1.25');
    await expect(where(page).textContent()).resolves.toBe('2 of 3 sentences narrated');
    expect(await state(page)).toBe('idle');
    // The shortcuts are spelled out, and the buttons announce theirs.
    expect(await bar(page).getByRole('button', { name: 'Play', exact: true }).getAttribute('aria-keyshortcuts')).toBe('K');
    await bar(page).getByText('Keyboard shortcuts').click();
    await bar(page).getByText('previous sentence', { exact: false }).first().waitFor();
  });

  it('Play and Pause switch the state, the button’s name and where it is', async () => {
    const page = fixture.page;
    await mountPlayer(page);
    await bar(page).getByRole('button', { name: 'Play', exact: true }).click();
    await waitForState(page, 'playing');
    await expect(where(page).textContent()).resolves.toBe('Sentence 1 of 3');
    await bar(page).getByRole('button', { name: 'Pause', exact: true }).click();
    await waitForState(page, 'paused');
    expect(await bar(page).getByRole('button', { name: 'Play', exact: true }).isVisible()).toBe(true);

    // "Next" skips the sentence that has no audio.
    await bar(page).getByRole('button', { name: 'Next sentence' }).click();
    await waitForState(page, 'playing');
    await expect(where(page).textContent()).resolves.toBe('Sentence 3 of 3');
    await bar(page).getByRole('button', { name: 'Previous sentence' }).click();
    await where(page).filter({ hasText: 'Sentence 1 of 3' }).waitFor();
  });

  it('the keyboard drives it: K, J and L, Space on the page, Tab through the controls', async () => {
    const page = fixture.page;
    await mountPlayer(page);
    await page.keyboard.press('k');
    await waitForState(page, 'playing');
    await page.keyboard.press('l');
    await where(page).filter({ hasText: 'Sentence 3 of 3' }).waitFor();
    await page.keyboard.press('j');
    await where(page).filter({ hasText: 'Sentence 1 of 3' }).waitFor();
    await page.keyboard.press('K');
    await waitForState(page, 'paused');
    await page.keyboard.press(' ');
    await waitForState(page, 'playing');

    // Tab reaches each control in order; Space on a button is the button's own: one toggle, not a
    // pause and a resume (a resume would leave a new Play mark).
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button "Pause"');
    const playMark = () => page.evaluate((name) => performance.getEntriesByName(name).map((m) => m.startTime), PLAY_MARK);
    const before = await playMark();
    await page.keyboard.press(' ');
    await waitForState(page, 'paused');
    expect(await playMark()).toEqual(before);
    await page.keyboard.press('Enter');
    await waitForState(page, 'playing');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button "«Previous sentence"');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button "»Next sentence"');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^select /);
  });

  it('choosing a speed tells the host and shows the new speed', async () => {
    const page = fixture.page;
    await mountPlayer(page);
    const speed = bar(page).getByRole('combobox', { name: 'Speed' });
    expect(await speed.inputValue()).toBe('1');
    expect(await speed.locator('option').allTextContents()).toEqual(['0.5×', '0.75×', '1×', '1.25×', '1.5×']);
    await speed.selectOption('1.5');
    await expect.poll(() => firedEvents(page)).toEqual([{ type: 'speed', detail: 1.5 }]);
    expect(await speed.inputValue()).toBe('1.5');
    // The host applied it; the bar keeps showing it after playing re-renders it.
    await bar(page).getByRole('button', { name: 'Play', exact: true }).click();
    await waitForState(page, 'playing');
    expect(await speed.inputValue()).toBe('1.5');
  });

  it('has no serious accessibility violations, idle or playing', async () => {
    const page = fixture.page;
    await mountPlayer(page);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await bar(page).getByRole('button', { name: 'Play', exact: true }).click();
    await waitForState(page, 'playing');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('stopped at a sentence not narrated yet, the next Play goes on from there, not from sentence 1', async () => {
    const page = fixture.page;
    await page.evaluate(() => window.fixture.mountPlayer({ sentences: 3, narrated: [0], durationMs: 300 }));
    await bar(page).getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => where(page).textContent(), { timeout: 5_000 }).toBe('Sentence 2 of 3');
    await waitForState(page, 'idle');
    await page.evaluate(() => window.fixture.addNarration(1));
    await bar(page).getByRole('button', { name: 'Play', exact: true }).click();
    await waitForState(page, 'playing');
    expect(await where(page).textContent()).toBe('Sentence 2 of 3');
  });

  it('while narration is arriving it waits at the missing sentence and plays it when it lands', async () => {
    const page = fixture.page;
    await page.evaluate(() => window.fixture.mountPlayer({ sentences: 3, narrated: [0], durationMs: 300, arriving: true }));
    await bar(page).getByRole('button', { name: 'Play', exact: true }).click();
    await page.locator('.player[data-state="waiting"]').waitFor({ timeout: 5_000 });
    expect(await where(page).textContent()).toBe('Sentence 2 of 3: waiting for narration…');
    expect(await bar(page).getByRole('button', { name: 'Pause', exact: true }).isVisible()).toBe(true);
    await page.evaluate(() => window.fixture.addNarration(1));
    await waitForState(page, 'playing');
    expect(await where(page).textContent()).toBe('Sentence 2 of 3');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
