import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SAMPLE_ANNOTATIONS } from '../../src/domain/samples/sample-annotations';
import { SAMPLE_N5 } from '../../src/domain/samples/sample-n5';
import type { WordEntry } from '../../src/domain/words';
import { storyWordList } from '../../src/domain/words-coverage';
import { useE2eApp } from '../support/e2e-app';
import { waitForServiceWorker } from '../support/e2e-helpers';
import { readAll } from '../support/e2e-jobs';
import { putRows } from '../support/e2e-rows';
import { createTestClient } from '../support/supabase';
import { PASSWORD } from '../support/sync-devices';
import { waitUntil } from '../support/wait-until';

/**
 * What the learner knows (issue 14) follows them in Chromium at phone width: browser profiles stand
 * for devices, the Supabase double for the project, sync set up through Settings. The words are
 * those of a bundled sample, which every device has, so B's Library card shows the difference.
 */
const app = useE2eApp({ supabase: true, viewport: { width: 360, height: 740 } });

const sampleWords = storyWordList(SAMPLE_ANNOTATIONS.find((a) => a.storyId === SAMPLE_N5.id)!);

async function device(): Promise<Page> {
  const page = await app.newPage();
  await page.goto(`${app.server.url}/library`);
  await page.getByRole('heading', { name: 'Library' }).waitFor();
  await waitForServiceWorker(page);
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

/** The Library card of the N5 sample, as the learner reads it. */
async function sampleCard(page: Page) {
  await page.goto(`${app.server.url}/library`);
  const library = page.locator('nm-library-page');
  await library.getByRole('status').filter({ hasText: 'stories' }).waitFor();
  return library.locator(`li.story[data-story-id="${SAMPLE_N5.id}"]`);
}

async function serverWordKeys(email: string): Promise<string[]> {
  const client = createTestClient(app.supabase.front);
  await client.auth.signInWithPassword({ email, password: PASSWORD });
  return ((await client.from('words').select('key')).data ?? []).map((row: { key: string }) => row.key);
}

describe('the words a learner knows between two devices', () => {
  it('words known on A before sign-in reach B, whose Library card counts them as known', async () => {
    const a = await device();
    // Every word of the N5 sample known but one, as the Reader's words store keeps them.
    const at = Date.now();
    const known: WordEntry[] = sampleWords.keys.slice(1).map((key) => {
      const [base = key, reading = ''] = key.split('|');
      return { key, base, reading, state: 'known', firstSeen: { storyId: SAMPLE_N5.id, segment: 0, at }, updatedAt: at };
    });
    await putRows(a, 'words', known);
    await (await sampleCard(a)).getByText(/^1 new word · 9\d % known$/).waitFor();

    const b = await device();
    await (await sampleCard(b)).getByText(`${sampleWords.keys.length} new words · 0 % known`).waitFor();

    await connect(a, 'aki@example.test', 'Create account');
    await waitUntil(async () => (await serverWordKeys('aki@example.test')).length === known.length, { timeoutMs: 15_000, what: 'the words to reach the project' });
    await connect(b, 'aki@example.test', 'Sign in');
    await waitUntil(async () => (await readAll<WordEntry>(b, 'words')).length === known.length, { what: 'the words to reach B' });
    await (await sampleCard(b)).getByText(/^1 new word · 9\d % known$/).waitFor();

    // Another learner's device pulls none of them.
    const c = await device();
    await connect(c, 'chika@example.test', 'Create account');
    expect(await readAll<WordEntry>(c, 'words')).toEqual([]);
  }, 120_000);
});
