import { generateStory, toStory } from '../ai/generate-story';
import { queueChange } from '../db/outbox-repo';
import { LENGTH_SENTENCES } from '../domain/levels';
import { type Story, StorySchema } from '../domain/story';
import { toSummary } from '../domain/summary';
import type { TaskContext, TaskHandler, TaskOutcome } from '../jobs/registry';
import { toJobFailure } from './ai-failure';
import { geminiTarget } from './gemini-target';

/**
 * `story` jobs: one streamed Gemini call; the story (id = job id) and its summary are written in the
 * job's completing transaction, so a retried, resumed or cancelled job never leaves two stories or
 * a story for a cancelled job.
 *
 * The story is paid for, so it is also the outcome's `keep`: when the disk is too full to save it,
 * the engine keeps it in the job's checkpoint (src/jobs/storage-wait.ts) and the next run saves that
 * one instead of asking Gemini again.
 */
export const storyTask: TaskHandler<'story'> = {
  type: 'story',
  async run(ctx) {
    const expected = LENGTH_SENTENCES[ctx.job.params.length].max;
    const kept = keptStory(ctx.job.checkpoint, ctx.job.id);
    if (kept) {
      ctx.progress(expected, expected, 'Saving the story…');
      return storyOutcome(kept, ctx.now());
    }
    return storyOutcome(await writeStory(ctx, expected), ctx.now());
  },
};

async function writeStory(ctx: TaskContext<'story'>, expected: number): Promise<Story> {
  const { params } = ctx.job;
  const { target } = await geminiTarget((s) => s.textModel);
  ctx.progress(0, expected, 'Asking Gemini…');
  try {
    const generated = await generateStory({
      ...target,
      params,
      signal: ctx.signal,
      onProgress: ({ segments }) => ctx.progress(Math.min(segments, expected), expected, `Writing… ${segments} sentences so far`),
    });
    return toStory(generated, { id: ctx.job.id, params, model: target.model, now: ctx.now() });
  } catch (error) {
    throw toJobFailure(error);
  }
}

/**
 * The story a previous run of this job kept for lack of space, or null. Checked like any stored
 * data (it may come from another app version); one that does not read is ignored and paid again
 * rather than saved broken.
 */
function keptStory(checkpoint: unknown, jobId: string): Story | null {
  if (typeof checkpoint !== 'object' || checkpoint === null || !('story' in checkpoint)) return null;
  const parsed = StorySchema.safeParse(checkpoint.story);
  return parsed.success && parsed.data.id === jobId ? parsed.data : null;
}

function storyOutcome(story: Story, now: number): TaskOutcome {
  return {
    result: { storyId: story.id, title: story.titleJP },
    keep: { story },
    // The outbox row is queued in the completing transaction: a story finished with no tab open
    // still reaches the server (the worker pushes after the drain, src/sw/sync-outbox.ts).
    tables: ['stories', 'storySummaries', 'outbox', 'syncState'],
    commit: async (tx) => {
      await tx.stories.put(story);
      await tx.storySummaries.put(toSummary(story));
      await queueChange(tx, 'stories', story.id, false, now);
    },
  };
}
