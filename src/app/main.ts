// First: zod must be told not to use eval before any schema module runs (see no-eval.ts).
import '../domain/no-eval';
import { getDb } from '../db/database';
import { loadSettings } from '../db/settings-repo';
import { installPageErrorHandlers } from './error-handlers';
import { pageShown, whenPageShown, yieldToMain } from './first-paint';
import { watchInstallPrompt } from './install-prompt';
import { interceptLinks, parseRoute } from './router';
import { prefetchSamples, seedSampleWordsOnce, seedSamplesOnce } from './seed';
import { registerServiceWorker } from './sw-bridge';
import { startSyncIfConfigured } from './sync-boot';
import { applyAppearance, applyRememberedAppearance } from './theme';

/** The routes whose page says when its content is on screen (first-paint.ts); others do not wait. */
const ROUTES_THAT_SAY_SHOWN = new Set(['home', 'library', 'story']);

/**
 * Page bootstrap: appearance first (no flash of the wrong theme), then the shell, then background
 * chores once the page's content is on screen, one at a time so none of them holds the main thread
 * while the learner starts reading. A newer version of the app in another tab upgrading the
 * database closes ours: reload so this tab runs the same code as the schema.
 */
async function start(): Promise<void> {
  // The saved theme before anything waits on storage; the settings read below confirms or corrects it.
  applyRememberedAppearance();
  interceptLinks();
  watchInstallPrompt();
  // The Reader restores positions itself, after its story has loaded; the browser's guess comes too early.
  history.scrollRestoration = 'manual';
  const route = parseRoute(location.pathname);
  prefetchSamples({ words: route.name === 'story' });
  const db = getDb();
  db.on('versionchange', () => {
    db.close();
    window.location.reload();
    return false;
  });
  // Fetch the shell and the current page's code while storage opens: they do not depend on it.
  const shell = import('../ui/app-shell');
  if (route.name !== 'home') void shell.then((m) => m.PAGE_LOADERS[route.name]()).catch(() => undefined);
  const settings = await loadSettings();
  applyAppearance(settings);
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', () => void loadSettings().then(applyAppearance));
  // Samples go in before the shell renders, so a first visit never flashes an empty library; a
  // sample opened directly gets its words first too, so the Reader draws its sentences once.
  await seedSamplesOnce();
  if (route.name === 'story') await seedSampleWords();
  (await shell).defineAppShell();
  // Not held back: the browser offers "Install app" once the worker is there, and that button
  // arriving after the header painted would move the header (workbox waits for `load` anyway).
  registerServiceWorker();
  if (!ROUTES_THAT_SAY_SHOWN.has(route.name)) pageShown();
  await whenPageShown();
  void seedSampleWords();
  await yieldToMain();
  const { watchQueue } = await import('./queue-client');
  watchQueue();
  await yieldToMain();
  startSyncIfConfigured(settings);
}

async function seedSampleWords(): Promise<void> {
  await seedSampleWordsOnce().catch((error: unknown) => console.warn('Could not store the samples’ words', error));
}

installPageErrorHandlers();
void start().catch((error: unknown) => {
  console.error('Nihongo Monogatari could not start', error);
  document.body.insertAdjacentHTML(
    'afterbegin',
    '<p role="alert" style="padding:1rem">The app could not open its storage. If you are in a private window or storage is full, free some space or use a normal window, then reload.</p>',
  );
});
