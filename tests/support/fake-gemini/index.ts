import { setMaxListeners } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Fault, normalizeFault } from './faults';
import { createHandler, type FakeState } from './handler';
import { sinePcm, TTS_PCM } from './media';
import type { CallKind, FakeCall } from './types';

/**
 * A local stand-in for the Gemini REST API (generativelanguage.googleapis.com, v1beta) for
 * integration tests (the real SDK in Node) and e2e tests (the app in Chromium, hence CORS).
 *
 *   const gemini = await startFakeGemini();
 *   genAI.getGenerativeModel({ model: 'gemini-2.5-flash' }, { baseUrl: gemini.url });
 *   gemini.script('rate-limit', 'ok'); … expect(gemini.count('stream')).toBe(2); await gemini.close();
 */

export type { Fault, FaultName } from './faults';
export { IMAGE_PNG, PCM_MIME, TTS_PCM, TTS_SAMPLE_RATE, TTS_WAV } from './media';
export { MODELS, type ModelInfo } from './models';
export { fixtureSentences } from './sentences';
export { type GeneratedStory, levelFromPrompt, STORY_N3, STORY_N5, storyForRequest } from './stories';
export type { CallKind, FakeCall, GenerateContentResponse, GoogleErrorBody, RequestBody } from './types';
export { fakeTokens, sentencesInPrompt } from './words';

export interface FakeGeminiOptions {
  /** The only key the fake accepts (header x-goog-api-key or ?key=). Default 'test-key-123'. */
  apiKey?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Pause between SSE chunks, so streaming progress is observable. Default 20 ms. */
  streamChunkDelayMs?: number;
  /**
   * Stream a story as one whole segment (sentence) per frame, this many ms apart, instead of
   * `streamChunkDelayMs`-spaced even pieces: the pace of a real model, for live-draft tests and the
   * bench. Each frame's send time is recorded in `call.frames`.
   */
  streamSegmentEveryMs?: number;
}

export interface FakeGemini {
  /** 'http://127.0.0.1:PORT', the SDK's `baseUrl` (no trailing slash). */
  readonly url: string;
  readonly apiKey: string;
  /** Every recorded request, in arrival order (a live array; reset() empties it in place). */
  readonly calls: FakeCall[];
  /** How many calls of that kind (all kinds without an argument) arrived. */
  count(kind?: CallKind): number;
  /** Queues behaviours, one per generate/stream call that passes the key and model checks. */
  script(...faults: Fault[]): void;
  /** Scripted behaviours not consumed yet. */
  pending(): number;
  /** Delay before every generate/stream answer, in ms (default 0). */
  setLatency(ms: number): void;
  /** Length of the sentence every TTS answer speaks, in seconds (default 0.3; reset restores it). */
  setTtsSeconds(seconds: number): void;
  /** Resolves once `n` calls (of `kind`) have arrived, e.g. to abort a 'hang' call that is in flight. */
  waitForCalls(n: number, kind?: CallKind, timeoutMs?: number): Promise<void>;
  /** The most generate/stream requests that were open at once since the last reset (a client's parallelism). */
  peakConcurrency(): number;
  /**
   * Holds every generate/stream call whose prompt contains `text` (after its latency) until `release()`:
   * a test can then see what the app shows while exactly that request is outstanding, whatever order
   * parallel requests arrive in.
   */
  holdCallsContaining(text: string): void;
  /** Answers the held calls and stops holding. */
  release(): void;
  /** Clears calls, script, latency and holds. */
  reset(): void;
  /** Stops listening and cuts open connections, including hanging and streaming ones. */
  close(): Promise<void>;
}

export async function startFakeGemini(options: FakeGeminiOptions = {}): Promise<FakeGemini> {
  const closing = new AbortController();
  // Every in-flight request listens on this signal; many concurrent calls are normal here.
  setMaxListeners(0, closing.signal);
  let waiters: (() => void)[] = [];
  const state: FakeState = {
    apiKey: options.apiKey ?? 'test-key-123',
    calls: [],
    script: [],
    latencyMs: 0,
    ttsPcm: TTS_PCM,
    chunkDelayMs: options.streamChunkDelayMs ?? 20,
    ...(options.streamSegmentEveryMs === undefined ? {} : { segmentEveryMs: options.streamSegmentEveryMs }),
    closing: closing.signal,
    onCall: () => {
      for (const wake of waiters) wake();
    },
    open: 0,
    peakOpen: 0,
    held: [],
  };
  const release = () => {
    delete state.holdText;
    for (const answer of state.held.splice(0)) answer();
  };
  const server = createServer(createHandler(state));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const count = (kind?: CallKind) => (kind ? state.calls.filter((c) => c.kind === kind).length : state.calls.length);

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey: state.apiKey,
    calls: state.calls,
    count,
    script: (...faults) => {
      state.script.push(...faults.map(normalizeFault));
    },
    pending: () => state.script.length,
    setLatency: (ms) => {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`latency must be >= 0 ms, got ${ms}`);
      state.latencyMs = ms;
    },
    setTtsSeconds: (seconds) => {
      if (!(seconds > 0 && seconds <= 30)) throw new RangeError(`TTS length must be in (0, 30] s, got ${seconds}`);
      state.ttsPcm = sinePcm(seconds);
    },
    waitForCalls: (n, kind, timeoutMs = 5_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (count(kind) < n) return;
          clearTimeout(timer);
          waiters = waiters.filter((w) => w !== check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== check);
          reject(new Error(`fake Gemini: ${count(kind)} of ${n} ${kind ?? ''} calls after ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(check);
        check();
      }),
    peakConcurrency: () => state.peakOpen,
    holdCallsContaining: (text) => {
      state.holdText = text;
    },
    release,
    reset: () => {
      release();
      state.peakOpen = state.open;
      state.calls.length = 0;
      state.script.length = 0;
      state.latencyMs = 0;
      state.ttsPcm = TTS_PCM;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        closing.abort();
        server.close((err) => (err ? reject(err) : resolve()));
        // close() alone waits for keep-alive and hanging connections; cut them so it returns.
        server.closeAllConnections();
      }),
  };
}
