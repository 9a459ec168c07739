import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DB_NAME } from '../../src/db/names';
import type { Annotation } from '../../src/domain/annotations';
import type { Story } from '../../src/domain/story';
import { useE2eApp } from '../support/e2e-app';
import { waitForServiceWorker } from '../support/e2e-helpers';
import { configureGemini, readAll, requestStory } from '../support/e2e-jobs';
import { createTestClient } from '../support/supabase';
import { PASSWORD } from '../support/sync-devices';
import { waitUntil } from '../support/wait-until';

/**
 * A story's words and grammar notes (issue 13) follow the learner in Chromium: browser profiles
 * stand for devices, the Supabase double for the project, everything set up through Settings.
 */
const app = useE2eApp({ gemini: true, supabase: true });

async function device(): Promise<Page> {
  const page = await app.newPage();
  await page.goto(`${app.server.url}/queue`);
  await page.getByRole('heading', { name: 'Queue' }).waitFor();
  await waitForServiceWorker(page);
  await configureGemini(page, app.gemini.url, app.gemini.apiKey);
  return page;
}

async function connect(page: Page, email: string, action: 'Create account' | 'Sign in'): Promise<void> {
  await page.goto(`${app.server.url}/settings`);
  await page.getByRole('heading', { name: 'Sync with Supabase' }).waitFor();
  await page.getByLabel('Supabase project URL').fill(app.supabase.front.url);
  await page.getByLabel('Supabase anon key').fill(app.supabase.front.anonKey);
  await page.getByRole('button', { name: 'Save project' }).click();
  await page.getByText('Project saved').waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: action, exact: true }).click();
  await page.getByTestId('last-sync').filter({ hasNotText: 'never' }).waitFor();
}

/** Stores an explain job's note the way the job leaves it: a row of its own in `annotations`. */
function storeNote(page: Page, annotation: Annotation): Promise<void> {
  return page.evaluate(
    ({ name, annotation }) =>
      new Promise<void>((ok, fail) => {
        const open = indexedDB.open(name);
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('annotations', 'readwrite');
          tx.objectStore('annotations').put(annotation);
          tx.oncomplete = () => {
            open.result.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    { name: DB_NAME, annotation },
  );
}

async function serverWords(email: string): Promise<unknown[]> {
  const client = createTestClient(app.supabase.front);
  await client.auth.signInWithPassword({ email, password: PASSWORD });
  return (await client.from('annotations').select('story_id, content')).data ?? [];
}

describe('word details between two devices', () => {
  it('a grammar note made on A before sign-in appears on B; another learner reads none of it', async () => {
    const a = await device();
    await requestStory(a, 'a morning in the park');
    await a.getByRole('link', { name: /^Read Story:/ }).waitFor({ timeout: 20_000 });
    const [story] = (await readAll<Story>(a, 'stories')).filter((s) => s.source === 'generated');
    const note = { text: 'は marks the topic: “as for this morning…”.', updatedAt: Date.now() };
    const annotation: Annotation = { storyId: story!.id, segments: story!.content.map(() => null), explanations: { 0: note }, updatedAt: note.updatedAt };
    await storeNote(a, annotation);

    // Signing up sends the whole library: the story, then its words.
    await connect(a, 'aki@example.test', 'Create account');
    await waitUntil(async () => (await serverWords('aki@example.test')).length === 1, { timeoutMs: 15_000, what: 'the words to reach the project' });

    const b = await device();
    await connect(b, 'aki@example.test', 'Sign in');
    await waitUntil(async () => (await readAll<Annotation>(b, 'annotations')).some((w) => w.storyId === story!.id), { what: 'the words to reach B' });
    const [onB] = (await readAll<Annotation>(b, 'annotations')).filter((w) => w.storyId === story!.id);
    expect(onB?.explanations).toEqual({ 0: note });

    const c = await device();
    await connect(c, 'chika@example.test', 'Create account');
    expect(await serverWords('chika@example.test')).toEqual([]);
  }, 120_000);
});
