import {
  type ErrorDetails,
  GoogleGenerativeAIAbortError,
  GoogleGenerativeAIError,
  GoogleGenerativeAIFetchError,
  GoogleGenerativeAIResponseError,
} from '@google/generative-ai';
import { describe, expect, it } from 'vitest';
import {
  AiError,
  GeminiHttpError,
  type MapContext,
  mapGeminiError,
} from '../../../src/ai/errors';
import { scrubSecrets } from '../../../src/domain/secrets';
import { mintFakeGoogleKey } from '../../support/fake-key';

const KEY = mintFakeGoogleKey();
const ODD_KEY = 'my-proxy-secret-42';
const URL_ = `https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse&key=${KEY}`;
const ctx: MapContext = { apiKey: KEY, online: true, model: 'gemini-2.5-flash' };

const RPC = 'type.googleapis.com/google.rpc.';
const retryInfo = (retryDelay: string): ErrorDetails => ({ '@type': `${RPC}RetryInfo`, retryDelay });

/** An error exactly as the SDK builds it, with the key echoed into the text to prove it is scrubbed. */
function fetchError(status: number, statusText: string, message: string, details?: ErrorDetails[]) {
  const suffix = details ? ` ${JSON.stringify(details)}` : '';
  const text = `[GoogleGenerativeAI Error]: Error fetching from ${URL_}: [${status} ${statusText}] ${message} (key ${KEY}, ${ODD_KEY})${suffix}`;
  return new GoogleGenerativeAIFetchError(text, status, statusText, details);
}

const API_KEY_DETAILS: ErrorDetails[] = [{ '@type': `${RPC}ErrorInfo`, reason: 'API_KEY_INVALID', domain: 'googleapis.com' }];

const TABLE: [string, GoogleGenerativeAIFetchError, AiError['kind'], string, string | RegExp, number | undefined][] = [
  ['400 API_KEY_INVALID', fetchError(400, 'Bad Request', 'API key not valid. Please pass a valid API key.', API_KEY_DETAILS), 'permanent', 'api-key-invalid', 'Your Gemini API key was rejected — check it in Settings.', undefined],
  ['400 key text only', fetchError(400, 'Bad Request', 'API key not valid. Please pass a valid API key.'), 'permanent', 'api-key-invalid', 'Your Gemini API key was rejected — check it in Settings.', undefined],
  ['400 other', fetchError(400, 'Bad Request', 'User location is not supported for the API use.'), 'permanent', 'invalid-request', /^Gemini could not accept this request: User location is not supported/, undefined],
  ['401', fetchError(401, 'Unauthorized', 'Request had invalid authentication credentials.'), 'permanent', 'api-key-invalid', 'Your Gemini API key was rejected — check it in Settings.', undefined],
  ['403', fetchError(403, 'Forbidden', 'The caller does not have permission'), 'permanent', 'permission-denied', /^This API key is not allowed to use Gemini \(403\)/, undefined],
  ['404', fetchError(404, 'Not Found', 'models/gemini-9 is not found for API version v1beta'), 'permanent', 'model-not-found', 'The model “gemini-2.5-flash” does not exist — pick another in Settings.', undefined],
  ['408', fetchError(408, 'Request Timeout', 'Timeout'), 'transient', 'timeout', 'Gemini took too long to answer', undefined],
  ['429 RetryInfo 26s', fetchError(429, 'Too Many Requests', 'You exceeded your current quota', [retryInfo('26s')]), 'transient', 'rate-limited', "Gemini's rate limit was reached", 26_000],
  ['429 RetryInfo 1.5s', fetchError(429, 'Too Many Requests', 'quota', [retryInfo('1.5s')]), 'transient', 'rate-limited', "Gemini's rate limit was reached", 1_500],
  ['429 RetryInfo of hours', fetchError(429, 'Too Many Requests', 'daily quota', [retryInfo('72000s')]), 'transient', 'rate-limited', "Gemini's quota for this key is used up for now; it asks to wait about 20 h", 72_000_000],
  ['429 without hint', fetchError(429, 'Too Many Requests', 'quota'), 'transient', 'rate-limited', "Gemini's rate limit was reached", undefined],
  ['500', fetchError(500, 'Internal Server Error', 'An internal error has occurred.'), 'transient', 'server-error', 'Gemini had a server error (500)', undefined],
  ['502', fetchError(502, 'Bad Gateway', ''), 'transient', 'server-error', 'Gemini had a server error (502)', undefined],
  ['503', fetchError(503, 'Service Unavailable', 'The model is overloaded. Please try again later.'), 'transient', 'overloaded', 'Gemini is overloaded', undefined],
  ['504', fetchError(504, 'Gateway Timeout', 'Deadline exceeded'), 'transient', 'server-error', 'Gemini had a server error (504)', undefined],
];

describe('mapGeminiError: HTTP statuses', () => {
  it.each(TABLE)('%s', (_, err, kind, code, message, retryAfterMs) => {
    const mapped = mapGeminiError(err, ctx);
    expect(mapped).toBeInstanceOf(AiError);
    expect(mapped.kind).toBe(kind);
    expect(mapped.code).toBe(code);
    if (typeof message === 'string') expect(mapped.message).toBe(message);
    else expect(mapped.message).toMatch(message);
    expect(mapped.retryAfterMs).toBe(retryAfterMs);
    expect(mapped.status).toBe(err.status);
  });

  it.each(TABLE)('%s: neither key appears in message or detail', (_, err) => {
    for (const apiKey of [KEY, ODD_KEY]) {
      const mapped = mapGeminiError(err, { ...ctx, apiKey });
      const text = `${mapped.message}\n${mapped.detail ?? ''}`;
      expect(text).not.toContain(KEY);
      expect(text).not.toContain('AIza');
      if (apiKey === ODD_KEY) expect(text).not.toContain(ODD_KEY);
    }
  });

  it('says the endpoint is wrong for a 404 without a model (the model list)', () => {
    const mapped = mapGeminiError(fetchError(404, 'Not Found', 'nope'), { apiKey: KEY, online: true });
    expect(mapped.code).toBe('endpoint-not-found');
    expect(mapped.message).toMatch(/endpoint URL/);
  });

  it('reads Retry-After when there is no RetryInfo (own fetches keep the header)', () => {
    const err = new GeminiHttpError('[429 Too Many Requests] slow down', 429, 'Too Many Requests', undefined, '7');
    expect(mapGeminiError(err, ctx)).toMatchObject({ kind: 'transient', retryAfterMs: 7_000, message: "Gemini's rate limit was reached" });
    const both = new GeminiHttpError('[429 Too Many Requests] slow down', 429, 'x', [retryInfo('3s')], '60');
    expect(mapGeminiError(both, ctx).retryAfterMs).toBe(3_000);
  });
});

describe('mapGeminiError: other failures', () => {
  const offline = { ...ctx, online: false };

  it.each([
    ['browser TypeError', new TypeError('Failed to fetch')],
    ['Node TypeError', new TypeError('fetch failed')],
    ['SDK fetch wrapper', new GoogleGenerativeAIError(`Error fetching from ${URL_}: fetch failed`)],
    ['SDK stream drop', new GoogleGenerativeAIError('Error reading from the stream')],
  ])('%s → network when online, offline when not', (_, err) => {
    const online = mapGeminiError(err, ctx);
    expect(online).toMatchObject({ kind: 'transient', code: 'network' });
    expect(online.detail ?? '').not.toContain(KEY);
    expect(mapGeminiError(err, offline)).toMatchObject({ kind: 'offline', code: 'offline' });
  });

  it('rethrows an AbortError as-is', () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    expect(() => mapGeminiError(abort, ctx)).toThrow(abort);
  });

  it('throws the signal reason when the caller aborted, whatever the SDK made of it', () => {
    const controller = new AbortController();
    const reason = new DOMException('cancelled by learner', 'AbortError');
    controller.abort(reason);
    const sdk = new GoogleGenerativeAIAbortError('Request aborted when reading from the stream');
    expect(() => mapGeminiError(sdk, { ...ctx, signal: controller.signal })).toThrow(reason);
  });

  it('treats the SDK abort without a caller abort as its own timeout', () => {
    const sdk = new GoogleGenerativeAIAbortError('Request aborted when fetching …');
    expect(mapGeminiError(sdk, { ...ctx, signal: new AbortController().signal })).toMatchObject({ kind: 'transient', code: 'timeout' });
    expect(mapGeminiError(new DOMException('t', 'TimeoutError'), ctx)).toMatchObject({ kind: 'transient', code: 'timeout' });
  });

  it('makes a blocked-response error permanent', () => {
    const err = new GoogleGenerativeAIResponseError('Candidate was blocked due to SAFETY');
    expect(mapGeminiError(err, ctx)).toMatchObject({ kind: 'permanent', code: 'blocked' });
  });

  it('passes an AiError through and makes anything else a transient unexpected error', () => {
    const own = new AiError('invalid-output', 'x', 'y');
    expect(mapGeminiError(own, ctx)).toBe(own);
    expect(mapGeminiError(new RangeError(`boom ${KEY}`), ctx)).toMatchObject({ kind: 'transient', code: 'unexpected' });
    expect(mapGeminiError(new RangeError(`boom ${KEY}`), ctx).detail).not.toContain(KEY);
  });
});

describe('scrubbing', () => {
  it('removes key= parameters, AIza keys, key headers and the exact key', () => {
    const text = `GET ${URL_} x-goog-api-key: ${ODD_KEY} {"apiKey":"${ODD_KEY}"}`;
    const clean = scrubSecrets(text, [ODD_KEY]);
    expect(clean).not.toContain(KEY);
    expect(clean).not.toContain(ODD_KEY);
    expect(clean).toContain('alt=sse');
    expect(new AiError('permanent', 'x', `bad key ${KEY}`).message).toBe('bad key [redacted]');
  });
});
