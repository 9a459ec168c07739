import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AiError } from '../../../src/ai/errors';
import { MAX_STORY_ANSWER_CHARS } from '../../../src/ai/story-stream';
import { type GenerateStoryOptions, generateStory, type StoryProgress, toStory } from '../../../src/ai/generate-story';
import type { JobParams } from '../../../src/domain/job';
import { StorySchema } from '../../../src/domain/story';
import { type Fault, type FakeGemini, STORY_N3, STORY_N5, startFakeGemini } from '../../support/fake-gemini';
import { mintFakeGoogleKey } from '../../support/fake-key';

// A key shaped like a real one, so "never in a message" is tested against the pattern scrubber too.
const API_KEY = mintFakeGoogleKey();

let gemini: FakeGemini;
beforeAll(async () => {
  gemini = await startFakeGemini({ apiKey: API_KEY });
});
afterAll(() => gemini.close());
beforeEach(() => gemini.reset());
afterEach(() => {
  vi.unstubAllGlobals();
});

const PARAMS: JobParams['story'] = { topic: 'A morning walk', level: 'N5', length: 'short', instructions: '' };

function options(over: Partial<GenerateStoryOptions> = {}): GenerateStoryOptions {
  return {
    apiKey: API_KEY,
    baseUrl: gemini.url,
    model: 'gemini-2.5-flash',
    params: PARAMS,
    signal: new AbortController().signal,
    ...over,
  };
}

async function failure(promise: Promise<unknown>): Promise<AiError> {
  const err = await promise.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AiError);
  return err as AiError;
}

describe('generateStory against the fake Gemini server', () => {
  it.each([
    ['N5', STORY_N5],
    ['Beginner', STORY_N5],
    ['N3', STORY_N3],
    ['Intermediate', STORY_N3],
  ] as const)('writes a %s story, streaming progress', async (level, expected) => {
    const progress: StoryProgress[] = [];
    const story = await generateStory(options({ params: { ...PARAMS, level }, onProgress: (p) => progress.push(p) }));
    expect(story.titleJP).toBe(expected.titleJP);
    expect(story.content.map((s) => s.jp)).toEqual(expected.content.map((s) => s.jp));
    expect(story.questions).toHaveLength(expected.questions.length);

    expect(progress.length).toBeGreaterThan(1);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]!.chars).toBeGreaterThan(progress[i - 1]!.chars);
      expect(progress[i]!.segments).toBeGreaterThanOrEqual(progress[i - 1]!.segments);
    }
    expect(progress.at(-1)!.segments).toBe(expected.content.length);

    expect(gemini.count('stream')).toBe(1);
    const body = gemini.calls[0]!.body!;
    expect(body.generationConfig?.responseMimeType).toBe('application/json');
    expect(body.generationConfig?.responseSchema).toMatchObject({ type: 'object' });
    expect(JSON.stringify(body.systemInstruction)).toContain('Furigana rules');
    expect(JSON.stringify(body.contents)).toContain(`Level: ${level}`);
  });

  it('turns the result into a valid library Story', async () => {
    const generated = await generateStory(options());
    const story = toStory(generated, { id: crypto.randomUUID(), params: PARAMS, model: 'gemini-2.5-flash', now: Date.now() });
    expect(StorySchema.safeParse(story).success).toBe(true);
    expect(story.topic).toBe(PARAMS.topic);
    expect(story.source).toBe('generated');
  });

  const FAULTS: [string, Fault, AiError['kind'], string, RegExp][] = [
    ['rate-limit', 'rate-limit', 'transient', 'rate-limited', /^Gemini's rate limit was reached$/],
    ['api-key-invalid', 'api-key-invalid', 'permanent', 'api-key-invalid', /^Your Gemini API key was rejected — check it in Settings\.$/],
    ['permission-denied', 'permission-denied', 'permanent', 'permission-denied', /\(403\)/],
    ['model-not-found', 'model-not-found', 'permanent', 'model-not-found', /^The model “gemini-2\.5-flash” does not exist/],
    ['internal', 'internal', 'transient', 'server-error', /server error \(500\)/],
    ['overloaded', 'overloaded', 'transient', 'overloaded', /^Gemini is overloaded/],
    ['502', { kind: 'http-error', code: 502, status: 'BAD_GATEWAY' }, 'transient', 'server-error', /\(502\)/],
    ['504', { kind: 'http-error', code: 504, status: 'DEADLINE_EXCEEDED' }, 'transient', 'server-error', /\(504\)/],
    ['408', { kind: 'http-error', code: 408, status: 'DEADLINE_EXCEEDED' }, 'transient', 'timeout', /too long/],
    ['400 other', { kind: 'http-error', code: 400, status: 'INVALID_ARGUMENT', message: 'Bad schema.' }, 'permanent', 'invalid-request', /Bad schema/],
    ['prompt-blocked', 'prompt-blocked', 'permanent', 'prompt-blocked', /^Gemini refused this topic: /],
    ['safety', 'safety', 'permanent', 'safety', /safety filters/],
    ['max-tokens', 'max-tokens', 'invalid-output', 'max-tokens', /^Gemini's answer stopped before the story was finished\. Retry usually works\.$/],
    ['malformed-json', 'malformed-json', 'invalid-output', 'invalid-json', /^Gemini's answer was not a complete story\. Retry usually works\.$/],
    ['drop-mid-stream', 'drop-mid-stream', 'transient', 'network', /Could not reach Gemini/],
  ];

  it.each(FAULTS)('%s → %s %s', async (_, fault, kind, code, message) => {
    gemini.script(fault);
    const err = await failure(generateStory(options()));
    expect(err.kind).toBe(kind);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(`${err.message} ${err.detail ?? ''}`).not.toContain(API_KEY);
    expect(gemini.pending()).toBe(0);
  });

  it('honours a custom RetryInfo delay', async () => {
    gemini.script({ kind: 'rate-limit', retryDelay: '26s' });
    expect(await failure(generateStory(options()))).toMatchObject({ retryAfterMs: 26_000 });
  });

  it('reports a wrong key and an unknown model before any model runs', async () => {
    expect(await failure(generateStory(options({ apiKey: 'wrong-key-000' })))).toMatchObject({ code: 'api-key-invalid', kind: 'permanent' });
    const unknown = await failure(generateStory(options({ model: 'gemini-9-ultra' })));
    expect(unknown).toMatchObject({ code: 'model-not-found', message: 'The model “gemini-9-ultra” does not exist — pick another in Settings.' });
  });

  it('says offline when the network is gone and the browser knows it', async () => {
    const dead = options({ baseUrl: 'http://127.0.0.1:9' });
    expect(await failure(generateStory(dead))).toMatchObject({ kind: 'transient', code: 'network' });
    vi.stubGlobal('navigator', { onLine: false });
    expect(await failure(generateStory(dead))).toMatchObject({ kind: 'offline', code: 'offline' });
  });
});

describe('a runaway answer', () => {
  it('is cut off at the cap, at the connection, as invalid output', async () => {
    // Five times the cap in 40 deltas: the old code kept all of it and failed only on parsing.
    gemini.script({ kind: 'runaway', chars: 5 * MAX_STORY_ANSWER_CHARS, pieces: 40 });
    const progress: StoryProgress[] = [];
    const err = await failure(generateStory(options({ onProgress: (p) => progress.push(p) })));
    expect(err).toMatchObject({ kind: 'invalid-output', code: 'answer-too-long' });
    expect(err.message).toBe("Gemini's answer went on and on without finishing the story, so it was stopped. Retry usually works.");
    expect(err.detail).toBe('more than 200000 characters');
    expect(Math.max(...progress.map((p) => p.chars))).toBeLessThanOrEqual(MAX_STORY_ANSWER_CHARS);
    // The request itself was ended: the fake saw the client go away before its last frame.
    await vi.waitFor(() => expect(gemini.calls[0]!.aborted).toBe(true));
  });
});

describe('cancellation', () => {
  it('rejects with AbortError promptly when aborted during a hanging call', async () => {
    gemini.script('hang');
    const controller = new AbortController();
    const promise = generateStory(options({ signal: controller.signal }));
    const settled = promise.catch((e: unknown) => e);
    await gemini.waitForCalls(1, 'stream');
    const started = performance.now();
    controller.abort();
    const err = await settled;
    expect(performance.now() - started).toBeLessThan(500);
    expect(err).toMatchObject({ name: 'AbortError' });
    expect(err).not.toBeInstanceOf(AiError);
    await vi.waitFor(() => expect(gemini.calls[0]!.aborted).toBe(true));
  });

  it('rejects with the abort reason when aborted mid-stream, without calling onProgress again', async () => {
    const controller = new AbortController();
    const reason = new DOMException('cancelled by the learner', 'AbortError');
    let calls = 0;
    const promise = generateStory(
      options({
        signal: controller.signal,
        onProgress: () => {
          calls += 1;
          if (calls === 1) controller.abort(reason);
        },
      }),
    );
    await expect(promise).rejects.toBe(reason);
    expect(calls).toBe(1);
  });

  it('makes no request when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(generateStory(options({ signal: controller.signal }))).rejects.toMatchObject({ name: 'AbortError' });
    expect(gemini.count()).toBe(0);
  });
});
