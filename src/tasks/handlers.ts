import type { AnyTaskHandler } from '../jobs/registry';
import { annotateTask } from './annotate-task';
import { audioTask } from './audio-task';
import { explainTask } from './explain-task';
import { imageTask } from './image-task';
import { storyTask } from './story-task';

/** Every job type's handler; both composition roots (page runner and service worker) use this list. */
export function taskHandlers(): AnyTaskHandler[] {
  return [storyTask, audioTask, imageTask, annotateTask, explainTask];
}
