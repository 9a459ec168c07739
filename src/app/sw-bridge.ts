import { Workbox } from 'workbox-window';
import { type AppMessage, MESSAGE_TYPES, type MessageType } from '../domain/messages';

/**
 * The page's only door to the service worker (registration, update prompt, typed messages).
 * A new version never takes over silently: when one is waiting, `UPDATE_AVAILABLE` fires and the
 * learner chooses "Reload to update".
 */
export const UPDATE_AVAILABLE = 'nm-update-available';

let workbox: Workbox | undefined;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  workbox = new Workbox('/sw.js', { scope: '/' });
  workbox.addEventListener('waiting', () => window.dispatchEvent(new Event(UPDATE_AVAILABLE)));
  void workbox.register().catch((error: unknown) => {
    console.warn('Service worker registration failed; the app works online only.', error);
  });
}

/** Lets the waiting worker take over, then reloads once it controls the page. */
export async function applyUpdate(): Promise<void> {
  const registration = await navigator.serviceWorker?.getRegistration();
  if (!registration?.waiting) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
  const message: AppMessage = { type: MESSAGE_TYPES.skipWaiting, version: __APP_VERSION__ };
  registration.waiting.postMessage(message);
}

export function postToWorker(type: MessageType, extra: Omit<AppMessage, 'type' | 'version'> = {}): boolean {
  const controller = navigator.serviceWorker?.controller;
  if (!controller) return false;
  const message: AppMessage = { type, version: __APP_VERSION__, ...extra };
  controller.postMessage(message);
  return true;
}

export async function serviceWorkerState(): Promise<string> {
  if (!('serviceWorker' in navigator)) return 'not supported by this browser';
  const reg = await navigator.serviceWorker.getRegistration();
  if (!reg) return 'not registered';
  if (reg.waiting) return 'update waiting';
  if (reg.active) return navigator.serviceWorker.controller ? 'active, controlling this page' : 'active';
  return reg.installing ? 'installing' : 'unknown';
}
