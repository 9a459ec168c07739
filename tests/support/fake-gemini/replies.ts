import { randomUUID } from 'node:crypto';
import type { HttpError } from './errors';
import * as errors from './errors';
import type { ScriptedFault } from './faults';
import { IMAGE_PNG, PCM_MIME, TTS_PCM, TTS_WAV } from './media';
import { promptText, storyForRequest } from './stories';
import type { Candidate, GenerateContentResponse, Part, RequestBody, SafetyRating } from './types';
import { annotateAnswer, explainAnswer, isAnnotateRequest, isExplainRequest } from './words';

/** What one generate/stream call answers, before it is shaped as a unary body or as SSE frames. */
export interface Reply {
  parts: Part[];
  finishReason?: string;
  blockReason?: string;
  promptTokens: number;
  /** How many deltas a streamed text is split into (default 6). */
  pieces?: number;
}

export type Outcome = { type: 'error'; error: HttpError } | { type: 'hang' } | { type: 'reply'; reply: Reply; drop: boolean };

export type RequestType = 'story' | 'tts' | 'image' | 'annotate' | 'explain';

/**
 * The app asks for audio or images through responseModalities, exactly as the real API expects; a
 * story's words and a sentence's grammar note by their schema and prompt (words.ts).
 */
export function requestType(body: RequestBody | null): RequestType {
  const modalities = (body?.generationConfig?.responseModalities ?? []).map((m) => String(m).toUpperCase());
  if (modalities.includes('AUDIO')) return 'tts';
  if (modalities.includes('IMAGE')) return 'image';
  if (isAnnotateRequest(body)) return 'annotate';
  if (isExplainRequest(body, promptText(body))) return 'explain';
  return 'story';
}

/** The text a text request is answered with: the story's JSON, the word list's JSON, or the note. */
function answerText(body: RequestBody | null): string {
  switch (requestType(body)) {
    case 'annotate':
      return annotateAnswer(promptText(body));
    case 'explain':
      return explainAnswer(promptText(body));
    default:
      return JSON.stringify(storyForRequest(body));
  }
}

const inline = (mimeType: string, bytes: Buffer): Part => ({ inlineData: { mimeType, data: bytes.toString('base64') } });

function successParts(body: RequestBody | null, ttsPcm: Buffer): Part[] {
  switch (requestType(body)) {
    case 'tts':
      return [inline(PCM_MIME, ttsPcm)];
    case 'image':
      return [{ text: 'Here is the picture' }, inline('image/png', IMAGE_PNG)];
    default:
      return [{ text: answerText(body) }];
  }
}

export function decideOutcome(body: RequestBody | null, fault: ScriptedFault | undefined, model: string, ttsPcm: Buffer = TTS_PCM): Outcome {
  const promptTokens = Math.max(1, Math.ceil(promptText(body).length / 3));
  const reply = (parts: Part[], finishReason?: string): Outcome => ({
    type: 'reply',
    reply: finishReason === undefined ? { parts, promptTokens } : { parts, finishReason, promptTokens },
    drop: false,
  });
  const storyJson = () => answerText(body);
  switch (fault?.kind) {
    case undefined:
    case 'ok':
    case 'latency':
      return reply(successParts(body, ttsPcm), 'STOP');
    case 'drop-mid-stream':
      return { type: 'reply', reply: { parts: successParts(body, ttsPcm), finishReason: 'STOP', promptTokens }, drop: true };
    case 'hang':
      return { type: 'hang' };
    case 'rate-limit':
      return { type: 'error', error: errors.rateLimited(model, fault.retryDelay, fault.retryAfter) };
    case 'api-key-invalid':
      return { type: 'error', error: errors.apiKeyInvalid() };
    case 'permission-denied':
      return { type: 'error', error: errors.permissionDenied() };
    case 'model-not-found':
      return { type: 'error', error: errors.modelNotFound(model, 'generateContent') };
    case 'internal':
      return { type: 'error', error: errors.internalError() };
    case 'overloaded':
      return { type: 'error', error: errors.overloaded() };
    case 'http-error':
      return { type: 'error', error: errors.googleError(fault.code, fault.status, fault.message, fault.details) };
    case 'prompt-blocked':
      return { type: 'reply', reply: { parts: [], blockReason: 'SAFETY', promptTokens }, drop: false };
    case 'safety':
      return reply([], 'SAFETY');
    case 'max-tokens': {
      // Cut inside the content array, as a real MAX_TOKENS stop leaves it: never parseable JSON.
      const json = storyJson();
      return reply([{ text: json.slice(0, Math.floor(json.length * 0.6)) }], 'MAX_TOKENS');
    }
    case 'malformed-json':
      // Leading prose and unquoted keys: still wrong after stripping code fences or cutting to the
      // first '{', so a lenient parser cannot accidentally make this case pass.
      return reply([{ text: `Here is your story:\n${storyJson().replace(/"([A-Za-z]+)":/g, '$1:')}` }], 'STOP');
    case 'short-story': {
      if (requestType(body) !== 'story') return reply(successParts(body, ttsPcm), 'STOP');
      const story = storyForRequest(body);
      return reply([{ text: JSON.stringify({ ...story, content: story.content.slice(0, 2) }) }], 'STOP');
    }
    case 'tts-wav':
      return reply([inline('audio/wav', TTS_WAV)], 'STOP');
    case 'image-safety':
      return reply([], 'IMAGE_SAFETY');
    case 'no-image':
      return reply([], 'NO_IMAGE');
    case 'inline-image':
      return reply([{ text: 'Here is the picture' }, inline(fault.mimeType, fault.bytes)], 'STOP');
    case 'runaway': {
      // An opened story whose title never ends: the model repeating itself until someone stops it.
      const text = `{"titleJP":"${'あ'.repeat(Math.max(0, fault.chars - 13))}`;
      return { type: 'reply', reply: { parts: [{ text }], finishReason: 'STOP', promptTokens, pieces: fault.pieces }, drop: false };
    }
  }
}

const HARM_CATEGORIES = ['HARM_CATEGORY_SEXUALLY_EXPLICIT', 'HARM_CATEGORY_HATE_SPEECH', 'HARM_CATEGORY_HARASSMENT', 'HARM_CATEGORY_DANGEROUS_CONTENT'];

function safetyRatings(blocked: boolean): SafetyRating[] {
  return HARM_CATEGORIES.map((category, i) =>
    blocked && i === 3 ? { category, probability: 'HIGH', blocked: true } : { category, probability: 'NEGLIGIBLE' },
  );
}

function partTokens(parts: Part[]): number {
  return parts.reduce((n, p) => n + (p.text ? Math.ceil(p.text.length / 3) : p.inlineData ? 258 : 0), 0);
}

function envelope(model: string, responseId: string, candidate: Candidate | undefined, reply: Reply, last: boolean): GenerateContentResponse {
  const res: GenerateContentResponse = { modelVersion: model, responseId };
  if (candidate) res.candidates = [candidate];
  if (last) {
    const candidatesTokenCount = partTokens(reply.parts);
    res.usageMetadata = { promptTokenCount: reply.promptTokens, candidatesTokenCount, totalTokenCount: reply.promptTokens + candidatesTokenCount };
  }
  if (reply.blockReason) res.promptFeedback = { blockReason: reply.blockReason, safetyRatings: safetyRatings(true) };
  return res;
}

function candidateOf(parts: Part[], finishReason: string | undefined): Candidate {
  const candidate: Candidate = { index: 0 };
  if (parts.length > 0) candidate.content = { role: 'model', parts };
  if (finishReason) candidate.finishReason = finishReason;
  if (finishReason === 'SAFETY') candidate.safetyRatings = safetyRatings(true);
  return candidate;
}

/** The generateContent body. */
export function unaryResponse(reply: Reply, model: string): GenerateContentResponse {
  const candidate = reply.blockReason ? undefined : candidateOf(reply.parts, reply.finishReason);
  return envelope(model, randomUUID().replaceAll('-', ''), candidate, reply, true);
}

/**
 * The streamGenerateContent chunks: text split into `pieces` deltas, each inline part in a chunk of
 * its own, finishReason and usage on the last chunk, as the real stream does.
 */
export function streamFrames(
  reply: Reply,
  model: string,
  pieces = reply.pieces ?? 6,
  split?: (text: string) => string[],
): GenerateContentResponse[] {
  const id = randomUUID().replaceAll('-', '');
  if (reply.blockReason) return [envelope(model, id, undefined, reply, true)];
  const deltas: Part[] = [];
  for (const part of reply.parts) {
    if (typeof part.text !== 'string') {
      deltas.push(part);
      continue;
    }
    if (split) {
      for (const piece of split(part.text)) deltas.push({ text: piece });
      continue;
    }
    const chars = Array.from(part.text);
    const size = Math.max(1, Math.ceil(chars.length / pieces));
    for (let i = 0; i < chars.length; i += size) deltas.push({ text: chars.slice(i, i + size).join('') });
  }
  if (deltas.length === 0) return [envelope(model, id, candidateOf([], reply.finishReason), reply, true)];
  return deltas.map((delta, i) => {
    const last = i === deltas.length - 1;
    return envelope(model, id, candidateOf([delta], last ? reply.finishReason : undefined), reply, last);
  });
}

/**
 * A story's JSON cut just before each sentence's segment (`{"jp"`): the first piece carries the
 * titles, each following one exactly one whole segment (the last also the questions). What
 * `streamSegmentEveryMs` sends, so "one sentence every N ms" is literal.
 */
export function splitAtSegments(text: string): string[] {
  const starts = [...text.matchAll(/\{"jp":/g)].map((m) => m.index);
  if (starts.length === 0) return [text];
  const cuts = [0, ...starts, text.length];
  return cuts.slice(0, -1).map((from, i) => text.slice(from, cuts[i + 1])).filter((piece) => piece !== '');
}
