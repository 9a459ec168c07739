import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toSummary } from '../../src/domain/summary';
import { useE2eApp } from '../support/e2e-app';
import { seriousA11yViolations } from '../support/e2e-helpers';
import { seedLibrary } from '../support/e2e-seed';
import { makeStory, storyId } from '../support/fixtures/library';
import { PASSWORD } from '../support/sync-devices';

/**
 * A hosted project on a bad day, seen in Chromium through Settings: a gateway whose 413 carries no
 * CORS headers (the page gets no answer at all, only a browser shows that), and a project that
 * refuses the sync for a reason that is no row's fault.
 */
const app = useE2eApp({ supabase: true });

/** 15 000 characters of Japanese: 45 000 bytes as sent. */
const big = makeStory(2, { content: Array.from({ length: 10 }, () => ({ jp: '雨'.repeat(1500), readings: [], en: '', vocab: [] })) });
const library = [makeStory(1), big];

/** Opens Settings on a new device whose library already holds `library`, then creates an account. */
async function signUpWithLibrary(email: string): Promise<Page> {
  const page = await app.newPage();
  await page.goto(`${app.server.url}/settings`);
  await page.getByRole('heading', { name: 'Sync with Supabase' }).waitFor();
  await seedLibrary(page, library, library.map(toSummary));
  await page.getByLabel('Supabase project URL').fill(app.supabase.front.url);
  await page.getByLabel('Supabase anon key').fill(app.supabase.front.anonKey);
  await page.getByRole('button', { name: 'Save project' }).click();
  await page.getByText('Project saved').waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account', exact: true }).click();
  await page.getByTestId('sync-status').waitFor();
  return page;
}

describe('a hosted project on a bad day', () => {
  it('a story too large for a gateway whose 413 has no CORS headers is kept aside with the reason; the other arrives', async () => {
    app.supabase.front.limitBodies({ bytes: 20_000, cors: false });
    const page = await signUpWithLibrary('mai@example.test');
    const refused = page.locator('ul.rejected li');
    await refused.first().waitFor({ timeout: 30_000 });
    expect(await refused.allTextContents()).toEqual([expect.stringMatching(/^Story “雨の朝 2”: .*probably too large/)]);
    expect(await app.supabase.serverStories('mai@example.test')).toEqual([{ id: storyId(1), deleted: false }]);
    // The browser really got no answer: the front refused the body, the page saw status 0.
    expect(app.supabase.front.requests.some((r) => r.path === '/rest/v1/stories' && r.status === 413)).toBe(true);
    await expect.poll(() => page.getByTestId('pending').textContent()).toBe('0 changes');
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 90_000);

  it('a refusal that is no row’s fault keeps every change and says in Settings what to fix', async () => {
    app.supabase.front.failNext(20, 400, { pathPrefix: '/rest/v1/', code: 'PGRST100', message: 'failed to parse columns parameter' });
    const page = await signUpWithLibrary('nao@example.test');
    const error = page.getByTestId('sync-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toMatch(/not about one of your changes: check the project's tables match supabase\/migrations .*Your changes are kept/);
    expect(await page.getByTestId('pending').textContent()).toBe('2 changes');
    expect(await page.locator('ul.rejected').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 90_000);
});
