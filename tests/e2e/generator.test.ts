import { describe, expect, it } from 'vitest';
import { allTopics, loadTopics } from '../../src/domain/topics';
import { useE2eApp } from '../support/e2e-app';
import { seriousA11yViolations, waitForServiceWorker } from '../support/e2e-helpers';
import { openQueueWithGemini } from '../support/e2e-jobs';

/** The generator at 360 px: the topic list as a precached asset loaded on the first draw, and extras that do not stick. */
const app = useE2eApp({ viewport: { width: 360, height: 800 }, gemini: true });

const dialog = () => app.page.getByRole('dialog', { name: 'New story' });
/** Whether the page has fetched the topic list's chunk (from the network or the worker's cache). */
const topicsFetched = () =>
  app.page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/assets\/topics-[^/]*\.js$/.test(e.name)));

/** Violations of the generator itself (axe names shadow hosts in each node's target path). */
function inGenerator<T extends { nodes: { target: unknown }[] }>(violations: T[]): T[] {
  return violations.filter((v) => v.nodes.some((n) => JSON.stringify(n.target).includes('nm-generator-dialog')));
}

describe('the generator', () => {
  it('loads the topic list on the first "Random topic", not before, and draws from it offline', async () => {
    await app.page.goto(`${app.server.url}/`);
    await waitForServiceWorker(app.page);
    await app.context.setOffline(true);
    await app.page.goto(`${app.server.url}/queue`);
    await app.page.getByRole('button', { name: 'New story' }).click();
    await dialog().waitFor();
    expect(await topicsFetched()).toBe(false);

    await dialog().getByRole('button', { name: 'Random topic' }).click();
    const topic = dialog().getByLabel('Topic', { exact: true });
    await expect.poll(() => topic.inputValue()).not.toBe('');
    expect(allTopics(await loadTopics())).toContain(await topic.inputValue());
    await dialog().getByRole('status').filter({ hasText: `Topic: ${await topic.inputValue()}` }).waitFor();
    expect(await topicsFetched()).toBe(true);
    // Pressed again, it draws another one: the list is there, offline.
    const first = await topic.inputValue();
    await dialog().getByRole('button', { name: 'Random topic' }).click();
    await expect.poll(() => topic.inputValue()).not.toBe(first);
  });

  it('"Also narrate" asked for one story is not ticked for the next one, unless remembered', async () => {
    await openQueueWithGemini(app);
    await app.page.getByRole('button', { name: 'New story' }).click();
    const narrate = dialog().getByLabel('Also narrate it (audio)');
    await narrate.check();
    expect(await seriousA11yViolations(app.page)).toEqual([]);
    await dialog().getByLabel('Topic', { exact: true }).fill('A walk by the sea');
    await dialog().getByRole('button', { name: 'Create story' }).click();
    await app.page.getByText('Story: A walk by the sea').first().waitFor();
    await app.page.getByRole('button', { name: 'New story' }).click();
    await dialog().waitFor();
    expect(await narrate.isChecked()).toBe(false);

    await narrate.check();
    await dialog().getByLabel('Remember for next time').check();
    await dialog().getByLabel('Topic', { exact: true }).fill('A walk in the hills');
    await dialog().getByRole('button', { name: 'Create story' }).click();
    await app.page.getByText('Story: A walk in the hills').first().waitFor();
    await app.page.reload();
    await app.page.getByRole('button', { name: 'New story' }).click();
    await dialog().waitFor();
    expect(await narrate.isChecked()).toBe(true);
    // The rows behind the dialog belong to the Queue page, checked by its own tests.
    expect(inGenerator(await seriousA11yViolations(app.page))).toEqual([]);
  });
});
