import { type ExplainOptions, explainSentence } from '../ai/explain';
import { ANNOTATION_TABLES, getAnnotation, writeExplanationIn } from '../db/annotations-repo';
import { getStory } from '../db/stories-repo';
import type { Explanation } from '../domain/annotations';
import { JobFailure } from '../jobs/errors';
import type { TaskHandler, TaskOutcome } from '../jobs/registry';
import { toJobFailure } from './ai-failure';
import { geminiTarget } from './gemini-target';

/**
 * `explain` jobs: one Gemini call for a short grammar note on one sentence, stored in the story's
 * annotation row (writeExplanationIn) in the completing transaction, so it works offline from then
 * on and syncs with the story's words. A note already stored (another device's, synced meanwhile)
 * is never paid for again: the job completes without a request.
 */

const gone = (what: string) => new JobFailure('permanent', 'story-missing', `${what}, so there is nothing to explain.`);

export interface ExplainTaskDeps {
  explain?: (options: ExplainOptions) => Promise<string>;
}

export function createExplainTask(deps: ExplainTaskDeps = {}): TaskHandler<'explain'> {
  const explain = deps.explain ?? explainSentence;
  return {
    type: 'explain',
    async run(ctx) {
      const { storyId, segment } = ctx.job.params;
      const story = await getStory(storyId);
      if (!story) throw gone('The story is no longer in your library (it was deleted)');
      const sentence = story.content[segment];
      if (!sentence) throw gone(`The story no longer has a sentence ${segment + 1}`);
      const result = { storyId, segment };
      ctx.progress(0, 1, 'Asking Gemini…');
      const stored = (await getAnnotation(storyId))?.explanations?.[String(segment)];
      if (stored) return { result: { ...result, reused: true } };

      const { target } = await geminiTarget((s) => s.textModel);
      let text: string;
      try {
        text = await explain({ ...target, sentence: { jp: sentence.jp, en: sentence.en }, signal: ctx.signal });
      } catch (error) {
        throw toJobFailure(error);
      }
      const explanation: Explanation = { text, model: target.model, updatedAt: ctx.now() };
      const outcome: TaskOutcome = {
        result,
        tables: [...ANNOTATION_TABLES],
        commit: async (tx) => {
          const saved = await writeExplanationIn(tx, storyId, segment, explanation);
          if (!saved.saved && saved.reason === 'no-story') throw gone('The story is no longer in your library (it was deleted)');
        },
      };
      return outcome;
    },
  };
}

export const explainTask = createExplainTask();
