import { generateImage, type ImageOptions, type ImageResult } from '../ai/image';
import { mediaIndexes } from '../db/media-repo';
import { IMAGE_BYTES_ESTIMATE, illustrationPlan, illustrationSteps } from '../domain/media-plan';
import type { TaskHandler, TaskOutcome } from '../jobs/registry';
import { toJobFailure } from './ai-failure';
import { geminiTarget } from './gemini-target';
import { commitMediaSummary, requireStory, storeMediaStep } from './media-step';
import { browserEstimate, type EstimateFn, ensureSpace, isQuotaError, storageFullFailure } from './storage-check';

/**
 * `image` jobs: a cover (prompt from the title, excerpt and first imagePrompt) and, with scope
 * `paragraphs`, one picture per segment that has an imagePrompt. Each picture is stored with the
 * checkpoint as it arrives (media-step.ts), so a resumed job draws only what is missing.
 * IMAGE_SAFETY / NO_IMAGE are permanent in the adapter: the job ends with its message, and the
 * pictures already stored stay.
 */

export interface ImageTaskDeps {
  generate?: (options: ImageOptions) => Promise<ImageResult>;
  estimate?: EstimateFn;
  store?: typeof storeMediaStep;
}

export function picturesLabel(done: number, total: number): string {
  return `${done} / ${total} picture${total === 1 ? '' : 's'}`;
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
      let done = total - todo.length;
      ctx.progress(done, total, picturesLabel(done, total));
      const outcome: TaskOutcome = {
        result: { storyId, pictures: total },
        tables: ['stories', 'media'],
        commit: (tx) => commitMediaSummary(tx, 'image', storyId),
      };
      if (todo.length === 0) return outcome;

      const { target } = await geminiTarget((s) => s.imageModel);
      await ensureSpace(todo.length * IMAGE_BYTES_ESTIMATE, `${todo.length} picture${todo.length === 1 ? '' : 's'}`, estimate);

      for (const step of todo) {
        let picture: ImageResult;
        try {
          picture = await generate({ ...target, prompt: step.prompt, signal: ctx.signal });
        } catch (error) {
          throw toJobFailure(error);
        }
        try {
          await store(ctx, { kind: 'image', index: step.index, blob: picture.blob, bytes: picture.bytes }, { done: done + 1, total });
        } catch (error) {
          if (isQuotaError(error)) throw storageFullFailure(done, total, 'pictures');
          throw error;
        }
        done += 1;
        ctx.progress(done, total, picturesLabel(done, total));
      }
      return outcome;
    },
  };
}

export const imageTask = createImageTask();
