import { getDb } from '../db/database';
import { knownWordKeys } from '../db/words-repo';
import type { JobRow, WordRef } from '../domain/job';
import { coverageOf, type KnownWords, knownWords, type StoryWords } from '../domain/words-coverage';
import { makeWordKey, wordKeyHash } from '../domain/words-key';

/**
 * How well a story fits this learner (issue 14): how many of the learning words its request asked
 * for it uses, and the share of its running words the learner knows. A lookup over the story's
 * stored word keys (`storyWords`, written after its annotate job) against the learner's states:
 * never a parse. The Queue row shows it; the Reader can call `fitFor` too.
 */
export interface StoryFit {
  /** The learning words the request asked for and how many the story uses; null when none were asked. */
  learning: { used: number; asked: number } | null;
  /** Known running words / running words, 0…1, for the learner as they are now. */
  knownShare: number;
  /** The share the request aimed at, when it aimed at one. */
  knownTarget?: number;
}

/** How many distinct asked words occur in the story, by word key (a conjugated form counts as its base). */
export function learningWordsUsed(words: StoryWords, asked: readonly WordRef[]): { used: number; asked: number } {
  const inStory = new Set(words.hashes);
  const keys = new Set(asked.map((w) => makeWordKey(w.base, w.reading)));
  let used = 0;
  for (const key of keys) if (inStory.has(wordKeyHash(key))) used++;
  return { used, asked: keys.size };
}

export function storyFit(words: StoryWords, request: Pick<JobRow<'story'>['params'], 'learningWords' | 'knownTarget'> | null, known: KnownWords): StoryFit {
  const asked = request?.learningWords ?? [];
  const fit: StoryFit = {
    learning: asked.length > 0 ? learningWordsUsed(words, asked) : null,
    knownShare: coverageOf(words, known).knownShare,
  };
  if (request?.knownTarget !== undefined) fit.knownTarget = request.knownTarget;
  return fit;
}

/**
 * The fit of a stored story, or null until its words exist (its annotate job has not written them
 * yet, or it has no running words). The request is read from the story's job (same id); once that
 * row is gone the fit still gives the known share, with `learning` null. Live-queryable.
 */
export async function fitFor(storyId: string): Promise<StoryFit | null> {
  const db = getDb();
  const [words, job, known] = await Promise.all([db.storyWords.get(storyId), db.jobs.get(storyId), knownWordKeys()]);
  if (!words || words.total === 0) return null;
  const request = job?.type === 'story' ? (job as JobRow<'story'>).params : null;
  return storyFit(words, request, knownWords(known));
}

/** "Used 3 of your 5 learning words · 96 % known for you": the share rounded down, as on the cards. */
export function fitLine(fit: StoryFit): string {
  const known = `${Math.floor(fit.knownShare * 100)} % known for you`;
  if (!fit.learning) return known;
  const { used, asked } = fit.learning;
  return `Used ${used} of your ${asked} learning ${asked === 1 ? 'word' : 'words'} · ${known}`;
}
