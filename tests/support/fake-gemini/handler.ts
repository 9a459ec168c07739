import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpError } from './errors';
import * as errors from './errors';
import { faultLabel, type ScriptedFault } from './faults';
import { answerPreflight, CORS_HEADERS, readJson, requestSignal, sendError, sendJson, sleep, untilAborted } from './http';
import { findModel, listModels } from './models';
import { decideOutcome, type Outcome, type Reply, splitAtSegments, streamFrames, unaryResponse } from './replies';
import { promptText } from './stories';
import type { CallKind, FakeCall, RequestBody } from './types';

/** The mutable state the server object and the handler share. */
export interface FakeState {
  apiKey: string;
  calls: FakeCall[];
  script: ScriptedFault[];
  latencyMs: number;
  /** The PCM every TTS answer carries (0.3 s of sine unless a test asks for longer sentences). */
  ttsPcm: Buffer;
  chunkDelayMs: number;
  /** When set, a story streams one whole segment per frame, this many ms apart (see index.ts). */
  segmentEveryMs?: number;
  /** Aborted by close(): ends waits, hangs and streams still in progress. */
  closing: AbortSignal;
  /** Called after a call is recorded (wakes waitForCalls). */
  onCall: () => void;
  /** generate/stream calls whose connection is still open, and the most there were at once. */
  open: number;
  peakOpen: number;
  /** Prompt text that holds a call until `release()` (see index.ts), and the releases waiting. */
  holdText?: string;
  held: (() => void)[];
}

type Route = { kind: CallKind; model: string; method: 'generateContent' | 'streamGenerateContent' | 'list' | 'get' };

function route(method: string, path: string): Route | undefined {
  if (method === 'GET' && path === '/v1beta/models') return { kind: 'models', model: '', method: 'list' };
  const match = /^\/v1beta\/models\/([^/:]+)(?::(generateContent|streamGenerateContent))?$/.exec(path);
  if (!match) return undefined;
  const model = decodeURIComponent(match[1]!);
  if (method === 'GET' && match[2] === undefined) return { kind: 'models', model, method: 'get' };
  if (method !== 'POST' || match[2] === undefined) return undefined;
  return match[2] === 'generateContent'
    ? { kind: 'generate', model, method: 'generateContent' }
    : { kind: 'stream', model, method: 'streamGenerateContent' };
}

function heldUntilReleased(state: FakeState, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    state.held.push(resolve);
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function keyFrom(req: IncomingMessage, url: URL): string | null {
  const header = req.headers['x-goog-api-key'];
  if (typeof header === 'string') return header;
  return url.searchParams.get('key');
}

export function createHandler(state: FakeState): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    // A client that went away mid-answer is expected here (aborts, drops), not a server failure.
    res.on('error', () => {});
    handle(state, req, res).catch(() => {
      if (!res.headersSent) sendError(res, errors.internalError());
      else res.destroy();
    });
  };
}

async function handle(state: FakeState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://fake-gemini');
  if (method === 'OPTIONS') return answerPreflight(req, res);
  const target = route(method, url.pathname);
  if (!target) {
    sendError(res, errors.pathNotFound(url.pathname));
    return;
  }

  const call: FakeCall = { method, kind: target.kind, model: target.model, at: Date.now(), status: 0, aborted: false, body: null };
  const parsed = target.kind === 'models' ? undefined : await readJson(req);
  if (parsed?.ok && typeof parsed.value === 'object' && parsed.value !== null) call.body = parsed.value as RequestBody;
  if (parsed) call.requestBytes = parsed.bytes;
  state.calls.push(call);
  if (target.kind !== 'models') {
    state.open += 1;
    state.peakOpen = Math.max(state.peakOpen, state.open);
    res.on('close', () => {
      state.open -= 1;
    });
  }
  state.onCall();
  const signal = requestSignal(res, state.closing, () => {
    call.aborted = true;
  });

  // Checked in the real API's order: key, then model, then request; a scripted fault is consumed
  // only by a call that passes all three, since it stands for what the model service does.
  const keyOk = keyFrom(req, url) === state.apiKey;
  const model = target.model ? findModel(target.model) : undefined;
  if (target.method === 'list' || target.method === 'get') {
    const page = target.method === 'list' ? listModels(url.searchParams) : undefined;
    let status = 200;
    if (!keyOk) status = send(res, errors.apiKeyInvalid());
    else if (page) status = page.ok ? json(res, page.body) : send(res, page.error);
    else status = model ? json(res, model) : send(res, errors.modelNotFound(target.model, 'get'));
    call.status = status;
    return;
  }

  let outcome: Outcome;
  let extraDelay = 0;
  if (!keyOk) outcome = { type: 'error', error: errors.apiKeyInvalid() };
  else if (!model?.supportedGenerationMethods.includes(target.method)) {
    outcome = { type: 'error', error: errors.modelNotFound(target.model, target.method) };
  } else if (!parsed?.ok) {
    outcome = { type: 'error', error: errors.invalidArgument(parsed?.reason ?? 'Invalid request.') };
  } else if (!Array.isArray(call.body?.contents) || call.body.contents.length === 0) {
    outcome = { type: 'error', error: errors.invalidArgument('* GenerateContentRequest.contents: contents is not specified\n') };
  } else {
    const fault = state.script.shift();
    call.fault = faultLabel(fault);
    if (fault?.kind === 'latency') extraDelay = fault.ms;
    outcome = decideOutcome(call.body, fault, target.model, state.ttsPcm);
  }

  await sleep(state.latencyMs + extraDelay, signal);
  if (state.holdText !== undefined && promptText(call.body).includes(state.holdText)) await heldUntilReleased(state, signal);
  if (signal.aborted) return;
  switch (outcome.type) {
    case 'error':
      call.status = outcome.error.httpStatus;
      call.responseBytes = sendError(res, outcome.error);
      return;
    case 'hang':
      return untilAborted(signal);
    case 'reply':
      // Recorded before the body goes out, so a test that has the client's result sees it.
      call.status = 200;
      if (outcome.drop) call.aborted = true;
      if (target.kind === 'generate') {
        call.responseBytes = await sendUnary(res, outcome.reply, outcome.drop, target.model, signal);
        return;
      }
      if (url.searchParams.get('alt') === 'sse') return sendSse(res, outcome.reply, outcome.drop, target.model, state, call, signal);
      // Without alt=sse the real endpoint streams one JSON array; nothing the SDK uses, so sent whole.
      json(res, streamFrames(outcome.reply, target.model));
  }
}

function send(res: ServerResponse, error: HttpError): number {
  sendError(res, error);
  return error.httpStatus;
}

function json(res: ServerResponse, body: unknown): number {
  sendJson(res, 200, body);
  return 200;
}

/** Sends a unary answer; returns the bytes sent. */
async function sendUnary(res: ServerResponse, reply: Reply, drop: boolean, model: string, signal: AbortSignal): Promise<number> {
  const body = unaryResponse(reply, model);
  if (!drop) return sendJson(res, 200, body);
  // Announce the whole length, send half, then cut: the client sees a truncated body, not a short one.
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(200, { ...CORS_HEADERS, 'content-type': 'application/json; charset=UTF-8', 'content-length': String(bytes.length) });
  res.write(bytes.subarray(0, bytes.length >> 1));
  await sleep(20, signal);
  res.destroy();
  return bytes.length >> 1;
}

async function sendSse(
  res: ServerResponse,
  reply: Reply,
  drop: boolean,
  model: string,
  state: FakeState,
  call: FakeCall,
  signal: AbortSignal,
): Promise<void> {
  res.writeHead(200, { ...CORS_HEADERS, 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const bySegment = state.segmentEveryMs !== undefined;
  const delayMs = state.segmentEveryMs ?? state.chunkDelayMs;
  const frames = streamFrames(reply, model, undefined, bySegment ? splitAtSegments : undefined);
  call.frames = [];
  for (const [i, frame] of frames.entries()) {
    if (i > 0) await sleep(delayMs, signal);
    if (signal.aborted) return;
    res.write(`data: ${JSON.stringify(frame)}\r\n\r\n`);
    const text = (frame.candidates?.[0]?.content?.parts ?? []).map((p) => p.text ?? '').join('');
    call.frames.push({ at: Date.now(), text });
    if (drop) {
      // Let the first frame reach the client before the connection dies, as a real mid-stream drop.
      await sleep(Math.max(delayMs, 20), signal);
      res.destroy();
      return;
    }
  }
  res.end();
}
