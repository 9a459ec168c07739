import { AiError } from '../ai/errors';
import { generateStory, toStory } from '../ai/generate-story';
import { shortStoryNote, storyShortfall, tooShortError } from '../ai/story-length';
import { queueChange } from '../db/outbox-repo';
import { LENGTH_SENTENCES } from '../domain/levels';
import { type Story, StorySchema } from '../domain/story';
import { toSummary } from '../domain/summary';
import type { JobRow } from '../domain/job';
import { DEFAULT_MAX_ATTEMPTS, MAX_INVALID_OUTPUT_TRIES } from '../jobs/constants';
import type { TaskContext, TaskHandler, TaskOutcome } from '../jobs/registry';
import { toJobFailure } from './ai-failure';
import { createDraftWriter } from './story-draft-writer';
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
      return storyOutcome(kept.story, ctx.now(), kept.note);
    }
    const written = await writeStory(ctx, expected);
    if (written.note) ctx.progress(written.story.content.length, expected, written.note);
    return storyOutcome(written.story, ctx.now(), written.note);
  },
};

/**
 * Whether a failure now would end the job instead of asking again (the engine's invalid-output rule,
 * src/jobs/failure-policy.ts): the last chance, when a short story is better kept than thrown away.
 */
function lastTry(job: JobRow<'story'>): boolean {
  const maxAttempts = job.maxAttempts > 0 ? job.maxAttempts : DEFAULT_MAX_ATTEMPTS;
  return (job.invalidOutputs ?? 0) + 1 >= MAX_INVALID_OUTPUT_TRIES || job.attempts >= maxAttempts;
}

interface Written {
  story: Story;
  /** Set when the story is kept although it is much shorter than asked: the learner is told. */
  note?: string;
}

async function writeStory(ctx: TaskContext<'story'>, expected: number): Promise<Written> {
  const { params } = ctx.job;
  const { target } = await geminiTarget((s) => s.textModel);
  ctx.progress(0, expected, 'Asking Gemini…');
  // The story as it arrives, for the Queue and the Reader: a draft row, never the story itself.
  const owner = ctx.job.lease?.owner;
  const draft = owner ? createDraftWriter({ jobId: ctx.job.id, owner, now: ctx.now }) : null;
  try {
    const generated = await generateStory({
      ...target,
      params,
      signal: ctx.signal,
      onProgress: ({ segments, answer }) => {
        ctx.progress(Math.min(segments, expected), expected, `Writing… ${segments} sentences so far`);
        draft?.offer(answer);
      },
    });
    await draft?.stop();
    const story = toStory(generated, { id: ctx.job.id, params, model: target.model, now: ctx.now() });
    // Much shorter than asked is a broken answer: asked again like unreadable output, and kept,
    // with a note, when this was the last try (a short story beats a failed job).
    const short = storyShortfall(generated, params.length);
    if (!short) return { story };
    const written = { story, note: shortStoryNote(short) };
    if (lastTry(ctx.job)) return written;
    // Paid for, so kept in the checkpoint: a last try that comes back unreadable still ends with it.
    const earlier = shortStory(ctx.job.checkpoint, ctx.job.id);
    if (!earlier || earlier.story.content.length < story.content.length) await ctx.checkpoint({ short: written });
    throw tooShortError(short);
  } catch (error) {
    await draft?.stop();
    const earlier = shortStory(ctx.job.checkpoint, ctx.job.id);
    if (earlier && lastTry(ctx.job) && error instanceof AiError && error.kind === 'invalid-output') return earlier;
    throw toJobFailure(error);
  }
}

/** The longest too-short story an earlier run of this job was given, checked like any stored data. */
function shortStory(checkpoint: unknown, jobId: string): Written | null {
  if (typeof checkpoint !== 'object' || checkpoint === null || !('short' in checkpoint)) return null;
  return keptStory(checkpoint.short, jobId);
}

/**
 * The story a previous run of this job kept for lack of space, or null. Checked like any stored
 * data (it may come from another app version); one that does not read is ignored and paid again
 * rather than saved broken.
 */
function keptStory(checkpoint: unknown, jobId: string): Written | null {
  if (typeof checkpoint !== 'object' || checkpoint === null || !('story' in checkpoint)) return null;
  const parsed = StorySchema.safeParse(checkpoint.story);
  if (!parsed.success || parsed.data.id !== jobId) return null;
  const note = 'note' in checkpoint && typeof checkpoint.note === 'string' ? checkpoint.note : undefined;
  return note ? { story: parsed.data, note } : { story: parsed.data };
}

/**
 * The job's result names the story it wrote and, as `note`, anything the learner should know about
 * it (today: that it is much shorter than asked), for the Queue row.
 */
function storyOutcome(story: Story, now: number, note?: string): TaskOutcome {
  return {
    result: note ? { storyId: story.id, title: story.titleJP, note } : { storyId: story.id, title: story.titleJP },
    keep: note ? { story, note } : { story },
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
