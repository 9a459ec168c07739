import { JOB_PARAMS_SCHEMAS, type JobParams, type JobType } from '../domain/job';

export type ParamsCheck<T extends JobType> =
  | { ok: true; value: JobParams[T] }
  | { ok: false; message: string; issues: { path: string; message: string }[] };

/**
 * Validates params with the type's schema. Runs at enqueue and again at claim, because a row in
 * IndexedDB outlives the code that wrote it (an older or newer app version, a restored backup).
 */
export function checkParams<T extends JobType>(type: T, params: unknown): ParamsCheck<T> {
  const parsed = JOB_PARAMS_SCHEMAS[type].safeParse(params);
  if (parsed.success) {
    // The schema for `type` produces JobParams[type]; TS cannot correlate the indexed union itself.
    return { ok: true, value: parsed.data as JobParams[T] };
  }
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  const message = first === undefined ? 'invalid parameters' : first.path ? `${first.path}: ${first.message}` : first.message;
  return { ok: false, message, issues };
}
