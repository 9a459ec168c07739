import { ANNOTATE_CHUNK_SENTENCES, type AnnotateOptions, annotateSentences, type SentenceToAnnotate } from '../ai/annotate';
import { ANNOTATION_TABLES, writeAnnotationIn } from '../db/annotations-repo';
import { getStory } from '../db/stories-repo';
import type { Annotation } from '../domain/annotations';
import { countOf } from '../domain/format';
import type { Story } from '../domain/story';
import { SegmentTokensSchema, type Token, tokensText } from '../domain/tokens';
import { JobFailure } from '../jobs/errors';
import type { TaskHandler, TaskOutcome } from '../jobs/registry';
import { toJobFailure } from './ai-failure';
import { geminiTarget } from './gemini-target';

/**
 * `annotate` jobs: the words of every sentence of a story (issue 13), asked for in chunks of a few
 * sentences (one request each, in order). Each chunk's tokens go into the job's checkpoint as soon
 * as they arrive, so a resumed job — a crash, a killed worker, a retry after a bad answer — asks
 * only for the chunks not done yet. The whole annotation is written in the completing transaction
 * (writeAnnotationIn, which fits the tokens to the story as stored, keeping its explanations).
 */

export interface AnnotateCheckpoint {
  /** Tokens by sentence index ("0", "1", …); null where a sentence's tokens could not be made to fit. */
  tokens: Record<string, Token[] | null>;
  done: number;
  total: number;
}

/**
 * The sentences an earlier run stored, checked like any stored data: an entry that does not parse
 * or no longer adds up to its sentence (the story was edited or re-synced since) is asked again.
 */
export function checkpointTokens(value: unknown, story: Pick<Story, 'content'>): Map<number, Token[] | null> {
  const out = new Map<number, Token[] | null>();
  if (typeof value !== 'object' || value === null) return out;
  const tokens = (value as { tokens?: unknown }).tokens;
  if (typeof tokens !== 'object' || tokens === null) return out;
  for (const [key, entry] of Object.entries(tokens)) {
    const index = Number(key);
    const jp = story.content[index]?.jp;
    if (!Number.isInteger(index) || jp === undefined) continue;
    if (entry === null) {
      out.set(index, null);
      continue;
    }
    const parsed = SegmentTokensSchema.safeParse(entry);
    if (parsed.success && tokensText(parsed.data) === jp) out.set(index, parsed.data);
  }
  return out;
}

/** The sentences still to ask for, in chunks of ANNOTATE_CHUNK_SENTENCES. */
export function chunksToAsk(story: Pick<Story, 'content'>, done: ReadonlyMap<number, unknown>, size = ANNOTATE_CHUNK_SENTENCES): SentenceToAnnotate[][] {
  const missing = story.content.flatMap((s, id) => (done.has(id) ? [] : [{ id, jp: s.jp }]));
  const chunks: SentenceToAnnotate[][] = [];
  for (let i = 0; i < missing.length; i += size) chunks.push(missing.slice(i, i + size));
  return chunks;
}

const storyGone = () =>
  new JobFailure('permanent', 'story-missing', 'The story is no longer in your library (it was deleted), so there are no words to look up.');

export interface AnnotateTaskDeps {
  annotate?: (options: AnnotateOptions) => Promise<Map<number, Token[] | null>>;
}

export function createAnnotateTask(deps: AnnotateTaskDeps = {}): TaskHandler<'annotate'> {
  const annotate = deps.annotate ?? annotateSentences;
  return {
    type: 'annotate',
    async run(ctx) {
      const { storyId } = ctx.job.params;
      const story = await getStory(storyId);
      if (!story) throw storyGone();
      const total = story.content.length;
      const done = checkpointTokens(ctx.job.checkpoint, story);
      const label = () => `${done.size} / ${countOf(total, 'sentence')}`;
      ctx.progress(done.size, total, label());
      const chunks = chunksToAsk(story, done);
      let model: string | undefined;
      if (chunks.length > 0) {
        const { target } = await geminiTarget((s) => s.textModel);
        model = target.model;
        for (const sentences of chunks) {
          let answer: Map<number, Token[] | null>;
          try {
            answer = await annotate({ ...target, sentences, signal: ctx.signal });
          } catch (error) {
            throw toJobFailure(error);
          }
          for (const [id, tokens] of answer) done.set(id, tokens);
          const checkpoint: AnnotateCheckpoint = { tokens: Object.fromEntries(done), done: done.size, total };
          await ctx.checkpoint(checkpoint);
          ctx.progress(done.size, total, label());
        }
      }
      const annotation: Annotation = {
        storyId,
        segments: story.content.map((_, i) => done.get(i) ?? null),
        ...(model ? { model } : {}),
        updatedAt: ctx.now(),
      };
      const outcome: TaskOutcome = {
        result: { storyId, sentences: total },
        tables: [...ANNOTATION_TABLES],
        commit: async (tx) => {
          const saved = await writeAnnotationIn(tx, annotation, { force: true });
          if (!saved.saved && saved.reason === 'no-story') throw storyGone();
        },
      };
      return outcome;
    },
  };
}

export const annotateTask = createAnnotateTask();
