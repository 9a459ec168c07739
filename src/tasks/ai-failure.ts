import { AiError } from '../ai/errors';
import { isAbortError } from '../domain/error-kinds';
import { JobFailure } from '../jobs/errors';

/**
 * The seam between the adapter's errors and the engine's: the same four kinds, so classification
 * happens once (src/ai/errors.ts) and the engine decides retries (src/jobs/failure-policy.ts).
 * Aborts pass through untouched: the engine treats them as cancellation, not failure.
 */
export function toJobFailure(error: unknown): unknown {
  if (isAbortError(error) || error instanceof JobFailure) return error;
  if (error instanceof AiError) {
    return new JobFailure(error.kind, error.code, error.message, {
      retryAfterMs: error.retryAfterMs,
      details: { status: error.status ?? null, detail: error.detail ?? null },
    });
  }
  return error;
}
