import { generateImage, type ImageOptions, type ImageResult } from '../ai/image';
import { mediaIndexes } from '../db/media-repo';
import { countOf } from '../domain/format';
import { IMAGE_BYTES_ESTIMATE, illustrationPlan, illustrationSteps } from '../domain/media-plan';
import type { TaskHandler, TaskOutcome } from '../jobs/registry';
import { geminiTarget } from './gemini-target';
import { commitMediaSummary, requireStory, storeMediaStep } from './media-step';
import { runMediaSteps } from './media-steps';
import { browserEstimate, type EstimateFn } from './storage-check';

/**
 * `image` jobs: a cover (prompt from the title, excerpt and first imagePrompt) and, with scope
 * `paragraphs`, one picture per segment that has an imagePrompt. Each picture is stored with the
 * checkpoint as it arrives (media-steps.ts), so a resumed job draws only what is missing.
 * IMAGE_SAFETY / NO_IMAGE are permanent in the adapter: the job ends with its message, and the
 * pictures already stored stay.
 */

export interface ImageTaskDeps {
  generate?: (options: ImageOptions) => Promise<ImageResult>;
  estimate?: EstimateFn;
  store?: typeof storeMediaStep;
}

export function createImageTask(deps: ImageTaskDeps = {}): TaskHandler<'image'> {
  const generate = deps.generate ?? generateImage;
  const estimate = deps.estimate ?? browserEstimate;
  const store = deps.store ?? storeMediaStep;
  return {
    type: 'image',
    async run(ctx) {
      const { storyId, scope } = ctx.job.params;
      const story = await requireStory('image', storyId);
      const total = illustrationSteps(story, scope).length;
      const todo = illustrationPlan(story, scope, new Set(await mediaIndexes(storyId, 'image')));
      await runMediaSteps(
        ctx,
        {
          total,
          todo,
          label: (done, total) => `${done} / ${countOf(total, 'picture')}`,
          noun: 'pictures',
          prepare: async () => {
            const { target } = await geminiTarget((s) => s.imageModel);
            return {
              neededBytes: todo.length * IMAGE_BYTES_ESTIMATE,
              what: `${todo.length} picture${todo.length === 1 ? '' : 's'}`,
              produce: async (step) => {
                const picture = await generate({ ...target, prompt: step.prompt, signal: ctx.signal });
                return { kind: 'image', index: step.index, blob: picture.blob, bytes: picture.bytes };
              },
              checkpoint: (done) => ({ done, total }),
            };
          },
        },
        { estimate, store },
      );
      const outcome: TaskOutcome = {
        result: { storyId, pictures: total },
        tables: ['stories', 'media'],
        commit: (tx) => commitMediaSummary(tx, 'image', storyId),
      };
      return outcome;
    },
  };
}

export const imageTask = createImageTask();
