import type { JobParamsInput } from '../domain/job';
import { enqueueGroup } from '../jobs/enqueue-group';
import { requestDrain } from './queue-client';

export interface GenerateRequest {
  params: JobParamsInput['story'];
  narrate: boolean;
  illustrate: boolean;
}

/**
 * Queues "story (+ narration + illustration)" as linked jobs and wakes the runner. Works offline:
 * the jobs wait for the network. Returns the story job's id, which is also the future story's id.
 */
export async function createStory(request: GenerateRequest): Promise<string> {
  const group = await enqueueGroup({ story: request.params, narrate: request.narrate, illustrate: request.illustrate });
  void requestDrain();
  return group.story.id;
}
