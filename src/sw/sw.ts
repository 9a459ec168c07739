/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { isAppMessage, MESSAGE_TYPES } from '../domain/messages';
import { SYNC_TAG } from '../jobs/constants';
import { SYNC_OUTBOX_TAG } from '../sync/constants';
import { drainFromWorker, MESSAGE_CLAIM_BUDGET_MS, needsBrowserRetry, SYNC_CLAIM_BUDGET_MS } from './drain';
import { openFromNotification } from './notify';
import { onOutboxSync, pushAfter } from './sync-outbox';

declare let self: ServiceWorkerGlobalScope;

// The app shell: every built asset, so any app URL opens offline after the first visit.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every app URL (/library, /story/<id>, …) is the same single page; the router takes it from there.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html')));

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}

self.addEventListener('message', (event) => {
  if (!isAppMessage(event.data)) return;
  if (event.data.type === MESSAGE_TYPES.skipWaiting) void self.skipWaiting();
  if (event.data.type === MESSAGE_TYPES.drainQueue) event.waitUntil(pushAfter(drainFromWorker(MESSAGE_CLAIM_BUDGET_MS)));
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

self.addEventListener('activate', (event) => {
  // Take control of pages opened before the first install, then pick up any work left behind
  // (a previous worker may have been stopped mid-job; its lease expires and the job resumes).
  event.waitUntil(self.clients.claim().then(() => pushAfter(drainFromWorker(SYNC_CLAIM_BUDGET_MS))));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data as { url?: unknown } | null;
  const url = typeof data?.url === 'string' && data.url.startsWith('/') ? data.url : '/';
  event.waitUntil(openFromNotification(url));
});
