import {
  type GenerateContentResponse,
  type GenerationConfig,
  type GenerativeModel,
  GoogleGenerativeAI,
  type ModelParams,
  type RequestOptions,
  type SingleRequestOptions,
} from '@google/generative-ai';
import { rememberSecret } from '../domain/secrets';
import { DEFAULT_GEMINI_BASE_URL } from '../domain/settings';
import { abortReason, mapGeminiError } from './errors';

/**
 * The one place that builds SDK objects. Everything else in src/ai goes through createModel(), so a
 * move to @google/genai changes this file and the call sites in this folder only.
 */

/** Where and as whom to call Gemini; all three come from Settings / the device-only secrets table. */
export interface GeminiTarget {
  apiKey: string;
  /** e.g. https://generativelanguage.googleapis.com (tests: the fake server's URL). */
  baseUrl: string;
  /** Model id without the `models/` prefix, e.g. gemini-2.5-flash. */
  model: string;
}

/**
 * Per-request timeouts (ms). The SDK's timer runs from the start of the request to the end of the
 * stream, so the story timeout must cover a whole 10–90 s generation; a hung connection is still
 * noticed long before Chrome's 3-minute Background Sync budget runs out for the next job.
 */
export const TIMEOUTS = {
  story: 150_000,
  audio: 60_000,
  image: 120_000,
  models: 20_000,
} as const;

/** The modalities the REST API accepts; 0.24.1's GenerationConfig predates them. */
export type ResponseModality = 'TEXT' | 'IMAGE' | 'AUDIO';

export interface SpeechConfig {
  voiceConfig: { prebuiltVoiceConfig: { voiceName: string } };
}

/** GenerationConfig plus the fields TTS and image models need, typed here instead of `any`. */
export type ModalityConfig = GenerationConfig & {
  responseModalities: ResponseModality[];
  speechConfig?: SpeechConfig;
};

/**
 * The SDK appends `/v1beta/...` to the base URL itself, so a trailing slash (or a pasted `/v1beta`)
 * would produce `//v1beta` or `/v1beta/v1beta` and a confusing 404.
 */
export function normalizeBaseUrl(baseUrl: string): string {
  const trimmed = baseUrl.trim().replace(/\/+$/, '').replace(/\/v1(beta)?$/, '');
  return trimmed === '' ? DEFAULT_GEMINI_BASE_URL : trimmed;
}

export interface ModelOptions {
  systemInstruction?: ModelParams['systemInstruction'];
  generationConfig?: GenerationConfig;
  timeoutMs: number;
}

export function createModel(target: GeminiTarget, options: ModelOptions): GenerativeModel {
  // Every call starts here: later error text in this context loses the key even where no MapContext reaches.
  rememberSecret(target.apiKey);
  const params: ModelParams = { model: target.model };
  if (options.systemInstruction !== undefined) params.systemInstruction = options.systemInstruction;
  if (options.generationConfig !== undefined) params.generationConfig = options.generationConfig;
  const requestOptions: RequestOptions = { baseUrl: normalizeBaseUrl(target.baseUrl), timeout: options.timeoutMs };
  return new GoogleGenerativeAI(target.apiKey).getGenerativeModel(params, requestOptions);
}

/** Per-call options: the caller's signal reaches fetch() for every request (cancel aborts it). */
export function callOptions(signal: AbortSignal): SingleRequestOptions {
  return { signal };
}

/**
 * navigator.onLine where it exists (pages and service workers); Node 20 (tests) has no navigator and
 * counts as online. Only used to tell "offline" from "network error" after a failure.
 */
export function isOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

/** Cancellation before any work: the same AbortError the engine passed in, not a new failure. */
export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw abortReason(signal);
}

/**
 * One unary generateContent call with a single text turn (TTS and images: the aggregated stream
 * response drops inlineData, PLATFORM.md). Errors come back classified; cancel throws the abort.
 */
export async function generateOnce(
  target: GeminiTarget,
  text: string,
  config: GenerationConfig,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<GenerateContentResponse> {
  throwIfAborted(signal);
  const model = createModel(target, { generationConfig: config, timeoutMs });
  let response: GenerateContentResponse;
  try {
    ({ response } = await model.generateContent({ contents: [{ role: 'user', parts: [{ text }] }] }, callOptions(signal)));
  } catch (err) {
    throw mapGeminiError(err, { apiKey: target.apiKey, online: isOnline(), model: target.model, signal });
  }
  // An answer that arrives after cancel is dropped, never turned into a result.
  throwIfAborted(signal);
  return response;
}
