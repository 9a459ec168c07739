import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AiError } from '../../../src/ai/errors';
import { classifyModels, listModels, testApiKey } from '../../../src/ai/models';
import { type FakeGemini, MODELS, startFakeGemini } from '../../support/fake-gemini';

let gemini: FakeGemini;
beforeAll(async () => {
  gemini = await startFakeGemini();
});
afterAll(() => gemini.close());
beforeEach(() => gemini.reset());
afterEach(() => {
  vi.restoreAllMocks();
});

const opts = (over: { apiKey?: string; baseUrl?: string; signal?: AbortSignal } = {}) => ({
  apiKey: gemini.apiKey,
  baseUrl: gemini.url,
  signal: new AbortController().signal,
  ...over,
});

describe('listModels', () => {
  it('lists every model without the models/ prefix', async () => {
    const models = await listModels(opts());
    expect(models.map((m) => m.id)).toEqual(MODELS.map((m) => m.name.slice('models/'.length)));
    expect(models[0]).toEqual({ id: 'gemini-2.5-flash', displayName: 'Gemini 2.5 Flash', methods: MODELS[0]!.supportedGenerationMethods });
    expect(gemini.count('models')).toBe(1);
  });

  it('follows nextPageToken, sending the key only as a header', async () => {
    const realFetch = globalThis.fetch;
    const seen: { url: string; key: string | null }[] = [];
    // Shrink the pages (the adapter asks for 100) so the fake has to hand out page tokens.
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      url.searchParams.set('pageSize', '3');
      seen.push({ url: url.toString(), key: new Headers(init?.headers).get('x-goog-api-key') });
      return realFetch(url, init);
    });
    const models = await listModels(opts({ baseUrl: `${gemini.url}/` }));
    expect(models).toHaveLength(MODELS.length);
    expect(gemini.count('models')).toBe(Math.ceil(MODELS.length / 3));
    expect(seen[1]!.url).toContain('pageToken=');
    for (const s of seen) {
      expect(s.key).toBe(gemini.apiKey);
      expect(s.url).not.toContain(gemini.apiKey);
    }
  });

  it('maps a rejected key and an unreachable endpoint', async () => {
    await expect(listModels(opts({ apiKey: 'nope-nope' }))).rejects.toMatchObject({ kind: 'permanent', code: 'api-key-invalid' });
    await expect(listModels(opts({ baseUrl: 'http://127.0.0.1:9' }))).rejects.toMatchObject({ kind: 'transient', code: 'network' });
  });

  it('says the endpoint is wrong when the path does not exist', async () => {
    const err = await listModels(opts({ baseUrl: `${gemini.url}/wrong` })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AiError);
    expect(err).toMatchObject({ code: 'endpoint-not-found' });
  });

  it('rethrows the abort of its caller', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(listModels(opts({ signal: controller.signal }))).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('classifyModels on the served list', () => {
  it('offers text, speech and image models and hides the embedding model', async () => {
    const groups = classifyModels(await listModels(opts()));
    expect(groups.text.map((m) => m.id)).toEqual(['gemini-2.5-flash', 'gemini-2.5-flash-lite', 'gemini-2.5-pro']);
    expect(groups.tts.map((m) => m.id)).toEqual(['gemini-2.5-flash-preview-tts', 'gemini-2.5-pro-preview-tts']);
    expect(groups.image.map((m) => m.id)).toEqual(['gemini-2.5-flash-image']);
  });
});

describe('testApiKey', () => {
  it('says how many models a good key sees', async () => {
    expect(await testApiKey(opts())).toEqual({ ok: true, models: MODELS.length });
  });

  it('says a wrong key was rejected, without echoing it', async () => {
    const result = await testApiKey(opts({ apiKey: 'AIzaSyWrongWrongWrongWrong12345' }));
    expect(result).toEqual({ ok: false, message: 'Your Gemini API key was rejected — check it in Settings.' });
  });

  it('asks for a key before calling anything', async () => {
    expect(await testApiKey(opts({ apiKey: '  ' }))).toEqual({ ok: false, message: 'Add your Gemini API key in Settings first.' });
    expect(gemini.count()).toBe(0);
  });

  it('explains an unreachable endpoint', async () => {
    const result = await testApiKey(opts({ baseUrl: 'http://127.0.0.1:9' }));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/Could not reach Gemini/) });
  });
});
