/// <reference lib="webworker" />
import { getDb } from '../db/database';
import { loadSettings } from '../db/settings-repo';
import { notificationTarget, storyNotificationPath } from '../domain/notification-url';

declare let self: ServiceWorkerGlobalScope;

/**
 * When a story finishes and no window of the app is visible, tell the learner (if they allowed
 * notifications); a click opens the story (see the notificationclick handler in sw.ts).
 */
export async function notifyIfHidden(storyId: string): Promise<void> {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const settings = await loadSettings();
  if (!settings.notifyOnFinish) return;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  if (windows.some((w) => w.visibilityState === 'visible')) return;
  const story = await getDb().storySummaries.get(storyId);
  if (!story) return;
  await self.registration.showNotification('Your story is ready', {
    body: `${story.titleJP}${story.titleEN ? ` — ${story.titleEN}` : ''}`,
    icon: '/icons/icon-192.png',
    tag: `story-${storyId}`,
    data: { url: storyNotificationPath(storyId) },
  });
}

/**
 * Focuses an open window on the notification's page, or opens one. `rawUrl` is the notification's
 * `data.url`, checked here (src/domain/notification-url.ts): only a page of this app on this
 * origin, within the worker's scope, is opened; anything else opens the home page.
 */
export async function openFromNotification(rawUrl: unknown): Promise<void> {
  const url = notificationTarget(rawUrl, self.location.origin, new URL(self.registration.scope).pathname);
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const existing = windows[0];
  if (existing) {
    await existing.navigate(url);
    await existing.focus();
    return;
  }
  await self.clients.openWindow(url);
}
