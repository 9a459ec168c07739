// First: zod must be told not to use eval before any schema module runs (see no-eval.ts).
import '../domain/no-eval';
import type { Settings } from '../domain/settings';
import { settingsFromStored } from '../domain/default-settings';
import { codeDidNotLoad } from './code-download';
import { installPageErrorHandlers } from './error-handlers';
import { keepFirstLook, lookBeforeStorage } from './first-look';
import { pageShown, whenPageShown, yieldToMain } from './first-paint';
import { watchInstallPrompt } from './install-prompt';
import { linkManifest } from './manifest-link';
import { interceptLinks, parseRoute } from './router';
import { loadSamples, prefetchSamples } from './sample-prefetch';
import { holdLiveQueries } from './storage-ready';
import { startSyncIfConfigured } from './sync-boot';
import { applyAppearance, applyRememberedAppearance } from './theme';

/** The routes whose page says when its content is on screen (first-paint.ts); others do not wait. */
const ROUTES_THAT_SAY_SHOWN = new Set(['home', 'library', 'story']);

const loadStorageBoot = () => import('./storage-boot');

/** The worker's bridge (workbox-window) is not needed to paint: it loads beside the first screen. */
function registerServiceWorker(): void {
  import('./sw-bridge')
    .then((bridge) => bridge.registerServiceWorker())
    .catch((error: unknown) => console.warn('Service worker registration failed; the app works online only.', error));
}

/**
 * Page bootstrap: appearance first (no flash of the wrong theme), then the shell, then background
 * chores once the page's content is on screen, one at a time so none of them holds the main thread
 * while the learner starts reading.
 *
 * Home, the first route, draws before Dexie has downloaded: from a plain-IndexedDB look at the
 * learner's library, or on a first visit from the samples about to be stored (first-look.ts).
 * Storage opens right after that paint, and Home's live queries wait for it (storage-ready.ts).
 * Every other route opens storage first, as its page reads through Dexie anyway.
 */
async function start(): Promise<void> {
  const storageOpening = holdLiveQueries();
  // The saved theme before anything waits on storage; the settings read below confirms or corrects it.
  applyRememberedAppearance();
  interceptLinks();
  watchInstallPrompt();
  // The Reader restores positions itself, after its story has loaded; the browser's guess comes too early.
  history.scrollRestoration = 'manual';
  const route = parseRoute(location.pathname);
  prefetchSamples({ words: route.name === 'story' });
  // Fetch the shell and the current page's code while storage opens: they do not depend on it.
  const shell = import('../ui/app-shell');
  if (route.name !== 'home') void shell.then((m) => m.PAGE_LOADERS[route.name]()).catch(() => undefined);
  const look = route.name === 'home' ? await lookBeforeStorage(loadSamples) : null;
  let settings: Settings;
  if (look) {
    applyAppearance(settingsFromStored(look.settings));
    keepFirstLook(look);
    const { defineAppShell, loadFailedJobs } = await shell;
    // Not fatal: Home then draws without the list, and loads it again itself (home-page.ts).
    if (look.home.failed.length > 0) await loadFailedJobs().catch(() => undefined);
    defineAppShell();
    // Storage opens once Home is on screen; Home's live queries, subscribed as it drew, wait for it.
    await whenPageShown();
    const opening = loadStorageBoot().then((boot) => boot.openStorage({ sampleWordsFirst: false }));
    storageOpening(opening);
    settings = await opening;
  } else {
    const opening = loadStorageBoot().then((boot) => boot.openStorage({ sampleWordsFirst: route.name === 'story' }));
    storageOpening(opening);
    settings = await opening;
    (await shell).defineAppShell();
    if (!ROUTES_THAT_SAY_SHOWN.has(route.name)) pageShown();
    await whenPageShown();
  }
  // After the content's paint, its bridge's download and the registration do not compete with it.
  // ("Install app", which the worker makes possible, sits in the footer: arriving late moves nothing.)
  registerServiceWorker();
  linkManifest();
  void loadStorageBoot().then((boot) => boot.seedSampleWords());
  await yieldToMain();
  const { watchQueue } = await import('./queue-client');
  watchQueue();
  await yieldToMain();
  startSyncIfConfigured(settings);
}

installPageErrorHandlers();
void start().catch((error: unknown) => {
  console.error('Nihongo Monogatari could not start', error);
  const message = codeDidNotLoad(error)
    ? "The app's code did not finish downloading. Check your connection, then reload."
    : 'The app could not open its storage. If you are in a private window or storage is full, free some space or use a normal window, then reload.';
  const alert = document.createElement('p');
  alert.setAttribute('role', 'alert');
  alert.style.padding = '1rem';
  alert.textContent = message;
  document.body.prepend(alert);
});
