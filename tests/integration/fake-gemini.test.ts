import { inflateSync, crc32 as zlibCrc32 } from 'node:zlib';
import {
  type EnhancedGenerateContentResponse,
  type GenerationConfig,
  GoogleGenerativeAI,
  GoogleGenerativeAIAbortError,
  GoogleGenerativeAIError,
  GoogleGenerativeAIFetchError,
  GoogleGenerativeAIResponseError,
} from '@google/generative-ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { tokenizeFurigana } from '../../src/domain/furigana';
import { QuestionSchema, SegmentSchema } from '../../src/domain/story';
import {
  type Fault,
  type FakeGemini,
  type GeneratedStory,
  IMAGE_PNG,
  levelFromPrompt,
  MODELS,
  PCM_MIME,
  STORY_N3,
  STORY_N5,
  startFakeGemini,
  TTS_PCM,
} from '../support/fake-gemini';
import { crc32 } from '../support/fake-gemini/media';

// The SDK 0.24.1 types predate responseModalities; the app's adapter passes it the same way.
type ModalConfig = GenerationConfig & { responseModalities: string[] };
const TTS_CONFIG: ModalConfig = { responseModalities: ['AUDIO'] };
const IMAGE_CONFIG: ModalConfig = { responseModalities: ['TEXT', 'IMAGE'] };

let gemini: FakeGemini;
beforeAll(async () => {
  gemini = await startFakeGemini();
});
afterAll(() => gemini.close());
beforeEach(() => gemini.reset());

function model(name = 'gemini-2.5-flash', key = gemini.apiKey) {
  return new GoogleGenerativeAI(key).getGenerativeModel({ model: name }, { baseUrl: gemini.url });
}

function storyPrompt(level: string, topic = 'A rainy day'): string {
  return `Write a graded reader story.\nLevel: ${level}\nTopic: ${topic}\nLength: short`;
}

async function fetchError(promise: Promise<unknown>): Promise<GoogleGenerativeAIFetchError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GoogleGenerativeAIFetchError);
  return err as GoogleGenerativeAIFetchError;
}

const KANJI = /[\u4e00-\u9fff\u3005]/;

describe('canned stories', () => {
  it.each([
    ['N5', STORY_N5],
    ['N3', STORY_N3],
  ] as [string, GeneratedStory][])('%s story is well formed and every kanji has a reading', (_, story) => {
    expect(story.content.length).toBeGreaterThanOrEqual(5);
    expect(story.content.length).toBeLessThanOrEqual(7);
    expect(story.questions).toHaveLength(3);
    z.array(SegmentSchema).parse(story.content);
    z.array(QuestionSchema).parse(story.questions);
    for (const seg of story.content) {
      for (const r of seg.readings) {
        expect(seg.jp).toContain(r.text);
        expect(r.text).toMatch(KANJI);
        expect(r.reading).toMatch(/^[\u3041-\u309f]+$/);
      }
      const uncovered = tokenizeFurigana(seg.jp, seg.readings).filter((t) => t.kind === 'text' && KANJI.test(t.text));
      expect(uncovered, seg.jp).toEqual([]);
    }
  });

  it('picks the level from the prompt', () => {
    expect(levelFromPrompt('Rules differ from N5.\nLevel: N4')).toBe('N4');
    expect(levelFromPrompt('a story for Intermediate learners')).toBe('Intermediate');
    expect(levelFromPrompt('no level here')).toBeUndefined();
  });
});

describe('successful answers through the real SDK', () => {
  it('generateContent answers the story for the level with the requested topic', async () => {
    const n5 = await model().generateContent(storyPrompt('N5', 'Cats'));
    expect(JSON.parse(n5.response.text())).toEqual({ ...STORY_N5, topic: 'Cats' });
    expect(n5.response.candidates?.[0]?.finishReason).toBe('STOP');
    expect(n5.response.usageMetadata?.totalTokenCount).toBeGreaterThan(0);
    for (const level of ['N4', 'Intermediate', 'Advanced']) {
      const res = await model('gemini-2.5-pro').generateContent(storyPrompt(level));
      expect(JSON.parse(res.response.text())).toEqual({ ...STORY_N3, topic: 'A rainy day' });
    }
    const beginner = await model().generateContent(storyPrompt('Beginner'));
    expect(JSON.parse(beginner.response.text()).titleJP).toBe(STORY_N5.titleJP);
    expect(gemini.calls.map((c) => [c.kind, c.model, c.status, c.fault])).toEqual([
      ['generate', 'gemini-2.5-flash', 200, 'ok'],
      ['generate', 'gemini-2.5-pro', 200, 'ok'],
      ['generate', 'gemini-2.5-pro', 200, 'ok'],
      ['generate', 'gemini-2.5-pro', 200, 'ok'],
      ['generate', 'gemini-2.5-flash', 200, 'ok'],
    ]);
    expect(gemini.calls[0]?.body?.contents?.[0]?.parts?.[0]?.text).toContain('Topic: Cats');
  });

  it('generateContentStream sends the story in several timed chunks', async () => {
    const result = await model().generateContentStream(storyPrompt('N3', 'Trains'));
    const chunks: { at: number; res: EnhancedGenerateContentResponse }[] = [];
    for await (const res of result.stream) chunks.push({ at: Date.now(), res });
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    const text = chunks.map((c) => c.res.text()).join('');
    expect(JSON.parse(text)).toEqual({ ...STORY_N3, topic: 'Trains' });
    expect(chunks.at(-1)!.at - chunks[0]!.at).toBeGreaterThanOrEqual(20);
    expect(chunks.slice(0, -1).every((c) => c.res.candidates?.[0]?.finishReason === undefined)).toBe(true);
    const last = chunks.at(-1)!.res;
    expect(last.candidates?.[0]?.finishReason).toBe('STOP');
    expect(last.usageMetadata?.candidatesTokenCount).toBeGreaterThan(0);
    expect((await result.response).text()).toBe(text);
    expect(gemini.count('stream')).toBe(1);
  });

  it('answers TTS requests with 24 kHz L16 PCM, or a WAV file when scripted', async () => {
    const tts = model('gemini-2.5-flash-preview-tts');
    const pcm = await tts.generateContent({ contents: [{ role: 'user', parts: [{ text: '猫です。' }] }], generationConfig: TTS_CONFIG });
    const part = pcm.response.candidates?.[0]?.content.parts[0]?.inlineData;
    expect(part?.mimeType).toBe(PCM_MIME);
    const bytes = Buffer.from(part!.data, 'base64');
    expect(bytes.equals(TTS_PCM)).toBe(true);
    expect(bytes.length).toBe(0.3 * 24_000 * 2);

    gemini.script('tts-wav');
    const wav = await tts.generateContent({ contents: [{ role: 'user', parts: [{ text: '猫です。' }] }], generationConfig: TTS_CONFIG });
    const wavPart = wav.response.candidates?.[0]?.content.parts[0]?.inlineData;
    expect(wavPart?.mimeType).toBe('audio/wav');
    const file = Buffer.from(wavPart!.data, 'base64');
    expect(file.toString('ascii', 0, 4)).toBe('RIFF');
    expect(file.toString('ascii', 8, 12)).toBe('WAVE');
    expect([file.readUInt16LE(20), file.readUInt16LE(22), file.readUInt32LE(24), file.readUInt16LE(34)]).toEqual([1, 1, 24_000, 16]);
    expect(file.readUInt32LE(40)).toBe(file.length - 44);
  });

  it('answers image requests with a valid PNG; image faults carry no image', async () => {
    const img = model('gemini-2.5-flash-image');
    const res = await img.generateContent({ contents: [{ role: 'user', parts: [{ text: 'a cat' }] }], generationConfig: IMAGE_CONFIG });
    const parts = res.response.candidates?.[0]?.content.parts ?? [];
    expect(parts[0]?.text).toBe('Here is the picture');
    expect(parts[1]?.inlineData?.mimeType).toBe('image/png');
    const png = Buffer.from(parts[1]!.inlineData!.data, 'base64');
    expect(png.equals(IMAGE_PNG)).toBe(true);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const chunks = new Map<string, Buffer>();
    for (let at = 8; at < png.length; ) {
      const len = png.readUInt32BE(at);
      const typeAndData = png.subarray(at + 4, at + 8 + len);
      expect(png.readUInt32BE(at + 8 + len)).toBe(zlibCrc32(typeAndData));
      chunks.set(typeAndData.toString('ascii', 0, 4), typeAndData.subarray(4));
      at += 12 + len;
    }
    expect([...chunks.keys()]).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect([chunks.get('IHDR')!.readUInt32BE(0), chunks.get('IHDR')!.readUInt32BE(4)]).toEqual([8, 8]);
    expect(inflateSync(chunks.get('IDAT')!).length).toBe(8 * (1 + 8 * 3));
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);

    gemini.script('image-safety', 'no-image');
    for (const reason of ['IMAGE_SAFETY', 'NO_IMAGE']) {
      const blocked = await img.generateContent({ contents: [{ role: 'user', parts: [{ text: 'x' }] }], generationConfig: IMAGE_CONFIG });
      const candidate = blocked.response.candidates?.[0];
      expect(candidate?.finishReason).toBe(reason);
      expect(candidate?.content?.parts?.some((p) => p.inlineData) ?? false).toBe(false);
    }
  });
});

describe('scripted faults', () => {
  it.each([
    ['rate-limit', 429],
    ['api-key-invalid', 400],
    ['permission-denied', 403],
    ['model-not-found', 404],
    ['internal', 500],
    ['overloaded', 503],
    [{ kind: 'http-error', code: 504, status: 'DEADLINE_EXCEEDED' }, 504],
  ] as [Fault, number][])('%o → HTTP %i for unary and stream calls', async (fault, status) => {
    gemini.script(fault, fault);
    const unary = await fetchError(model().generateContent(storyPrompt('N5')));
    const stream = await fetchError(model().generateContentStream(storyPrompt('N5')));
    expect([unary.status, stream.status]).toEqual([status, status]);
    expect(gemini.calls.map((c) => c.status)).toEqual([status, status]);
    if (status === 503) expect(unary.message).toContain('The model is overloaded. Please try again later.');
  });

  it('429 carries QuotaFailure and a configurable RetryInfo', async () => {
    gemini.script('rate-limit', { kind: 'rate-limit', retryDelay: '26s' });
    for (const delay of ['2s', '26s']) {
      const err = await fetchError(model().generateContent('hi'));
      const types = err.errorDetails?.map((d) => d['@type']) ?? [];
      expect(types).toContain('type.googleapis.com/google.rpc.QuotaFailure');
      expect(err.errorDetails?.find((d) => d['@type']?.endsWith('RetryInfo'))?.retryDelay).toBe(delay);
    }
  });

  it('a script is consumed in order, then calls succeed again', async () => {
    gemini.script('rate-limit', 'ok', 'overloaded');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(await model().generateContent('Level: N5').then(
        () => 200,
        (e: GoogleGenerativeAIFetchError) => e.status ?? -1,
      ));
    }
    expect(statuses).toEqual([429, 200, 503, 200]);
    expect(gemini.pending()).toBe(0);
  });

  it('prompt-blocked, safety, max-tokens and malformed-json answer 200 with the wrong content', async () => {
    gemini.script('prompt-blocked', 'safety', 'max-tokens', 'malformed-json');
    const blocked = await model().generateContent(storyPrompt('N5'));
    expect(blocked.response.promptFeedback?.blockReason).toBe('SAFETY');
    expect(blocked.response.candidates).toBeUndefined();
    expect(() => blocked.response.text()).toThrow(GoogleGenerativeAIResponseError);

    const safety = await model().generateContent(storyPrompt('N5'));
    expect(safety.response.candidates?.[0]?.finishReason).toBe('SAFETY');
    expect(() => safety.response.text()).toThrow(GoogleGenerativeAIResponseError);

    const truncated = await model().generateContent(storyPrompt('N5'));
    expect(truncated.response.candidates?.[0]?.finishReason).toBe('MAX_TOKENS');
    expect(JSON.stringify({ ...STORY_N5, topic: 'A rainy day' }).startsWith(truncated.response.text())).toBe(true);
    expect(() => JSON.parse(truncated.response.text())).toThrow();

    const malformed = await model().generateContent(storyPrompt('N5'));
    expect(malformed.response.candidates?.[0]?.finishReason).toBe('STOP');
    const text = malformed.response.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(() => JSON.parse(text.slice(text.indexOf('{')))).toThrow();
  });

  it('latency: setLatency delays every call, a latency fault one slow success', async () => {
    gemini.setLatency(120);
    let t0 = Date.now();
    await model().generateContent('x');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(110);
    gemini.setLatency(0);
    gemini.script({ kind: 'latency', ms: 150 });
    t0 = Date.now();
    await model().generateContent('x');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    await model().generateContent('x');
    // Wall time of the last call is not asserted (a loaded CI machine makes any upper bound flaky).
    expect(gemini.calls.map((c) => c.fault)).toEqual(['ok', 'latency', 'ok']);
  });

  it('holdCallsContaining holds only the calls that mention the text, until release()', async () => {
    gemini.holdCallsContaining('二番目');
    let heldDone = false;
    const held = model()
      .generateContent('これは二番目の文です。')
      .then(() => {
        heldDone = true;
      });
    await gemini.waitForCalls(1, 'generate');
    // A call that does not mention the text answers while the other is held.
    await model().generateContent('これは三番目の文です。');
    expect(heldDone).toBe(false);
    gemini.release();
    await held;
    expect(gemini.calls.map((c) => c.status)).toEqual([200, 200]);
  });

  it("aborting a 'hang' call rejects promptly", async () => {
    gemini.script('hang');
    const controller = new AbortController();
    const pending = model().generateContent('x', { signal: controller.signal });
    await gemini.waitForCalls(1, 'generate');
    const t0 = Date.now();
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(GoogleGenerativeAIAbortError);
    expect(Date.now() - t0).toBeLessThan(1_000);
    await vi.waitFor(() => expect(gemini.calls[0]?.aborted).toBe(true));
    expect(gemini.calls[0]?.status).toBe(0);
  });

  it("close() ends a 'hang' call still in flight", async () => {
    const other = await startFakeGemini();
    other.script('hang');
    const client = new GoogleGenerativeAI(other.apiKey).getGenerativeModel({ model: 'gemini-2.5-flash' }, { baseUrl: other.url });
    const settled = client.generateContent('x').then(
      () => 'resolved',
      (e: unknown) => e,
    );
    await other.waitForCalls(1);
    const t0 = Date.now();
    await other.close();
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(await settled).toBeInstanceOf(GoogleGenerativeAIError);
  });

  it('drop-mid-stream: the stream iteration rejects after the first chunk; unary bodies are cut too', async () => {
    gemini.script('drop-mid-stream', 'drop-mid-stream');
    const result = await model().generateContentStream(storyPrompt('N5'));
    const aggregated = result.response.then(
      () => 'resolved',
      (e: unknown) => e,
    );
    const received: string[] = [];
    const iterate = async () => {
      for await (const chunk of result.stream) received.push(chunk.text());
    };
    await expect(iterate()).rejects.toBeInstanceOf(GoogleGenerativeAIError);
    expect(received).toHaveLength(1);
    expect(await aggregated).toBeInstanceOf(GoogleGenerativeAIError);

    await expect(model().generateContent(storyPrompt('N5'))).rejects.toThrow();
    expect(gemini.calls.map((c) => [c.kind, c.status, c.aborted])).toEqual([
      ['stream', 200, true],
      ['generate', 200, true],
    ]);
  });
});

describe('keys, models and CORS', () => {
  it('a missing or wrong key is 400 API_KEY_INVALID and consumes no scripted fault', async () => {
    gemini.script('overloaded');
    const err = await fetchError(model('gemini-2.5-flash', 'wrong-key').generateContent('x'));
    expect(err.status).toBe(400);
    expect(err.message).toContain('API key not valid. Please pass a valid API key.');
    expect(err.errorDetails?.find((d) => d['@type']?.endsWith('ErrorInfo'))?.reason).toBe('API_KEY_INVALID');
    expect(gemini.pending()).toBe(1);
    const noKey = await fetch(`${gemini.url}/v1beta/models`);
    expect(noKey.status).toBe(400);
    const byQuery = await fetch(`${gemini.url}/v1beta/models/gemini-2.5-flash:generateContent?key=${gemini.apiKey}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'x' }] }] }),
    });
    expect(byQuery.status).toBe(503);
  });

  it('unknown models and models without generateContent are 404', async () => {
    expect((await fetchError(model('gemini-9-ultra').generateContent('x'))).status).toBe(404);
    expect((await fetchError(model('text-embedding-004').generateContentStream('x'))).status).toBe(404);
  });

  it('lists models with pagination', async () => {
    const headers = { 'x-goog-api-key': gemini.apiKey };
    const all = (await (await fetch(`${gemini.url}/v1beta/models`, { headers })).json()) as { models: { name: string }[] };
    expect(all.models.map((m) => m.name)).toEqual(MODELS.map((m) => m.name));
    expect(all.models.map((m) => m.name)).toContain('models/gemini-2.5-flash-preview-tts');
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = `${gemini.url}/v1beta/models?pageSize=3${token ? `&pageToken=${token}` : ''}`;
      const body = (await (await fetch(page, { headers })).json()) as { models: { name: string }[]; nextPageToken?: string };
      expect(body.models.length).toBeLessThanOrEqual(3);
      names.push(...body.models.map((m) => m.name));
      token = body.nextPageToken;
    } while (token);
    expect(names).toEqual(MODELS.map((m) => m.name));
    expect(gemini.count('models')).toBe(4);
  });

  it('count() is exact per kind', async () => {
    await model().generateContent('x');
    await model().generateContent('x');
    for await (const _chunk of (await model().generateContentStream('x')).stream);
    await fetch(`${gemini.url}/v1beta/models`, { headers: { 'x-goog-api-key': gemini.apiKey } });
    expect([gemini.count('generate'), gemini.count('stream'), gemini.count('models'), gemini.count()]).toEqual([2, 1, 1, 4]);
  });

  it('answers CORS preflights with 204 and sends Access-Control-Allow-Origin on answers', async () => {
    const preflight = await fetch(`${gemini.url}/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:4173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-goog-api-client,x-goog-api-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = preflight.headers.get('access-control-allow-headers') ?? '';
    for (const h of ['content-type', 'x-goog-api-key', 'x-goog-api-client']) expect(allowed).toContain(h);
    expect(gemini.count()).toBe(0);
    const error = await fetch(`${gemini.url}/v1beta/models`);
    expect(error.headers.get('access-control-allow-origin')).toBe('*');
  });
});
