import type { JobRow } from '../../domain/job';

/**
 * What a learner can do about a job that failed or waits, beyond Retry: the fixes that live in
 * Settings get a link there, and a refused topic gets "Edit and try again" (a Retry of the same
 * words would only be refused the same way).
 */

/** Codes whose fix is in Settings, whether or not their wording says so (403 does not). */
const SETTINGS_CODES = new Set([
  'no-api-key',
  'api-key-invalid',
  'permission-denied',
  'model-not-found',
  'endpoint-not-found',
  'bad-model-list',
  'storage-full',
]);

/**
 * Codes (src/ai/finish.ts, errors.ts) for Gemini refusing what it was asked: the prompt was blocked,
 * or the answer was stopped for its content. For a story the words asked for have to change.
 */
const REFUSED_CODES = new Set([
  'prompt-blocked',
  'blocked',
  'safety',
  'recitation',
  'prohibited-content',
  'blocklist',
  'spii',
  'language',
  'blocked-other',
]);

/** Whether the fix for this job's error is in Settings (and the row links there). */
export function fixIsInSettings(job: JobRow): boolean {
  const error = job.error;
  if (!error || job.status === 'completed' || job.status === 'cancelled') return false;
  return SETTINGS_CODES.has(error.code) || /\bSettings\b/.test(error.message);
}

/** A story whose topic or instructions Gemini refused: it offers "Edit and try again", not Retry. */
export function wasRefused(job: JobRow): job is JobRow<'story'> {
  return job.type === 'story' && job.status === 'failed' && REFUSED_CODES.has(job.error?.code ?? '');
}
