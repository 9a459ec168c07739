/// <reference lib="webworker" />
import { getDb } from '../db/database';
import { loadSettings } from '../db/settings-repo';

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
    data: { url: `/story/${storyId}` },
  });
}

/** Focuses an open window on the story, or opens one. */
export async function openFromNotification(url: string): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const existing = windows[0];
  if (existing) {
    await existing.navigate(url);
    await existing.focus();
    return;
  }
  await self.clients.openWindow(url);
}
