/**
 * "The page's content is on screen": the bootstrap holds its background chores (the worker, the
 * queue, the samples' words, sync) until then, so they neither delay that first real paint nor
 * block the main thread while it is being drawn. Pages say when they have drawn their content
 * (`pageShown`); a page that never says so (or a slow one) releases the chores after `FALLBACK_MS`.
 */
const FALLBACK_MS = 3000;

let shown: () => void = () => undefined;
const shownOnce = new Promise<void>((resolve) => {
  shown = resolve;
});

/** Called by a page once its first real content rendered (not its "Loading…"). Idempotent. */
export function pageShown(): void {
  shown();
}

/** Resolves once the page said its content is drawn (or the fallback passed): before that frame paints. */
export function whenPageDrawn(): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([shownOnce, new Promise<void>((resolve) => (timer = setTimeout(resolve, FALLBACK_MS)))]).finally(() => clearTimeout(timer));
}

/** Resolves after the next frame was painted: a task queued from a frame callback runs after it. */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') {
      setTimeout(resolve, 0);
      return;
    }
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/** Lets the browser handle input and paint between two pieces of work. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves once the page said its content is shown (or the fallback passed) and that frame painted. */
export async function whenPageShown(): Promise<void> {
  await whenPageDrawn();
  await afterNextPaint();
}
