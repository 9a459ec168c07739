import { AiError } from '../ai/errors';
import { isQuotaError } from '../domain/error-kinds';
import type { TaskContext } from '../jobs/registry';
import { toJobFailure } from './ai-failure';
import type { MediaBlob, MediaJobType, storeMediaStep } from './media-step';
import { runStepPool } from './step-pool';
import { type EstimateFn, ensureSpace, storageFullFailure } from './storage-check';

/**
 * The loop audio and image jobs share: report how far the job is, check the space left before the
 * first paid call, then run the missing steps a few at a time (step-pool.ts: bounded by the
 * learner's "Parallel requests", halved on a 429), each storing its blob together with the
 * checkpoint in its own transaction (media-step.ts), so a resumed job pays only for what is not
 * stored yet. A full disk mid-way fails the job permanently and keeps the steps already stored.
 */

/** A 429 the server gave no delay for still pauses the job this long before asking again. */
const DEFAULT_RATE_LIMIT_PAUSE_MS = 1_000;

/** What the paid calls need once there is work; set up only then (it reads the key and Settings). */
export interface MediaCalls<S> {
  /** A generous guess of the bytes the missing steps will store, and what they are, in words. */
  neededBytes: number;
  what: string;
  /** The most calls in flight at once (Settings → Parallel requests, clamped). */
  parallel: number;
  /** One paid call for `step`: the blob to store. Errors are the adapter's (AiError, AbortError). */
  produce(step: S): Promise<MediaBlob>;
  /** The job's checkpoint once `index` is stored, from the row's current one (step-checkpoint.ts). */
  checkpoint(current: unknown, index: number): unknown;
}

export interface MediaSteps<S> {
  /** Steps of the whole job, stored or not. */
  total: number;
  /** Steps still missing, in order (started in this order; they may finish in any). */
  todo: readonly S[];
  /** The progress label: "2 / 5 sentences". */
  label(done: number, total: number): string;
  /** What a step is, plural, for the storage-full message: "sentences". */
  noun: string;
  prepare(): Promise<MediaCalls<S>>;
}

export interface MediaStepsIo {
  estimate: EstimateFn;
  store: typeof storeMediaStep;
}

/** The pause a 429 asks for; undefined for every other error (those are the engine's to retry). */
export function rateLimitPause(error: unknown): number | undefined {
  if (!(error instanceof AiError) || error.code !== 'rate-limited') return undefined;
  return error.retryAfterMs ?? DEFAULT_RATE_LIMIT_PAUSE_MS;
}

export async function runMediaSteps<T extends MediaJobType, S>(ctx: TaskContext<T>, steps: MediaSteps<S>, io: MediaStepsIo): Promise<void> {
  const { total, todo } = steps;
  let done = total - todo.length;
  ctx.progress(done, total, steps.label(done, total));
  if (todo.length === 0) return;

  const calls = await steps.prepare();
  await ensureSpace(calls.neededBytes, calls.what, io.estimate);
  let storageFull = false;
  try {
    await runStepPool({
      steps: todo,
      limit: calls.parallel,
      signal: ctx.signal,
      rateLimitDelay: rateLimitPause,
      // The job stays "processing" through the pause; its status line says why nothing moves.
      onPause: (ms) => ctx.progress(done, total, `${steps.label(done, total)} · Gemini asked to slow down, waiting ${Math.ceil(ms / 1000)} s`),
      run: async (step) => {
        const media = await calls.produce(step);
        // Once the disk is full, answers still in flight are not written: the job fails on the first.
        if (storageFull) return;
        try {
          await io.store(ctx, media, (current) => calls.checkpoint(current, media.index));
        } catch (error) {
          if (!isQuotaError(error)) throw error;
          storageFull = true;
          throw storageFullFailure(done, total, steps.noun);
        }
        done += 1;
        ctx.progress(done, total, steps.label(done, total));
      },
    });
  } catch (error) {
    throw toJobFailure(error);
  }
}
