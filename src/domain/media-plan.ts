import { PARALLEL_REQUESTS } from './settings-options';
import type { Story } from './story';

/** A step is asked at most twice in one claim: once, and once more after a 429 (src/tasks/step-pool.ts). */
export const MAX_ASKS_PER_STEP = 2;

/**
 * What narrating or illustrating a story takes, as pure functions shared by the job handlers (which
 * do the work) and the UI (which says how many requests the work will make before it starts).
 *
 * Media are keyed by story and segment (`index`); the cover is index -1. What is already stored is
 * never requested again, so a resumed job or a second press of "Narrate" only pays for what is missing.
 */

/** Index of the cover picture in the `media` table. */
export const COVER_INDEX = -1;

export type IllustrationScope = 'cover' | 'paragraphs';

/** Gemini TTS answers 24 kHz mono 16-bit PCM: 48,000 bytes a second of speech. */
export const PCM_BYTES_PER_SECOND = 24_000 * 2;
/** A WAV header per sentence. */
export const WAV_HEADER_BYTES = 44;

/**
 * A generous guess at how long a sentence takes to say: a learner-paced narrator reads about four
 * Japanese characters a second; we assume three (and two seconds of lead-in and pauses), so the space
 * check errs on the side of "will not fit".
 */
export function expectedSpeechSeconds(text: string): number {
  return 2 + [...text].length / 3;
}

/** Bytes the WAV files of these sentences will take, generously. */
export function estimateNarrationBytes(texts: readonly string[]): number {
  return texts.reduce((sum, text) => sum + WAV_HEADER_BYTES + Math.ceil(expectedSpeechSeconds(text) * PCM_BYTES_PER_SECOND), 0);
}

/** Image models answer 1024×1024 PNGs of about 1–2 MB; 3 MB a picture is the generous figure. */
export const IMAGE_BYTES_ESTIMATE = 3 * 1024 * 1024;

/** Segments still to narrate, in reading order. */
export function narrationPlan(story: Pick<Story, 'content'>, stored: ReadonlySet<number>): number[] {
  return story.content.map((_, i) => i).filter((i) => !stored.has(i));
}

export interface IllustrationStep {
  /** COVER_INDEX or a segment index. */
  index: number;
  /** What to draw (the adapter adds the house style and caps the length). */
  prompt: string;
}

/** The cover's prompt: the title, the excerpt, and the first picture the story itself asks for. */
export function coverPrompt(story: Pick<Story, 'titleJP' | 'titleEN' | 'excerpt' | 'content'>): string {
  const title = story.titleEN ? `“${story.titleEN}” (${story.titleJP})` : `“${story.titleJP}”`;
  const scene = story.content.find((s) => s.imagePrompt?.trim())?.imagePrompt?.trim();
  return [`A cover picture for the story ${title}.`, story.excerpt.trim(), scene ? `Scene: ${scene}` : '']
    .filter(Boolean)
    .join(' ');
}

/** Every picture of a scope: the cover, plus (for `paragraphs`) each segment that has an imagePrompt. */
export function illustrationSteps(story: Pick<Story, 'titleJP' | 'titleEN' | 'excerpt' | 'content'>, scope: IllustrationScope): IllustrationStep[] {
  const steps: IllustrationStep[] = [{ index: COVER_INDEX, prompt: coverPrompt(story) }];
  if (scope === 'paragraphs') {
    story.content.forEach((segment, index) => {
      const prompt = segment.imagePrompt?.trim();
      if (prompt) steps.push({ index, prompt });
    });
  }
  return steps;
}

/** The pictures of a scope not stored yet. */
export function illustrationPlan(
  story: Pick<Story, 'titleJP' | 'titleEN' | 'excerpt' | 'content'>,
  scope: IllustrationScope,
  stored: ReadonlySet<number>,
): IllustrationStep[] {
  return illustrationSteps(story, scope).filter((step) => !stored.has(step.index));
}

/** The job engine's limits that bound how often a failed or lost request is made again (src/jobs/constants.ts). */
export interface RetryLimits {
  /** Attempts a job gets; each failed one (an overload, a picture missing from the answer) asks again. */
  maxAttempts: number;
  /** Runner deaths a job survives; the requests in flight when the runner died are made again. */
  maxLeaseLosses: number;
  /** Requests a job keeps in flight at most (Settings → Parallel requests); the highest setting if unknown. */
  parallel?: number;
}

/**
 * The most Gemini requests a job of `planned` requests can make, so the Reader can say "up to N"
 * before the learner spends them. Every claim of the job asks only for what is not stored yet, and
 * asks each step at most twice (once more after a 429; src/tasks/step-pool.ts): a step stored costs
 * at most 2 requests. A claim that fails or dies loses at most the steps it had in flight or waiting
 * after a 429 — at most `parallel` of them, 2 requests each — and there are at most maxAttempts − 1
 * such claims that spend an attempt plus maxLeaseLosses − 1 that give theirs back (the last failing
 * claim ends the job, and its lost requests are those of steps never stored, already counted).
 */
export function mostRequests(planned: number, limits: RetryLimits): number {
  if (planned <= 0) return 0;
  const lostPerClaim = MAX_ASKS_PER_STEP * Math.min(planned, limits.parallel ?? PARALLEL_REQUESTS.max);
  return MAX_ASKS_PER_STEP * planned + lostPerClaim * (limits.maxAttempts - 1 + (limits.maxLeaseLosses - 1));
}
