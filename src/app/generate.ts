import type { JobParamsInput } from '../domain/job';
import { MESSAGE_TYPES } from '../domain/worker-protocol';
import { buildGroupRows, planGroup, writeGroup } from '../jobs/enqueue-group';
import { requestDrain } from './queue-client';
import { hasBackgroundSync, tellController } from './sw-bridge';

export interface GenerateRequest {
  params: JobParamsInput['story'];
  narrate: boolean;
  illustrate: boolean;
}

/**
 * Queues "story (+ narration + illustration)" as linked jobs and wakes the runner. Works offline:
 * the jobs wait for the network. Returns the story job's id, which is also the future story's id.
 *
 * Everything up to the hand-over runs synchronously in the click's task: the ids are minted, the
 * params validated (invalid ones throw before anything is sent) and the plan posted to the
 * controlling worker, which writes the same rows and, where it is the runner (Background Sync),
 * runs them. So the learner may close the tab the moment the click returns; the page's own write
 * below still happens, keyed by the same ids, for when no worker controls the page.
 */
export async function createStory(request: GenerateRequest): Promise<string> {
  const plan = planGroup({ story: request.params, narrate: request.narrate, illustrate: request.illustrate });
  buildGroupRows(plan);
  tellController(MESSAGE_TYPES.enqueueJobs, { plan, drain: hasBackgroundSync() });
  const group = await writeGroup(plan);
  void requestDrain();
  return group.story.id;
}
