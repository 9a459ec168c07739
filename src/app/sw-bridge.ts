/// <reference path="../background-sync.d.ts" />
import { Workbox } from 'workbox-window';
import { type AppMessage, isAppMessage, MESSAGE_TYPES, type MessageType } from '../domain/worker-protocol';
import { SYNC_TAG } from '../jobs/constants';
import { SYNC_OUTBOX_TAG } from '../sync/constants';
import { UPDATE_AVAILABLE } from './update-event';

/**
 * The page's only door to the service worker: registration, the update prompt and reload, Background
 * Sync registrations, and typed messages both ways (src/domain/worker-protocol.ts). Nothing else in
 * the page touches `navigator.serviceWorker`.
 *
 * Versions: a new version never takes over silently. When one waits, `UPDATE_AVAILABLE` fires and the
 * learner chooses "Reload to update"; then the running worker is told to claim no new job, the waiting
 * one takes over once the job in hand is done (it waits for the runner lock, src/sw/take-over.ts), and
 * every open tab reloads on `controllerchange`, so none is left running code whose lazy chunks the
 * new worker's precache no longer holds.
 */

type WorkerListener = (message: AppMessage) => void;
const listeners = new Map<MessageType, Set<WorkerListener>>();
const reloadBlockers = new Set<() => Promise<unknown>>();
let outdated = false;
let started = false;

export function hasBackgroundSync(): boolean {
  return 'serviceWorker' in navigator && 'SyncManager' in window;
}

/** Periodic Background Sync: Chromium, installed app only; a bonus trigger, never the only one. */
export function hasPeriodicSync(): boolean {
  return 'serviceWorker' in navigator && 'PeriodicSyncManager' in window;
}

/** True once a new version took over (in this tab or another): this page claims no more jobs. */
export function isOutdated(): boolean {
  return outdated;
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || started) return;
  started = true;
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<unknown>) => receive(event.data));
  watchForTakeOver();
  const workbox = new Workbox('/sw.js', { scope: '/' });
  workbox.addEventListener('waiting', () => window.dispatchEvent(new Event(UPDATE_AVAILABLE)));
  void workbox.register().catch((error: unknown) => {
    console.warn('Service worker registration failed; the app works online only.', error);
  });
}

function receive(data: unknown): void {
  if (!isAppMessage(data)) return;
  for (const listener of listeners.get(data.type) ?? []) {
    try {
      listener(data);
    } catch (error) {
      console.warn(`A listener for ${data.type} failed`, error);
    }
  }
}

/** Subscribes to one type of worker → page message; returns the unsubscribe. */
export function onWorkerMessage(type: MessageType, listener: WorkerListener): () => void {
  const set = listeners.get(type) ?? new Set<WorkerListener>();
  listeners.set(type, set);
  set.add(listener);
  return () => set.delete(listener);
}

/** The reload after an update waits for these (a page runner finishing its paid call). */
export function holdReloadWhile(busy: () => Promise<unknown>): () => void {
  reloadBlockers.add(busy);
  return () => reloadBlockers.delete(busy);
}

/**
 * A controller change in a page that already had a controller means a new version took over (in
 * this tab or another): stop claiming, let the job in hand finish, reload. The first install's
 * `clients.claim()` also changes the controller, from none: that one is not an update.
 */
function watchForTakeOver(): void {
  let hadController = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!hadController) {
      hadController = true;
      return;
    }
    outdated = true;
    void reloadWhenIdle();
  });
}

/** Reloads the tab once what holds the reload (a page runner's paid call) has finished. */
export async function reloadWhenIdle(): Promise<void> {
  await Promise.allSettled([...reloadBlockers].map((busy) => busy()));
  window.location.reload();
}

/**
 * "Reset the app, keep my data": removes every service worker registration of this origin. The
 * running worker finishes what it holds and goes once no tab uses it; the next load registers the
 * current version afresh. @returns how many registrations were removed.
 */
export async function unregisterServiceWorkers(): Promise<number> {
  if (!('serviceWorker' in navigator)) return 0;
  const registrations = await navigator.serviceWorker.getRegistrations();
  const removed = await Promise.all(registrations.map((r) => r.unregister()));
  return removed.filter(Boolean).length;
}

function post(worker: ServiceWorker | null | undefined, type: MessageType, detail?: Record<string, unknown>): boolean {
  if (!worker) return false;
  const message: AppMessage = { type, version: __APP_VERSION__, ...(detail ? { detail } : {}) };
  worker.postMessage(message);
  return true;
}

/**
 * Posts to the worker controlling this page in the caller's own task (nothing is awaited first), so
 * the message is on its way before the tab can close. False when no worker controls the page yet.
 */
export function tellController(type: MessageType, detail?: Record<string, unknown>): boolean {
  if (!('serviceWorker' in navigator)) return false;
  return post(navigator.serviceWorker.controller, type, detail);
}

/** "Reload to update": the running worker stops claiming, the waiting one takes over when idle. */
export async function applyUpdate(): Promise<void> {
  const registration = await navigator.serviceWorker?.getRegistration();
  if (!registration?.waiting) return;
  post(registration.active, MESSAGE_TYPES.updateAccepted);
  post(registration.waiting, MESSAGE_TYPES.skipWaiting);
}

/**
 * Asks the worker to drain the queue: the Background Sync tag (the browser fires it now, or when
 * the network is back, even if the tab is closed by then) and a message (a stopped worker wakes).
 */
export async function askWorkerToDrain(): Promise<void> {
  const registration = await navigator.serviceWorker.ready;
  try {
    await registration.sync.register(SYNC_TAG);
  } catch (error) {
    console.warn('Background Sync registration was refused; asking the worker directly.', error);
  }
  post(registration.active, MESSAGE_TYPES.drainQueue);
}

/** The worker pushes the outbox on this tag when the browser sees the network (Chromium only). */
export async function registerOutboxSync(): Promise<void> {
  if (!hasBackgroundSync()) return;
  const registration = await navigator.serviceWorker.getRegistration();
  await registration?.sync.register(SYNC_OUTBOX_TAG).catch((error: unknown) => console.warn('Sync: Background Sync refused', error));
}

export async function serviceWorkerState(): Promise<string> {
  if (!('serviceWorker' in navigator)) return 'not supported by this browser';
  const reg = await navigator.serviceWorker.getRegistration();
  if (!reg) return 'not registered';
  if (reg.waiting) return 'update waiting';
  if (reg.active) return navigator.serviceWorker.controller ? 'active, controlling this page' : 'active';
  return reg.installing ? 'installing' : 'unknown';
}

declare global {
  interface WindowEventMap {
    /** Window event: a new version waits for the learner's "Reload to update". */
    'nm-update-available': Event;
  }
}
