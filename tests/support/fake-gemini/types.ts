/**
 * Wire shapes of the Gemini REST API (v1beta) as far as the fake needs them. They are written out here
 * rather than imported from the SDK on purpose: the fake must describe what the server sends, and a
 * test double typed by the client it tests would hide a mismatch between the two.
 */

export interface InlineData {
  mimeType: string;
  /** Base64 of the bytes. */
  data: string;
}

export interface Part {
  text?: string;
  inlineData?: InlineData;
  [key: string]: unknown;
}

export interface Content {
  role?: string;
  parts?: Part[];
}

/** The request body of generateContent / streamGenerateContent, loosely: tests read what the app sent. */
export interface RequestBody {
  contents?: Content[];
  systemInstruction?: Content | string;
  generationConfig?: {
    responseModalities?: string[];
    responseMimeType?: string;
    responseSchema?: unknown;
    speechConfig?: unknown;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export interface SafetyRating {
  category: string;
  probability: string;
  blocked?: boolean;
}

export interface Candidate {
  content?: { role: 'model'; parts: Part[] };
  finishReason?: string;
  index: number;
  safetyRatings?: SafetyRating[];
}

export interface UsageMetadata {
  promptTokenCount: number;
  candidatesTokenCount: number;
  totalTokenCount: number;
}

export interface GenerateContentResponse {
  candidates?: Candidate[];
  promptFeedback?: { blockReason: string; safetyRatings: SafetyRating[] };
  usageMetadata?: UsageMetadata;
  modelVersion: string;
  responseId: string;
}

/** One entry of `error.details`; `@type` names the google.rpc message (RetryInfo, ErrorInfo, …). */
export interface ErrorDetail {
  '@type': string;
  [key: string]: unknown;
}

/** Google's JSON error envelope, the same for every HTTP error of the API. */
export interface GoogleErrorBody {
  error: { code: number; message: string; status: string; details?: ErrorDetail[] };
}

export type CallKind = 'generate' | 'stream' | 'models';

/** One request the fake received (CORS preflights and unknown paths are not recorded). */
export interface FakeCall {
  method: string;
  kind: CallKind;
  /** Model id without the `models/` prefix; '' for the model list. */
  model: string;
  /** Date.now() when the request arrived. */
  at: number;
  /** HTTP status sent; 0 while pending, and for calls that were never answered ('hang', aborts). */
  status: number;
  /** True when the connection ended before the answer was complete: client abort, close(), or a drop fault. */
  aborted: boolean;
  /** The parsed JSON request body; null for GET or a body that is not JSON. */
  body: RequestBody | null;
  /** The scripted behaviour this call consumed, if any ('ok' when the script was empty). */
  fault?: string;
  /** Bytes of the request body as received (absent for GET). */
  requestBytes?: number;
  /** Bytes of a unary or error answer's body as sent (streamed answers: see `frames`). */
  responseBytes?: number;
  /** Streamed calls: Date.now() as each SSE frame was written, and that frame's text (bench timing). */
  frames?: { at: number; text: string }[];
}
