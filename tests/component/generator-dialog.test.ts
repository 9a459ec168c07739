import { describe, expect, it } from 'vitest';
import { loadTopics, pickTopic } from '../../src/domain/topics';
import { seriousA11yViolations } from '../support/e2e-helpers';
import { mintFakeGoogleKey } from '../support/fake-key';
import { firedEvents, focused, useFixturePage } from './support/fixture-page';

/** `<nm-generator-dialog>` in Chromium: validation, focus in and out, Escape, what it asks the host for. */
const fixture = useFixturePage();

const dialog = () => fixture.page.getByRole('dialog', { name: 'New story' });
const topic = () => dialog().getByLabel('Topic', { exact: true });
const create = () => dialog().getByRole('button', { name: 'Create story' });

/** Mounts the dialog and opens it the way a learner does, with the "New story" button. */
async function open(options: Parameters<Window['fixture']['mountGenerator']>[0] = {}): Promise<void> {
  await fixture.page.evaluate((o) => window.fixture.mountGenerator(o), options);
  await fixture.page.getByRole('button', { name: 'New story' }).click();
  await dialog().waitFor();
}

/** The message shown for a field (its `aria-describedby` target) and whether it is marked invalid. */
function fieldState(selector: string) {
  return fixture.page.locator('nm-generator-dialog').evaluate((host, selector) => {
    const root = host.shadowRoot!;
    const field = root.querySelector(selector)!;
    const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    return {
      invalid: field.getAttribute('aria-invalid'),
      message: ids.map((id) => root.getElementById(id)?.textContent?.trim() ?? '').filter((t) => t && !t.startsWith('Anything')).join(' '),
    };
  }, selector);
}

/** The learner's words, as `openWriteStory` hands them to the dialog before it opens. */
async function setWords(learningWords: object[], knownWords: object[]): Promise<void> {
  await fixture.page.locator('nm-generator-dialog').evaluate((host, words) => {
    Object.assign(host, words);
  }, { learningWords, knownWords });
}

describe('<nm-generator-dialog>', () => {
  it('opening moves focus into the topic field; Escape closes it and focus goes back to the opener', async () => {
    await open();
    expect(await focused(fixture.page)).toBe('input#topic');
    await fixture.page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
    expect(await focused(fixture.page)).toBe('button#opener');
    await expect.poll(() => firedEvents(fixture.page)).toEqual([{ type: 'nm-generator-close', detail: { submitted: false } }]);
  });

  it('"Cancel" closes it without asking for a story, focus back on the opener', async () => {
    await open();
    await topic().fill('A rainy day');
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await dialog().waitFor({ state: 'hidden' });
    expect(await focused(fixture.page)).toBe('button#opener');
    await expect.poll(() => firedEvents(fixture.page)).toEqual([{ type: 'nm-generator-close', detail: { submitted: false } }]);
  });

  it('the ✕ button closes it, focus back on the opener', async () => {
    await open();
    await dialog().getByRole('button', { name: 'Close', exact: true }).click();
    await dialog().waitFor({ state: 'hidden' });
    expect(await focused(fixture.page)).toBe('button#opener');
    await expect.poll(() => firedEvents(fixture.page)).toEqual([{ type: 'nm-generator-close', detail: { submitted: false } }]);
  });

  it('a click on the backdrop closes it; a click inside, or a drag that ends outside, does not', async () => {
    await open();
    await topic().fill('A rainy day');
    const box = (await dialog().boundingBox())!;
    // Pressed in the topic, released outside the box (selecting text): the form stays.
    await topic().hover();
    await fixture.page.mouse.down();
    await fixture.page.mouse.move(box.x + box.width / 2, Math.max(2, box.y - 5));
    await fixture.page.mouse.up();
    await dialog().getByRole('heading', { name: 'New story' }).click();
    expect(await dialog().isVisible()).toBe(true);
    await fixture.page.mouse.click(box.x + box.width / 2, Math.max(2, box.y - 5));
    await dialog().waitFor({ state: 'hidden' });
    expect(await focused(fixture.page)).toBe('button#opener');
  });

  it('an empty or blank topic shows "Enter a topic" next to the field and puts focus there', async () => {
    await open();
    await create().click();
    const alert = dialog().getByRole('alert').filter({ hasText: 'Enter a topic' });
    await alert.waitFor();
    expect(await fieldState('#topic')).toEqual({ invalid: 'true', message: 'Enter a topic' });
    expect(await focused(fixture.page)).toBe('input#topic');
    expect(await dialog().isVisible()).toBe(true);

    // Spaces only are not a topic either.
    await topic().fill('   ');
    await create().click();
    expect(await fieldState('#topic')).toEqual({ invalid: 'true', message: 'Enter a topic' });
    await expect.poll(() => firedEvents(fixture.page)).toEqual([]);

    // The message goes as soon as the topic is fixed, before submitting again.
    await topic().fill('A day at the beach');
    await alert.waitFor({ state: 'detached' });
    expect(await fieldState('#topic')).toEqual({ invalid: 'false', message: '' });
  });

  it('a preset level the app does not know says "Choose one of the levels" and focuses the level', async () => {
    await open({ level: 'N9' });
    await topic().fill('Cats');
    await create().click();
    await dialog().getByRole('alert').filter({ hasText: 'Choose one of the levels' }).waitFor();
    expect(await fieldState('#level')).toEqual({ invalid: 'true', message: 'Choose one of the levels' });
    expect(await fieldState('#topic')).toEqual({ invalid: 'false', message: '' });
    expect(await focused(fixture.page)).toBe('select#level');

    await dialog().getByLabel('Level').selectOption('N4');
    expect(await fieldState('#level')).toEqual({ invalid: 'false', message: '' });
  });

  it('the topic stops at 200 characters and the instructions at 1000, with a live count', async () => {
    await open();
    await topic().fill('あ'.repeat(250));
    expect((await topic().inputValue()).length).toBe(200);
    await dialog().getByLabel('Instructions (optional)').fill('x'.repeat(1200));
    await dialog().getByText('1000 / 1000 characters.').waitFor();
  });

  it('a valid form asks the host for the story (and its extras), closes, and gives focus back', async () => {
    await open();
    await topic().fill('  A lost umbrella  ');
    await dialog().getByLabel('Level').selectOption('N3');
    await dialog().getByRole('radio', { name: /^Medium/ }).check();
    await dialog().getByLabel('Instructions (optional)').fill('a cat named Tama');
    await dialog().getByLabel('Also narrate it (audio)').check();
    await dialog().getByText('In all to Gemini: about 14 requests; up to 148 with retries (1 for the story, 1 for the words, about 12 for narration).').waitFor();
    await dialog().getByText('One request per sentence: about 12 requests; up to 120 with retries.').waitFor();
    await dialog().getByText('For the cover: 1 request; up to 14 with retries.').waitFor();
    await create().click();
    await dialog().waitFor({ state: 'hidden' });
    expect(await focused(fixture.page)).toBe('button#opener');
    await expect.poll(() => firedEvents(fixture.page)).toEqual([
      {
        type: 'nm-generate',
        detail: { params: { topic: 'A lost umbrella', level: 'N3', length: 'medium', instructions: 'a cat named Tama' }, narrate: true, illustrate: false },
      },
      { type: 'nm-generator-close', detail: { submitted: true } },
    ]);

    // Opened again, it starts clean: no topic, no messages.
    await fixture.page.getByRole('button', { name: 'New story' }).click();
    await dialog().waitFor();
    expect(await topic().inputValue()).toBe('');
    expect(await dialog().getByRole('alert').filter({ hasText: /\S/ }).count()).toBe(0);
  });

  it('a key pasted into the topic or the instructions is refused with a plain message, and nothing is asked for', async () => {
    const message = 'This looks like an API key or access token. Remove it — what you type here is saved with the story and can be synced.';
    const key = mintFakeGoogleKey();
    await open();
    await topic().fill(`my key ${key}`);
    await create().click();
    await dialog().getByRole('alert').filter({ hasText: message }).waitFor();
    expect(await fieldState('#topic')).toEqual({ invalid: 'true', message });
    expect(await focused(fixture.page)).toBe('input#topic');

    await topic().fill('A walk in the park');
    await dialog().getByLabel(/Instructions/).fill(`use ${key} for the calls`);
    await create().click();
    await dialog().getByRole('alert').filter({ hasText: message }).waitFor();
    expect(await fieldState('#instructions')).toEqual({ invalid: 'true', message });
    expect(await fieldState('#topic')).toEqual({ invalid: 'false', message: '' });
    expect(await focused(fixture.page)).toBe('textarea#instructions');
    await expect.poll(() => firedEvents(fixture.page)).toEqual([]);
    expect(await dialog().isVisible()).toBe(true);
  });

  it('"Random topic" fills in a topic, announces it, and clears the topic message', async () => {
    await open({ random: 0 });
    await create().click();
    await dialog().getByRole('alert').filter({ hasText: 'Enter a topic' }).waitFor();
    await dialog().getByRole('button', { name: 'Random topic' }).click();
    // The list loads on the first press, so the field fills in a moment later.
    const expected = pickTopic(await loadTopics(), () => 0, '', 'N5');
    await expect.poll(() => topic().inputValue()).toBe(expected);
    await dialog().getByRole('status').filter({ hasText: `Topic: ${expected}` }).waitFor();
    expect(await fieldState('#topic')).toEqual({ invalid: 'false', message: '' });
  });

  it('"Also narrate / illustrate" do not stay ticked for the next story unless remembered', async () => {
    const narrate = () => dialog().getByLabel('Also narrate it (audio)');
    const illustrate = () => dialog().getByLabel('Also illustrate it (cover picture)');
    const remember = () => dialog().getByLabel('Remember for next time');
    const submit = async (topicText: string) => {
      await topic().fill(topicText);
      await create().click();
      await dialog().waitFor({ state: 'hidden' });
      await fixture.page.getByRole('button', { name: 'New story' }).click();
      await dialog().waitFor();
    };
    await open();
    expect(await remember().isChecked()).toBe(false);
    await narrate().check();
    await illustrate().check();
    await submit('A rainy day');
    // Asked for once, not again: the next story starts with no paid extras.
    expect([await narrate().isChecked(), await illustrate().isChecked()]).toEqual([false, false]);

    await narrate().check();
    await remember().check();
    await submit('A sunny day');
    expect([await narrate().isChecked(), await illustrate().isChecked(), await remember().isChecked()]).toEqual([true, false, true]);
    // Remembered in this browser: a reload opens the form the same way.
    await fixture.page.reload();
    await fixture.page.waitForFunction(() => 'fixture' in window);
    await open();
    expect([await narrate().isChecked(), await illustrate().isChecked(), await remember().isChecked()]).toEqual([true, false, true]);

    // Unticking "Remember" forgets it again.
    await remember().uncheck();
    await submit('A windy day');
    expect([await narrate().isChecked(), await remember().isChecked()]).toEqual([false, false]);
    await fixture.page.reload();
    await fixture.page.waitForFunction(() => 'fixture' in window);
    await open();
    expect([await narrate().isChecked(), await remember().isChecked()]).toEqual([false, false]);
    const asked = (await firedEvents(fixture.page)).filter((e) => e.type === 'nm-generate');
    expect(asked).toEqual([]);
  });

  it('"Use my learning words" sends them, newest first, with a known-words target and the known sample', async () => {
    const learning = [{ base: '猫', reading: 'ねこ' }, { base: '雨', reading: 'あめ' }];
    const known = [{ base: '公園', reading: 'こうえん' }];
    await open();
    await setWords(learning, known);
    const use = dialog().getByLabel('Use my learning words (2)');
    const target = dialog().getByLabel('Known words');
    expect(await use.isChecked()).toBe(false);
    await use.check();
    await target.selectOption({ label: 'About 95 %' });
    await topic().fill('Cats in the rain');
    await create().click();
    await dialog().waitFor({ state: 'hidden' });
    const [asked] = (await firedEvents(fixture.page)).filter((e) => e.type === 'nm-generate');
    expect((asked!.detail as { params: object }).params).toMatchObject({ topic: 'Cats in the rain', learningWords: learning, knownTarget: 0.95, knownWords: known });

    // Both choices stay for the next story; unticked and "Any", nothing of the words is sent.
    await fixture.page.getByRole('button', { name: 'New story' }).click();
    expect([await use.isChecked(), await target.inputValue()]).toEqual([true, '0.95']);
    await use.uncheck();
    await target.selectOption({ label: 'Any' });
    await topic().fill('A quiet day');
    await create().click();
    await dialog().waitFor({ state: 'hidden' });
    const second = (await firedEvents(fixture.page)).filter((e) => e.type === 'nm-generate')[1]?.detail as { params: object };
    expect(Object.keys(second.params)).toEqual(['topic', 'level', 'length', 'instructions']);
  });

  it('with no learning words the checkbox is disabled and says why', async () => {
    await open();
    const use = dialog().getByLabel('Use my learning words (0)');
    expect(await use.isDisabled()).toBe(true);
    await dialog().getByText('You have no learning words yet').waitFor();
    expect(await use.getAttribute('aria-describedby')).toBe('learning-hint');
    expect(await seriousA11yViolations(fixture.page)).toEqual([]);
  });

  it('offline, it says the story will be written later', async () => {
    await open({ offline: true });
    await dialog().getByRole('status').filter({ hasText: "You're offline — the story will be written when you're back online." }).waitFor();
  });

  it('has no serious accessibility violations, open and showing messages', async () => {
    await open({ offline: true, level: 'N9' });
    expect(await seriousA11yViolations(fixture.page)).toEqual([]);
    await create().click();
    await dialog().getByRole('alert').filter({ hasText: 'Enter a topic' }).waitFor();
    expect(await seriousA11yViolations(fixture.page)).toEqual([]);
  });
});
