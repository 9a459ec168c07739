import { countOf } from '../domain/format';
import type { JobType } from '../domain/job';
import { longWaitInWords } from '../domain/retry-timing';
import { JOB_NOUNS } from './state';

/**
 * Every learner-facing sentence the engine writes into a job's `error.message`, in one table, so the
 * wording stays consistent and reviewable. Handlers bring their own messages (through JobFailure);
 * these wrap or replace them.
 */

/** What a handler's unreadable answer was supposed to be, for the invalid-output message. */
const OUTPUT_NOUNS: Record<JobType, string> = {
  story: 'a story',
  audio: 'narration',
  image: 'a picture',
  annotate: "the story's words",
  explain: 'a grammar note',
};

export const MESSAGES = {
  // Facts only, like every transient message: the Queue adds "Retrying in 5 s." or that it stopped.
  unexpected: 'Something went wrong while working on this.',
  timeout: 'This took too long to finish.',
  storageFull: 'The device is out of storage space. Free some space, then retry.',
  keptUntilSpace: (type: JobType) =>
    `The ${JOB_NOUNS[type]} is ready, but this device is out of storage space to save it. It is kept and saved by ` +
    'itself as soon as there is room: free some space (Settings → Storage lists what each story takes).',
  notKept: (type: JobType) =>
    `The ${JOB_NOUNS[type]} was ready, but this device is so full that it could not even be kept for later. ` +
    'Free some space (Settings → Storage), then press Retry: that asks Gemini again (one more request).',
  gaveUp: (tries: number, message: string) => `Stopped after ${countOf(tries, 'try', 'tries')}: ${asSentence(factOf(message))} Retry when you like.`,
  invalidOutput: (type: JobType, tries: number, message: string) =>
    `The model's answer could not be read as ${OUTPUT_NOUNS[type]} after ${tries} tries: ${message}`,
  dependencyFailed: (type: JobType, message: string) =>
    `The ${JOB_NOUNS[type]} this depends on failed: ${message}`,
  dependencyCancelled: (type: JobType) =>
    `Cancelled because the ${JOB_NOUNS[type]} this depends on was cancelled.`,
  dependencyMissing: 'What this depends on is no longer in the queue, so it cannot run. Start it again.',
  invalidParams: (message: string) =>
    `This job was saved by a different version of the app and can no longer run: ${message}`,
  unknownType: (type: string) => `This kind of job ("${type}") is not known to this version of the app.`,
  serverWaitTooLong: (askedMs: number) =>
    `The server asked to wait ${longWaitInWords(askedMs)} before trying again (a daily quota, most likely), ` +
    'so this stopped instead of waiting in the queue that long. Press Retry later.',
  workerLost: (times: number) =>
    `The app was closed or stopped ${times} times while working on this, so it stopped trying. Retry it to start again.`,
} as const;

/** Stable error codes the engine itself writes (handlers add their own, e.g. `api-key-invalid`). */
export const ENGINE_CODES = {
  unexpected: 'unexpected',
  timeout: 'timeout',
  storageFull: 'storage-full',
  invalidParams: 'invalid-params',
  unknownType: 'unknown-type',
  dependencyFailed: 'dependency-failed',
  dependencyCancelled: 'dependency-cancelled',
  dependencyMissing: 'dependency-missing',
  workerLost: 'worker-lost',
  aborted: 'aborted',
} as const;

/**
 * A transient failure's message without a promise to retry. Messages no longer carry one (the Queue
 * shows the one live countdown), but rows written by older versions still say "…; retrying in 26 s"
 * or "It will be tried again.": shown as they are, the line would announce the retry twice.
 */
export function factOf(message: string): string {
  return message
    .replace(/\s*It will be tried again\.\s*$/, '')
    .replace(/[;,]\s*retrying(?:\s+in\s+\d+\s*s|\s+soon|…|\.\.\.)?\.?\s*$/i, '')
    .trim();
}

/** Ends `text` with a full stop unless it already ends a sentence, so two can follow each other. */
export function asSentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
