import { reportPageFault } from '../../app/error-handlers';
import { showToast } from '../toast';
import type { WriteStoryOptions } from './write-story';

const writeStory = () => import('./write-story');

/**
 * "Write a story" from Home: the writer's code (the key check, the edit prefill, and Dexie under
 * them) loads when asked for, not with the first route. It is fetched once Home is on screen too
 * (`prefetchWriteStory`), so the click rarely waits for it.
 */
export async function openWriteStory(options?: WriteStoryOptions): Promise<void> {
  let module: Awaited<ReturnType<typeof writeStory>>;
  try {
    module = await writeStory();
  } catch (error: unknown) {
    reportPageFault('loading the story writer', error);
    showToast({ message: 'The story writer could not be loaded. Check your connection, then try again.' });
    return;
  }
  await module.openWriteStory(options);
}

export function prefetchWriteStory(): void {
  void writeStory().catch(() => undefined);
}
