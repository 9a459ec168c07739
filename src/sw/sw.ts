/// <reference lib="webworker" />
// First: zod must be told not to use eval before any schema module runs (see no-eval.ts).
import '../domain/no-eval';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { isAppMessage, MESSAGE_TYPES } from '../domain/worker-protocol';
import { SYNC_TAG } from '../jobs/constants';
import { SYNC_OUTBOX_TAG } from '../sync/constants';
import { installWorkerErrorHandlers } from './error-handlers';
import { drainFromWorker, needsBrowserRetry, SYNC_CLAIM_BUDGET_MS } from './drain';
import { drainUntilIdle, enqueueFromPage } from './enqueue-from-page';
import { openFromNotification } from './notify';
import { isOutdated, notePeer } from './peers';
import { onOutboxSync, pushAfter } from './sync-outbox';
import { takeOverWhenIdle } from './take-over';

declare let self: ServiceWorkerGlobalScope;

installWorkerErrorHandlers();

// The app shell: every built asset, so any app URL opens offline after the first visit.
// `/` is not taken as `/index.html` (directoryIndex): index.html holds a first visit's Home, and a
// returning learner's Home is drawn from storage, so it falls to the navigation route below.
precacheAndRoute(self.__WB_MANIFEST, { directoryIndex: '' });
cleanupOutdatedCaches();

// Every app URL (/library, /story/<id>, `/` too) is the same single page, app.html, without the
// first visit's Home (scripts/build/prerender-shell.ts); the router takes it from there.
// robots.txt is a file for crawlers, not an app URL: the host answers it, as text.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/app.html'), { denylist: [/^\/robots\.txt$/] }));

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}

self.addEventListener('message', (event) => {
  if (!isAppMessage(event.data)) return;
  notePeer(event.data);
  if (event.data.type === MESSAGE_TYPES.skipWaiting) event.waitUntil(takeOverWhenIdle());
  // An outdated worker leaves the queue to the newer code (its runner would stop at once anyway).
  if (event.data.type === MESSAGE_TYPES.drainQueue && !isOutdated()) event.waitUntil(pushAfter(drainUntilIdle()));
  // Written even by an outdated worker: rows keep their writer's version, so no old code runs them.
  if (event.data.type === MESSAGE_TYPES.enqueueJobs) event.waitUntil(pushAfter(enqueueFromPage(event.data)));
});

self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag === SYNC_OUTBOX_TAG) {
    sync.waitUntil(onOutboxSync(sync.lastChance));
    return;
  }
  if (sync.tag !== SYNC_TAG) return;
  sync.waitUntil(
    (async () => {
      const result = await pushAfter(drainFromWorker(SYNC_CLAIM_BUDGET_MS));
      if (!sync.lastChance && (await needsBrowserRetry(result))) {
        // Deliberate: a failed sync event is retried by the browser, even with no tab open.
        throw new Error(`${result.remaining} job(s) still waiting; asking the browser to retry this sync later.`);
      }
    })(),
  );
});

self.addEventListener('periodicsync', (event) => {
  const periodic = event as SyncEvent;
  if (periodic.tag === SYNC_TAG) periodic.waitUntil(drainFromWorker(SYNC_CLAIM_BUDGET_MS));
});

/** Asks the browser for a sync event to drain in (with no window it is refused: pages ask on load). */
async function requestDrainEvent(): Promise<void> {
  await self.registration.sync?.register(SYNC_TAG).catch(() => undefined);
}

self.addEventListener('activate', (event) => {
  // Take control of pages opened before the first install, then pick up any work left behind
  // (a previous worker may have been stopped mid-job; its lease expires and the job resumes).
  // The drain is its own event, not part of activate: until activate settles the browser holds every
  // fetch, so the tabs reloading into this version would show nothing while a story is written. Not
  // awaited either: a sync registration made while activating may wait for the activation itself.
  event.waitUntil(self.clients.claim());
  void requestDrainEvent();
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data as { url?: unknown } | null;
  // Checked against this app's origin and scope in openFromNotification, not by its first character.
  event.waitUntil(openFromNotification(data?.url));
});
