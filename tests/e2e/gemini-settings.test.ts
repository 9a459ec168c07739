
import { beforeEach, describe, expect, it } from 'vitest';
import { useE2eApp } from '../support/e2e-app';
import { MODELS } from '../support/fake-gemini';
import { seriousA11yViolations } from '../support/e2e-helpers';
import { mintFakeGoogleKey } from '../support/fake-key';

const app = useE2eApp({ viewport: { width: 360, height: 800 }, gemini: true });

beforeEach(async () => {
  await app.page.goto(`${app.server.url}/settings`);
  await app.page.getByRole('heading', { name: 'Gemini connection and models' }).waitFor();
});

async function connect(key: string): Promise<void> {
  await app.page.getByLabel(/^Endpoint/).fill(app.gemini.url);
  await app.page.getByRole('button', { name: 'Save endpoint' }).click();
  await app.page.getByText(`Saved: requests go to ${app.gemini.url}.`).waitFor();
  await app.page.getByRole('textbox', { name: 'Gemini API key' }).fill(key);
  await app.page.getByRole('button', { name: 'Save key' }).click();
  await app.page.getByTestId('masked-key').waitFor();
  await app.page.getByRole('button', { name: 'Test key and load models' }).click();
}

describe('Gemini connection settings', () => {
  it('tests the key against the endpoint and offers the API’s own models by kind', async () => {
    await connect(app.gemini.apiKey);
    await app.page.getByText(/Your key works: \d+ models/).waitFor();
    const story = await app.page.getByLabel('Story model').locator('option').allTextContents();
    const speech = await app.page.getByLabel('Narration (speech) model').locator('option').allTextContents();
    const picture = await app.page.getByLabel('Picture model').locator('option').allTextContents();
    expect(story).toContain('gemini-2.5-flash-lite');
    expect(story.some((m) => m.includes('tts') || m.includes('embedding'))).toBe(false);
    expect(speech.every((m) => m.includes('tts'))).toBe(true);
    expect(picture.every((m) => m.includes('image'))).toBe(true);
    expect(MODELS.length).toBeGreaterThan(story.length);
    await app.page.getByLabel('Story model').selectOption('gemini-2.5-pro');
    await app.page.getByText('Story model: gemini-2.5-pro saved.').waitFor();
    await app.page.reload();
    await expect(app.page.getByLabel('Story model').inputValue()).resolves.toBe('gemini-2.5-pro');
  });

  it('one "Test key" press makes one model-list request, and the pickers still list the models after a reload', async () => {
    await connect(app.gemini.apiKey);
    await app.page.getByText(/Your key works: \d+ models/).waitFor();
    expect(app.gemini.calls.map((c) => c.kind)).toEqual(['models']);
    const options = (label: string) => app.page.getByLabel(label).locator('option').allTextContents();
    const before = { story: await options('Story model'), speech: await options('Narration (speech) model'), picture: await options('Picture model') };
    expect(before.story).toContain('gemini-2.5-pro');

    await app.page.reload();
    await app.page.getByRole('heading', { name: 'Gemini connection and models' }).waitFor();
    // The list of the last successful test, from this device: no new request, no test needed.
    await expect.poll(() => options('Story model')).toEqual(before.story);
    expect(await options('Narration (speech) model')).toEqual(before.speech);
    expect(await options('Picture model')).toEqual(before.picture);
    expect(app.gemini.count('models')).toBe(1);
    await app.page.getByLabel('Story model').selectOption('gemini-2.5-pro');
    await app.page.getByText('Story model: gemini-2.5-pro saved.').waitFor();
    expect(await seriousA11yViolations(app.page)).toEqual([]);

    // Removing the key forgets the list it was tested with.
    await app.page.getByRole('button', { name: 'Remove key' }).click();
    await expect.poll(() => options('Story model')).toEqual(['gemini-2.5-pro']);
  });

  it('says plainly when the key is rejected, without showing the key', async () => {
    await connect(mintFakeGoogleKey());
    const result = app.page.getByTestId('connection-result');
    await app.page.getByText(/Your Gemini API key was rejected/).waitFor();
    await expect(result.textContent()).resolves.not.toContain('AIzaWRONG');
  });

  it('refuses an endpoint that is not a URL and keeps the old one', async () => {
    await app.page.getByLabel(/^Endpoint/).fill('not a url');
    await app.page.getByRole('button', { name: 'Save endpoint' }).click();
    await app.page.getByText(/Enter a full address starting with https/).waitFor();
    await app.page.reload();
    await expect(app.page.getByLabel(/^Endpoint/).inputValue()).resolves.toBe('https://generativelanguage.googleapis.com');
  });
});
