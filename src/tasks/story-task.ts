import { generateStory, toStory } from '../ai/generate-story';
import { queueChange } from '../db/outbox-repo';
import { LENGTH_SENTENCES } from '../domain/levels';
import { toSummary } from '../domain/summary';
import type { TaskHandler } from '../jobs/registry';
import { toJobFailure } from './ai-failure';
import { geminiTarget } from './gemini-target';

/**
 * `story` jobs: one streamed Gemini call; the story (id = job id) and its summary are written in the
 * job's completing transaction, so a retried, resumed or cancelled job never leaves two stories or
 * a story for a cancelled job.
 */
export const storyTask: TaskHandler<'story'> = {
  type: 'story',
  async run(ctx) {
    const { params } = ctx.job;
    const { target } = await geminiTarget((s) => s.textModel);
    const expected = LENGTH_SENTENCES[params.length].max;
    ctx.progress(0, expected, 'Asking Gemini…');
    try {
      const generated = await generateStory({
        ...target,
        params,
        signal: ctx.signal,
        onProgress: ({ segments }) => ctx.progress(Math.min(segments, expected), expected, `Writing… ${segments} sentences so far`),
      });
      const story = toStory(generated, { id: ctx.job.id, params, model: target.model, now: ctx.now() });
      return {
        result: { storyId: story.id, title: story.titleJP },
        // The outbox row is queued in the completing transaction: a story finished with no tab open
        // still reaches the server (the worker pushes after the drain, src/sw/sync-outbox.ts).
        tables: ['stories', 'storySummaries', 'outbox', 'syncState'],
        commit: async (tx) => {
          await tx.stories.put(story);
          await tx.storySummaries.put(toSummary(story));
          await queueChange(tx, 'stories', story.id, false, ctx.now());
        },
      };
    } catch (error) {
      throw toJobFailure(error);
    }
  },
};
