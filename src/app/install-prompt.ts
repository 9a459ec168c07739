/**
 * "Install app" where the browser offers it (Chromium's `beforeinstallprompt`): the event is kept
 * so a button can show the browser's own install dialog when the learner asks, never by itself.
 */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export const INSTALL_AVAILABLE = 'nm-install-available' as const;

let deferred: BeforeInstallPromptEvent | null = null;

export function watchInstallPrompt(): void {
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    deferred = event as BeforeInstallPromptEvent;
    window.dispatchEvent(new Event(INSTALL_AVAILABLE));
  });
  window.addEventListener('appinstalled', () => {
    deferred = null;
    window.dispatchEvent(new Event(INSTALL_AVAILABLE));
  });
}

export function canInstall(): boolean {
  return deferred !== null;
}

/** Shows the browser's install dialog; the saved event can be used once. */
export async function promptInstall(): Promise<boolean> {
  const event = deferred;
  if (!event) return false;
  deferred = null;
  window.dispatchEvent(new Event(INSTALL_AVAILABLE));
  await event.prompt();
  return (await event.userChoice).outcome === 'accepted';
}

declare global {
  interface WindowEventMap {
    /** Window event: the browser offers (or withdrew) installing the app. */
    'nm-install-available': Event;
  }
}
