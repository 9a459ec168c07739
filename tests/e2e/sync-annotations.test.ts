import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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

/** The first sentence's first word in the Reader, and its popover (word-popover.test.ts has more). */
async function openFirstWord(page: Page, storyId: string): Promise<ReturnType<Page['getByRole']>> {
  await page.goto(`${app.server.url}/story/${storyId}`);
  const first = page.locator('ol.segments > li[data-index="0"] .word').first();
  await first.click();
  return page.getByRole('dialog');
}

async function serverWords(email: string): Promise<unknown[]> {
  const client = createTestClient(app.supabase.front);
  await client.auth.signInWithPassword({ email, password: PASSWORD });
  return (await client.from('annotations').select('story_id, content')).data ?? [];
}

describe('word details between two devices', () => {
  it('a grammar note asked for on A before sign-in opens on B from the popover; another learner reads none of it', async () => {
    const a = await device();
    await requestStory(a, 'a morning in the park');
    await a.getByRole('link', { name: /^Read Story:/ }).waitFor({ timeout: 20_000 });
    const [story] = (await readAll<Story>(a, 'stories')).filter((s) => s.source === 'generated');
    // A asks for a grammar note through the popover: the explain job answers through the fake.
    const onA = await openFirstWord(a, story!.id);
    await onA.getByRole('button', { name: 'Explain this sentence' }).click();
    await onA.getByText('is a plain statement in the polite style').waitFor();

    // Signing up sends the whole library: the story, then its words.
    await connect(a, 'aki@example.test', 'Create account');
    await waitUntil(async () => (await serverWords('aki@example.test')).length === 1, { timeoutMs: 15_000, what: 'the words to reach the project' });

    const b = await device();
    await connect(b, 'aki@example.test', 'Sign in');
    await waitUntil(async () => (await readAll<Annotation>(b, 'annotations')).some((w) => w.storyId === story!.id), { what: 'the words to reach B' });
    // On B the note opens from the popover, with no request of B's own.
    const explainCalls = app.gemini.calls.length;
    const onB = await openFirstWord(b, story!.id);
    await onB.getByText('is a plain statement in the polite style').waitFor();
    expect(await onB.getByRole('button', { name: 'Explain this sentence' }).count()).toBe(0);
    expect(app.gemini.calls.length).toBe(explainCalls);

    const c = await device();
    await connect(c, 'chika@example.test', 'Create account');
    expect(await serverWords('chika@example.test')).toEqual([]);
  }, 120_000);
});
