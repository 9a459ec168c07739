import { isQuotaError } from '../domain/error-kinds';
import type { TaskContext } from '../jobs/registry';
import { toJobFailure } from './ai-failure';
import type { MediaBlob, MediaJobType, storeMediaStep } from './media-step';
import { type EstimateFn, ensureSpace, storageFullFailure } from './storage-check';

/**
 * The loop audio and image jobs share: report how far the job is, check the space left before the
 * first paid call, then for each step still missing make one call and store its blob together with
 * the checkpoint (media-step.ts), so a resumed job pays only for what is not stored yet. A full
 * disk mid-way fails the job permanently and keeps the steps already stored (storage-check.ts).
 */

/** What the paid calls need once there is work; set up only then (it reads the key and Settings). */
export interface MediaCalls<S> {
  /** A generous guess of the bytes the missing steps will store, and what they are, in words. */
  neededBytes: number;
  what: string;
  /** One paid call for `step`: the blob to store. Errors are the adapter's (AiError, AbortError). */
  produce(step: S): Promise<MediaBlob>;
  /** The job's checkpoint once `done` steps are stored. */
  checkpoint(done: number): unknown;
}

export interface MediaSteps<S> {
  /** Steps of the whole job, stored or not. */
  total: number;
  /** Steps still missing, in order. */
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

export async function runMediaSteps<T extends MediaJobType, S>(ctx: TaskContext<T>, steps: MediaSteps<S>, io: MediaStepsIo): Promise<void> {
  const { total, todo } = steps;
  let done = total - todo.length;
  ctx.progress(done, total, steps.label(done, total));
  if (todo.length === 0) return;

  const calls = await steps.prepare();
  await ensureSpace(calls.neededBytes, calls.what, io.estimate);
  for (const step of todo) {
    let media: MediaBlob;
    try {
      media = await calls.produce(step);
    } catch (error) {
      throw toJobFailure(error);
    }
    try {
      await io.store(ctx, media, calls.checkpoint(done + 1));
    } catch (error) {
      if (isQuotaError(error)) throw storageFullFailure(done, total, steps.noun);
      throw error;
    }
    done += 1;
    ctx.progress(done, total, steps.label(done, total));
  }
}
