import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Story } from '../../src/domain/story';
import { useE2eApp } from '../support/e2e-app';
import { seriousA11yViolations, waitForServiceWorker } from '../support/e2e-helpers';
import { configureGemini, readAll, requestStory } from '../support/e2e-jobs';
import { STORY_N5 } from '../support/fake-gemini';
import { createTestClient } from '../support/supabase';
import { PASSWORD } from '../support/sync-devices';
import { waitUntil } from '../support/wait-until';

/**
 * Sync in Chromium: browser profiles stand for devices, the Supabase double (emptied before each test)
 * for the learner's project, the fake Gemini server for Google. Everything is set up through the
 * Settings page as a learner would.
 */
const app = useE2eApp({ gemini: true, supabase: true });

/** A new device: its own browser context, the app open and its worker in control. */
async function device(): Promise<Page> {
  const page = await app.newPage();
  await page.goto(`${app.server.url}/queue`);
  await page.getByRole('heading', { name: 'Queue' }).waitFor();
  await waitForServiceWorker(page);
  await configureGemini(page, app.gemini.url, app.gemini.apiKey);
  return page;
}

/** Settings → Sync: the project, then an account (new or existing). */
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
  await page.getByTestId('sync-status').waitFor();
  await page.getByTestId('last-sync').filter({ hasNotText: 'never' }).waitFor();
}

async function syncNow(page: Page): Promise<void> {
  if (!page.url().endsWith('/settings')) await page.goto(`${app.server.url}/settings`);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByText('Synced.').waitFor();
}

const serverStories = (email: string) => app.supabase.serverStories(email);
const generated = async (page: Page) => (await readAll<Story>(page, 'stories')).filter((s) => s.source === 'generated');

describe('two devices of one learner, and a second learner', () => {
  it('a story made on A appears on B; a deletion on A reaches B; another learner sees none of it', async () => {
    const a = await device();
    await connect(a, 'aki@example.test', 'Create account');
    expect(await seriousA11yViolations(a)).toEqual([]);
    // Sign-up names the app as where the confirmation link leads (GoTrue's redirect_to).
    const signup = app.supabase.front.requests.find((r) => r.path === '/auth/v1/signup');
    expect(signup?.query).toContainEqual(['redirect_to', new URL(app.server.url).origin]);
    await requestStory(a, 'a morning in the park');
    await a.getByRole('link', { name: /^Read Story:/ }).waitFor({ timeout: 20_000 });
    await waitUntil(async () => (await serverStories('aki@example.test')).length === 1, { timeoutMs: 15_000, what: 'the story to reach the project' });
    const [story] = await generated(a);

    const b = await device();
    await connect(b, 'aki@example.test', 'Sign in');
    await b.goto(`${app.server.url}/library`);
    await b.getByRole('link', { name: new RegExp(STORY_N5.titleJP) }).waitFor({ timeout: 10_000 });
    expect((await generated(b)).map((s) => s.id)).toEqual([story!.id]);
    // It came without audio or pictures: the Reader offers to make them here.
    await b.goto(`${app.server.url}/story/${story!.id}`);
    await b.getByRole('button', { name: /^Narrate this story/ }).waitFor({ timeout: 10_000 });

    await a.goto(`${app.server.url}/story/${story!.id}`);
    await a.getByRole('button', { name: 'Delete story' }).click();
    await a.getByRole('heading', { name: 'Library' }).waitFor();
    await syncNow(a);
    expect(await serverStories('aki@example.test')).toEqual([{ id: story!.id, deleted: true }]);
    // B opens the app again: the sync on load removes the story there too.
    await b.goto(`${app.server.url}/library`);
    await waitUntil(async () => (await generated(b)).length === 0, { what: 'the deletion to reach B' });

    const c = await device();
    await connect(c, 'chika@example.test', 'Create account');
    await syncNow(c);
    expect(await generated(c)).toEqual([]);
    const other = createTestClient(app.supabase.front);
    await other.auth.signInWithPassword({ email: 'chika@example.test', password: PASSWORD });
    expect((await other.from('stories').select('id')).data).toEqual([]);

    // Signing out asks what to do with the library on this device.
    await b.goto(`${app.server.url}/settings`);
    await b.getByRole('button', { name: 'Sign out…' }).click();
    await b.getByRole('dialog', { name: /Sign out of aki@example.test/ }).waitFor();
    await b.getByRole('button', { name: 'Keep library and sign out' }).click();
    await b.getByText('Signed out. Your library stays on this device.').waitFor();
    await b.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
  }, 120_000);
});

describe('the service worker pushes with no tab open', () => {
  it('a story finished after the tab closed reaches the project, even with an expired access token', async () => {
    const page = await device();
    await connect(page, 'sora@example.test', 'Create account');
    const { front } = app.supabase;
    app.gemini.setLatency(3000);
    await requestStory(page, 'the last train home');
    await app.gemini.waitForCalls(1, 'stream', 10_000);
    await page.close();
    front.expireIssuedTokens();
    front.requests.length = 0;
    await waitUntil(async () => (await serverStories('sora@example.test')).length === 1, { timeoutMs: 30_000, what: 'the worker to push the story' });
    const refreshes = front.requests.filter((r) => r.path === '/auth/v1/token' && r.status === 200);
    expect(refreshes).toHaveLength(1);
    expect(front.requests.some((r) => r.path === '/rest/v1/stories' && r.status === 401)).toBe(true);
  }, 90_000);
});

describe('a project that rate-limits token refreshes', () => {
  it('Settings says the refresh is being retried, and the learner stays signed in and synced', async () => {
    const page = await device();
    await connect(page, 'mio@example.test', 'Create account');
    const { front } = app.supabase;
    // The server ends the access token early (the device still thinks it good), then refuses two refreshes.
    front.expireIssuedTokens();
    front.failNext(2, 429, { pathPrefix: '/auth/v1/token' });
    front.requests.length = 0;
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByTestId('refresh-wait').filter({ hasText: /Supabase is limiting sign-in requests; retrying .*You are still signed in\./ }).waitFor();
    await page.getByText('Synced.').waitFor({ timeout: 20_000 });
    await page.getByTestId('refresh-wait').waitFor({ state: 'detached' });
    expect(front.requests.filter((r) => r.path === '/auth/v1/token').map((r) => r.status)).toEqual([429, 429, 200]);
    expect(await page.getByRole('button', { name: 'Sign in', exact: true }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 90_000);
});

describe('a session the project ended while the device still holds it', () => {
  it('asks to sign in again (not only an error line), and signing in syncs again', async () => {
    const page = await device();
    await connect(page, 'rin@example.test', 'Create account');
    const { front } = app.supabase;
    // Signed out everywhere from another device: the refresh token is gone, the local session is not.
    const other = createTestClient(front);
    await other.auth.signInWithPassword({ email: 'rin@example.test', password: PASSWORD });
    await other.auth.signOut({ scope: 'global' });
    front.expireIssuedTokens();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByTestId('sign-in-again').waitFor();
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByTestId('sign-in-again').waitFor({ state: 'detached' });
    await syncNow(page);
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 90_000);
});
