import type { AnyTaskHandler } from '../jobs/registry';
import { storyTask } from './story-task';

/** Every job type's handler; both composition roots (page runner and service worker) use this list. */
export function taskHandlers(): AnyTaskHandler[] {
  return [storyTask];
}
