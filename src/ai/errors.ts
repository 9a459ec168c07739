import {
  type ErrorDetails,
  GoogleGenerativeAIAbortError,
  GoogleGenerativeAIError,
  GoogleGenerativeAIFetchError,
  GoogleGenerativeAIRequestInputError,
  GoogleGenerativeAIResponseError,
} from '@google/generative-ai';
import { isAbortError } from '../domain/error-kinds';
import { parseRetryAfter, parseRetryDelay } from '../domain/retry-timing';
import { scrubDetail, scrubSecrets } from '../domain/secrets';
import { AI_MESSAGES } from './messages';

/** Server wording kept for diagnostics (AiError.detail), and the shorter part quoted to the learner. */
const MAX_DETAIL_CHARS = 300;
const MAX_QUOTED_CHARS = 160;

/**
 * The one error type the adapter throws (besides AbortError on cancel). The kinds match the job
 * engine's failure kinds; src/tasks turns an AiError into the engine's JobFailure (this layer may
 * not import src/jobs). The message is learner-facing and always scrubbed of credentials; the
 * adapter also passes the learner's key to scrubSecrets wherever server text is kept (MapContext).
 */
export type AiErrorKind = 'transient' | 'permanent' | 'invalid-output' | 'offline';

export interface AiErrorOptions {
  /** Server's retry hint (RetryInfo.retryDelay or Retry-After); the engine never retries sooner. */
  retryAfterMs?: number;
  /** HTTP status, when the error came from one. */
  status?: number;
  /** The server's own wording (scrubbed, short): for diagnostics, not for the learner. */
  detail?: string;
}

export class AiError extends Error {
  override readonly name = 'AiError';
  readonly kind: AiErrorKind;
  /** Stable, machine-readable: `api-key-invalid`, `rate-limited`, `max-tokens`, … */
  readonly code: string;
  readonly retryAfterMs: number | undefined;
  readonly status: number | undefined;
  readonly detail: string | undefined;

  constructor(kind: AiErrorKind, code: string, message: string, options: AiErrorOptions = {}) {
    // No `cause`: the SDK error it came from carries request URLs, and a cause ends up in logs.
    super(scrubSecrets(message));
    this.kind = kind;
    this.code = code;
    this.retryAfterMs = options.retryAfterMs;
    this.status = options.status;
    this.detail = options.detail === undefined ? undefined : scrubDetail(options.detail, MAX_DETAIL_CHARS);
  }
}

/**
 * An HTTP error from a request the adapter makes itself (the model list). It extends the SDK's class
 * so one mapping covers both, and keeps Retry-After, which the SDK's own errors drop.
 */
export class GeminiHttpError extends GoogleGenerativeAIFetchError {
  retryAfter: string | undefined;
  constructor(message: string, status: number, statusText: string, details?: ErrorDetails[], retryAfter?: string) {
    super(message, status, statusText, details);
    this.retryAfter = retryAfter;
  }
}

/** What to throw when `signal` aborted: its own reason (the engine aborts with an AbortError). */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

export interface MapContext {
  /** Scrubbed from every message, verbatim. */
  apiKey: string;
  /** navigator.onLine at the time of the failure: a network error while offline is 'offline'. */
  online: boolean;
  /** The model the call used, for the 404 message; absent for the model list. */
  model?: string;
  /** The caller's signal: when it aborted, the abort wins over whatever error it caused. */
  signal?: AbortSignal;
}

// The SDK wraps fetch failures in its base class; these are its wordings for transport failures.
const SDK_TRANSPORT = /Error fetching from|Error reading from the stream|Failed to parse stream|Error parsing JSON response/;
// fetch() rejects with a TypeError on network failure; the text differs per engine.
const FETCH_TYPE_ERROR = /fetch|network|load failed|terminated|socket|ECONN|ENOTFOUND|EAI_AGAIN/i;

function isNetworkError(err: unknown): boolean {
  if (err instanceof TypeError) return FETCH_TYPE_ERROR.test(err.message);
  return err instanceof GoogleGenerativeAIError && SDK_TRANSPORT.test(err.message);
}

/** The server's message out of the SDK's "Error fetching from URL: [400 Bad Request] text [details]". */
function serverText(err: GoogleGenerativeAIFetchError, apiKey: string): string {
  let text = /\[\d{3}[^\]]*\]\s*([\s\S]*)$/.exec(err.message)?.[1] ?? '';
  const details = err.errorDetails ? JSON.stringify(err.errorDetails) : '';
  if (details && text.endsWith(details)) text = text.slice(0, -details.length);
  return scrubDetail(text.trim(), MAX_QUOTED_CHARS, [apiKey]);
}

/** The server's retry hint: RetryInfo in the error details first (Gemini's own), else Retry-After. */
export function retryAfterMs(details: readonly ErrorDetails[] | undefined, retryAfterHeader?: string): number | undefined {
  const info = details?.find((d) => typeof d['@type'] === 'string' && d['@type'].endsWith('RetryInfo'));
  return parseRetryDelay(info?.retryDelay) ?? parseRetryAfter(retryAfterHeader);
}

function isKeyRejection(err: GoogleGenerativeAIFetchError): boolean {
  const reasons = (err.errorDetails ?? []).map((d) => d.reason);
  return reasons.includes('API_KEY_INVALID') || reasons.includes('API_KEY_EXPIRED') || /API key (not valid|expired)/i.test(err.message);
}

function fromStatus(err: GoogleGenerativeAIFetchError, status: number, ctx: MapContext): AiError {
  const detail = serverText(err, ctx.apiKey);
  const base = { status, detail };
  if ((status === 400 && isKeyRejection(err)) || status === 401) {
    return new AiError('permanent', 'api-key-invalid', AI_MESSAGES.apiKeyInvalid, base);
  }
  if (status === 403) return new AiError('permanent', 'permission-denied', AI_MESSAGES.permissionDenied, base);
  if (status === 404) {
    const message = ctx.model ? AI_MESSAGES.modelNotFound(scrubSecrets(ctx.model, [ctx.apiKey])) : AI_MESSAGES.endpointNotFound;
    return new AiError('permanent', ctx.model ? 'model-not-found' : 'endpoint-not-found', message, base);
  }
  const retry = retryAfterMs(err.errorDetails, err instanceof GeminiHttpError ? err.retryAfter : undefined);
  const transient = retry === undefined ? base : { ...base, retryAfterMs: retry };
  switch (status) {
    case 408:
      return new AiError('transient', 'timeout', AI_MESSAGES.timeout, transient);
    case 429:
      return new AiError('transient', 'rate-limited', AI_MESSAGES.rateLimited(retry), transient);
    case 503:
      return new AiError('transient', 'overloaded', AI_MESSAGES.overloaded, transient);
  }
  if (status >= 500) return new AiError('transient', 'server-error', AI_MESSAGES.serverError(status), transient);
  return new AiError('permanent', 'invalid-request', AI_MESSAGES.invalidRequest(detail), base);
}

/**
 * Classifies anything a Gemini call threw. Cancellation is not an error: when the caller's signal
 * aborted, or `err` is an AbortError, this THROWS the abort (so `throw mapGeminiError(e, ctx)` can
 * never turn a cancel into a failure). Otherwise it returns the AiError to throw.
 */
export function mapGeminiError(err: unknown, ctx: MapContext): AiError {
  if (ctx.signal?.aborted) throw abortReason(ctx.signal);
  if (isAbortError(err)) throw err;
  if (err instanceof AiError) return err;
  if (err instanceof GoogleGenerativeAIFetchError && typeof err.status === 'number') return fromStatus(err, err.status, ctx);
  if (err instanceof GoogleGenerativeAIResponseError) {
    return new AiError('permanent', 'blocked', AI_MESSAGES.responseBlocked, { detail: scrubSecrets(err.message, [ctx.apiKey]) });
  }
  if (err instanceof GoogleGenerativeAIRequestInputError) {
    return new AiError('permanent', 'invalid-request', AI_MESSAGES.invalidRequest(''), { detail: scrubSecrets(err.message, [ctx.apiKey]) });
  }
  const detail = err instanceof Error ? scrubSecrets(err.message, [ctx.apiKey]) : undefined;
  const options = detail === undefined ? {} : { detail };
  // Without a network every failure to get an answer is "offline": the job waits instead of retrying.
  if (!ctx.online) return new AiError('offline', 'offline', AI_MESSAGES.offline, options);
  // The SDK's own timeout (RequestOptions.timeout) surfaces as its AbortError while our signal is live.
  if (err instanceof GoogleGenerativeAIAbortError || (err instanceof Error && err.name === 'TimeoutError')) {
    return new AiError('transient', 'timeout', AI_MESSAGES.timeout, options);
  }
  if (isNetworkError(err)) return new AiError('transient', 'network', AI_MESSAGES.network, options);
  return new AiError('transient', 'unexpected', AI_MESSAGES.unexpected, options);
}
