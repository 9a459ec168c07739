/**
 * The window event sw-bridge.ts fires when a new version waits. Apart from the bridge so the shell
 * can listen for it without loading the bridge (workbox-window) before its first paint.
 */
export const UPDATE_AVAILABLE = 'nm-update-available' as const;

/** "Reload to update": the bridge is loaded by then, it is what announced the update. */
export async function applyUpdate(): Promise<void> {
  const bridge = await import('./sw-bridge');
  await bridge.applyUpdate();
}
