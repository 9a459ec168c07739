import type { ErrorDetail } from './types';

/**
 * Scripted behaviours. `gemini.script(...)` queues them; each generate/stream call that gets past the
 * key and model checks consumes one (the fault stands for what the model service does, and the real
 * API rejects a bad key or an unknown model before any model runs). An empty queue means success.
 * A fault decides the answer whatever the request asked for: 'tts-wav' answers audio even to a story
 * prompt, so a test can reason about one call without knowing how the app phrases its requests.
 */
export type FaultName =
  /** Explicit default success, to put a good answer between faults. */
  | 'ok'
  /** 429 RESOURCE_EXHAUSTED with QuotaFailure and RetryInfo (retryDelay "2s"). */
  | 'rate-limit'
  /** 400 INVALID_ARGUMENT, ErrorInfo reason API_KEY_INVALID. */
  | 'api-key-invalid'
  | 'permission-denied'
  /** 404 NOT_FOUND as for an unknown model. */
  | 'model-not-found'
  | 'internal'
  /** 503 UNAVAILABLE "The model is overloaded. Please try again later." */
  | 'overloaded'
  /** 200, promptFeedback.blockReason SAFETY, no candidates. */
  | 'prompt-blocked'
  /** 200, candidate finishReason SAFETY and no content. */
  | 'safety'
  /** 200, finishReason MAX_TOKENS with the story JSON cut off. */
  | 'max-tokens'
  /** 200, finishReason STOP, text that is not JSON. */
  | 'malformed-json'
  /** 200, finishReason STOP, a valid story of only its first two sentences (far shorter than any length asks). */
  | 'short-story'
  /** Headers and the first frame (or half the body), then the socket is destroyed. */
  | 'drop-mid-stream'
  /** Never answers; ends when the client aborts or the server closes. */
  | 'hang'
  /** A TTS answer as a complete WAV file (mime audio/wav) instead of raw L16 PCM. */
  | 'tts-wav'
  /** 200, finishReason IMAGE_SAFETY, no inlineData. */
  | 'image-safety'
  /** 200, finishReason NO_IMAGE, no inlineData. */
  | 'no-image';

export type Fault =
  | FaultName
  | { kind: Exclude<FaultName, 'rate-limit'> }
  /** A slow success: waits `ms` (on top of setLatency) and then answers normally. */
  | { kind: 'latency'; ms: number }
  /** `retryDelay` is RetryInfo's duration string ("2s", "26s", "0.5s"); `retryAfter` adds a Retry-After header. */
  | { kind: 'rate-limit'; retryDelay?: string; retryAfter?: string }
  /** Any other HTTP error in Google's envelope, e.g. 502/504 or 408, which the app treats as transient. */
  | { kind: 'http-error'; code: number; status: string; message?: string; details?: ErrorDetail[] }
  /** 200, a picture of these bytes under this label (SVG labelled image/png, PNG labelled image/svg+xml…). */
  | InlineImageFault
  /** 200, a streamed answer that never ends its JSON: `chars` characters in `pieces` deltas. */
  | RunawayFault;

export type InlineImageFault = { kind: 'inline-image'; mimeType: string; bytes: Buffer };
export type RunawayFault = { kind: 'runaway'; chars: number; pieces: number };

/** The queued form: always an object, so the handler switches on one `kind` field. */
export type ScriptedFault =
  | { kind: Exclude<FaultName, 'rate-limit'> }
  | { kind: 'latency'; ms: number }
  | { kind: 'rate-limit'; retryDelay: string; retryAfter?: string }
  | { kind: 'http-error'; code: number; status: string; message: string; details?: ErrorDetail[] }
  | InlineImageFault
  | RunawayFault;

export const DEFAULT_RETRY_DELAY = '2s';

export function normalizeFault(fault: Fault): ScriptedFault {
  if (typeof fault === 'string') {
    return fault === 'rate-limit' ? { kind: 'rate-limit', retryDelay: DEFAULT_RETRY_DELAY } : { kind: fault };
  }
  switch (fault.kind) {
    case 'latency':
      if (!Number.isFinite(fault.ms) || fault.ms < 0) throw new RangeError(`latency fault needs ms >= 0, got ${fault.ms}`);
      return { kind: 'latency', ms: fault.ms };
    case 'rate-limit': {
      const out: ScriptedFault = { kind: 'rate-limit', retryDelay: fault.retryDelay ?? DEFAULT_RETRY_DELAY };
      if (fault.retryAfter !== undefined) out.retryAfter = fault.retryAfter;
      return out;
    }
    case 'http-error':
      if (fault.code < 400 || fault.code > 599) throw new RangeError(`http-error fault needs a 4xx/5xx code, got ${fault.code}`);
      return { ...fault, message: fault.message ?? `Fake HTTP ${fault.code} error.` };
    case 'inline-image':
    case 'runaway':
      return fault;
    default:
      return { kind: fault.kind };
  }
}

/** The name recorded in FakeCall.fault. */
export function faultLabel(fault: ScriptedFault | undefined): string {
  return fault ? fault.kind : 'ok';
}
