import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AiError } from '../../../src/ai/errors';
import { generateImage } from '../../../src/ai/image';
import { synthesizeSentence } from '../../../src/ai/tts';
import { readWavInfo } from '../../../src/ai/wav';
import { type Fault, type FakeGemini, IMAGE_PNG, startFakeGemini, TTS_PCM, TTS_SAMPLE_RATE, TTS_WAV } from '../../support/fake-gemini';

let gemini: FakeGemini;
beforeAll(async () => {
  gemini = await startFakeGemini();
});
afterAll(() => gemini.close());
beforeEach(() => gemini.reset());

const target = () => ({ apiKey: gemini.apiKey, baseUrl: gemini.url, signal: new AbortController().signal });
const speak = (signal?: AbortSignal) =>
  synthesizeSentence({ ...target(), model: 'gemini-2.5-flash-preview-tts', voice: 'Kore', text: '公園へ行きました。', ...(signal ? { signal } : {}) });
const draw = () => generateImage({ ...target(), model: 'gemini-2.5-flash-image', prompt: 'A quiet park in the morning, watercolor' });

/** An SVG that runs script when opened as a document (e.g. from a same-origin object URL). */
const SVG_WITH_SCRIPT = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"><script>alert(1)</script></svg>';

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

async function failure(promise: Promise<unknown>): Promise<AiError> {
  const err = await promise.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AiError);
  return err as AiError;
}

describe('synthesizeSentence', () => {
  it('wraps the PCM answer into a valid WAV with the samples intact', async () => {
    const result = await speak();
    expect(result.blob.type).toBe('audio/wav');
    const wav = await bytesOf(result.blob);
    expect(result.bytes).toBe(44 + TTS_PCM.length);
    expect(wav.length).toBe(result.bytes);
    expect(readWavInfo(wav)).toEqual({ sampleRate: TTS_SAMPLE_RATE, channels: 1, bitsPerSample: 16, dataBytes: TTS_PCM.length, durationMs: 300 });
    expect(Buffer.from(wav.subarray(44)).equals(TTS_PCM)).toBe(true);
    // The fake's own reference WAV of the same samples: the whole file must match it byte for byte.
    expect(Buffer.from(wav).equals(TTS_WAV)).toBe(true);
    expect(result.durationMs).toBe(300);

    const body = gemini.calls[0]!.body!;
    expect(gemini.calls[0]!.kind).toBe('generate');
    expect(body.generationConfig).toMatchObject({
      responseModalities: ['AUDIO'],
      speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Kore' } } },
    });
    expect(JSON.stringify(body.contents)).toContain('公園へ行きました。');
  });

  it('passes an audio/wav answer through unchanged', async () => {
    gemini.script('tts-wav');
    const result = await speak();
    expect(Buffer.from(await bytesOf(result.blob)).equals(TTS_WAV)).toBe(true);
    expect(result).toMatchObject({ bytes: TTS_WAV.length, durationMs: 300 });
  });

  it.each([
    ['rate-limit', 'transient', 'rate-limited'],
    ['overloaded', 'transient', 'overloaded'],
    ['api-key-invalid', 'permanent', 'api-key-invalid'],
    ['safety', 'permanent', 'safety'],
    ['prompt-blocked', 'permanent', 'prompt-blocked'],
    // A text-only answer to a speech request: no audio part.
    ['malformed-json', 'invalid-output', 'no-audio'],
    ['drop-mid-stream', 'transient', 'network'],
  ] as [Fault, AiError['kind'], string][])('%s → %s %s', async (fault, kind, code) => {
    gemini.script(fault);
    expect(await failure(speak())).toMatchObject({ kind, code });
  });

  it('rejects with AbortError when cancelled during a hanging call', async () => {
    gemini.script('hang');
    const controller = new AbortController();
    const settled = speak(controller.signal).catch((e: unknown) => e);
    await gemini.waitForCalls(1, 'generate');
    controller.abort();
    expect(await settled).toMatchObject({ name: 'AbortError' });
  });
});

describe('generateImage', () => {
  it('returns the PNG the model drew', async () => {
    const result = await draw();
    expect(result.blob.type).toBe('image/png');
    expect(Buffer.from(await bytesOf(result.blob)).equals(IMAGE_PNG)).toBe(true);
    expect(result.bytes).toBe(IMAGE_PNG.length);
    const body = gemini.calls[0]!.body!;
    expect(body.generationConfig?.responseModalities).toEqual(['TEXT', 'IMAGE']);
    expect(JSON.stringify(body.contents)).toContain('A quiet park in the morning');
  });

  it('types the picture by its bytes: PNG bytes labelled image/svg+xml are stored as PNG', async () => {
    gemini.script({ kind: 'inline-image', mimeType: 'image/svg+xml', bytes: IMAGE_PNG });
    const result = await draw();
    expect(result.blob.type).toBe('image/png');
    expect(Buffer.from(await bytesOf(result.blob)).equals(IMAGE_PNG)).toBe(true);
  });

  it.each([
    ['image/png', 'SVG'],
    ['image/svg+xml', 'SVG'],
    ['image/jpeg', 'HTML'],
  ])('refuses %s-labelled %s bytes as invalid output', async (mimeType, what) => {
    const bytes = Buffer.from(what === 'SVG' ? SVG_WITH_SCRIPT : '<!DOCTYPE html><script>parent.alert(1)</script>');
    gemini.script({ kind: 'inline-image', mimeType, bytes });
    expect(await failure(draw())).toMatchObject({
      kind: 'invalid-output',
      code: 'unsupported-image',
      message: `Gemini returned a picture as ${what}, which this app does not store (only PNG, JPEG or WebP)`,
    });
  });

  it('says Gemini would not draw it on IMAGE_SAFETY (permanent)', async () => {
    gemini.script('image-safety');
    const err = await failure(draw());
    expect(err).toMatchObject({ kind: 'permanent', code: 'image-safety', message: 'Gemini would not draw this picture (safety)' });
  });

  it('says no picture came on NO_IMAGE (permanent)', async () => {
    gemini.script('no-image');
    expect(await failure(draw())).toMatchObject({ kind: 'permanent', code: 'no-image', message: 'Gemini returned no picture' });
  });

  it('treats a normal finish without a picture as invalid output', async () => {
    gemini.script('malformed-json');
    expect(await failure(draw())).toMatchObject({ kind: 'invalid-output', code: 'missing-image', message: 'Gemini returned no picture' });
  });

  it.each([
    ['permission-denied', 'permanent', 'permission-denied'],
    ['internal', 'transient', 'server-error'],
  ] as [Fault, AiError['kind'], string][])('%s → %s %s', async (fault, kind, code) => {
    gemini.script(fault);
    expect(await failure(draw())).toMatchObject({ kind, code });
  });
});
