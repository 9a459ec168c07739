/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { isAppMessage, MESSAGE_TYPES } from '../domain/messages';

declare let self: ServiceWorkerGlobalScope;

// The app shell: every built asset, so any app URL opens offline after the first visit.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every app URL (/library, /story/<id>, …) is the same single page; the router takes it from there.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html')));

self.addEventListener('message', (event) => {
  if (!isAppMessage(event.data)) return;
  if (event.data.type === MESSAGE_TYPES.skipWaiting) void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  // Take control of pages opened before the first install, so they can talk to the worker at once.
  event.waitUntil(self.clients.claim());
});
