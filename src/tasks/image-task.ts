import { AiError } from '../ai/errors';
import { generateImage, type ImageOptions, type ImageResult } from '../ai/image';
import { AI_MESSAGES } from '../ai/messages';
import { mediaIndexes } from '../db/media-repo';
import { countOf } from '../domain/format';
import { DESCRIBE_BYTES, describeImageBytes, sniffImageType } from '../domain/image-type';
import { IMAGE_BYTES_ESTIMATE, illustrationPlan, illustrationSteps } from '../domain/media-plan';
import { parallelLimit } from '../domain/settings-options';
import type { TaskHandler, TaskOutcome } from '../jobs/registry';
import { geminiTarget } from './gemini-target';
import { commitMediaSummary, requireStory, storeMediaStep } from './media-step';
import { runMediaSteps } from './media-steps';
import { withFinished } from './step-checkpoint';
import { browserEstimate, type EstimateFn } from './storage-check';

/**
 * `image` jobs: a cover (prompt from the title, excerpt and first imagePrompt) and, with scope
 * `paragraphs`, one picture per segment that has an imagePrompt. Each picture is stored with the
 * checkpoint as it arrives (media-steps.ts), so a resumed job draws only what is missing.
 * IMAGE_SAFETY / NO_IMAGE are permanent in the adapter: the job ends with its message, and the
 * pictures already stored stay.
 */

/**
 * The blob as it will be stored: typed by its own bytes. The adapter already does this; checked
 * again here because this is the last step before IndexedDB, whatever `generate` was given.
 */
async function storablePicture(blob: Blob): Promise<Blob> {
  const head = new Uint8Array(await blob.slice(0, DESCRIBE_BYTES).arrayBuffer());
  const type = sniffImageType(head);
  if (!type) {
    const what = describeImageBytes(head);
    throw new AiError('invalid-output', 'unsupported-image', AI_MESSAGES.unsupportedPicture(what), { detail: what });
  }
  return blob.type === type ? blob : new Blob([blob], { type });
}

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
      const all = illustrationSteps(story, scope);
      const total = all.length;
      const held = new Set(await mediaIndexes(storyId, 'image'));
      // Pictures of this scope already held (a cover job does not count the paragraphs' pictures).
      const stored = all.filter((step) => held.has(step.index)).map((step) => step.index);
      const todo = illustrationPlan(story, scope, held);
      await runMediaSteps(
        ctx,
        {
          total,
          todo,
          label: (done, total) => `${done} / ${countOf(total, 'picture')}`,
          noun: 'pictures',
          prepare: async () => {
            const { target, settings } = await geminiTarget((s) => s.imageModel);
            return {
              neededBytes: todo.length * IMAGE_BYTES_ESTIMATE,
              what: `${todo.length} picture${todo.length === 1 ? '' : 's'}`,
              parallel: parallelLimit(settings.parallelRequests),
              produce: async (step) => {
                const picture = await generate({ ...target, prompt: step.prompt, signal: ctx.signal });
                const blob = await storablePicture(picture.blob);
                return { kind: 'image', index: step.index, blob, bytes: blob.size };
              },
              checkpoint: (current, index) => withFinished(current, stored, index, total),
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
