import { GoogleGenerativeAIFetchError, GoogleGenerativeAIResponseError } from '@google/generative-ai';
import type { AuthError, GoTrueClient } from '@supabase/supabase-js';
import { afterEach, describe, expect, it } from 'vitest';
import { createModel } from '../../../src/ai/client';
import { AiError, mapGeminiError } from '../../../src/ai/errors';
import { forgetRememberedSecrets, rememberSecret, scrubDetail, scrubSecrets } from '../../../src/domain/secrets';
import { coerceError, JobFailure, toJobError } from '../../../src/jobs/errors';
import { inProcessLocks } from '../../../src/jobs/lock';
import { createRestClient, ServerWaitTooLongError, SyncHttpError } from '../../../src/sync/rest';
import { authMessage } from '../../../src/sync/session';
import { readStatus, updateStatus, writeAccount } from '../../../src/sync/state';
import { syncNow } from '../../../src/sync/sync-now';
import { toJobFailure } from '../../../src/tasks/ai-failure';
import { mintFakeGoogleKey } from '../../support/fake-key';
import { useTestDb } from '../../support/test-db';

useTestDb();
afterEach(forgetRememberedSecrets);

/** Random URL-safe characters: every secret is minted per run, so none is committed. */
function randomToken(bytes: number): string {
  const raw = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(bytes))));
  return raw.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
const b64url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

const GOOGLE_KEY = mintFakeGoogleKey();
/** The learner's key as typed, of a shape no pattern knows (a proxy's): only the exact match removes it. */
const EXACT_KEY = `proxy-${randomToken(12)}`;
const JWT = `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(`{"sub":"${randomToken(6)}"}`)}.${randomToken(32)}`;
const BEARER = randomToken(24);
const REFRESH = randomToken(12);
const SECRETS = [GOOGLE_KEY, EXACT_KEY, JWT, BEARER, REFRESH];

/** Every secret, each in parentheses inside a sentence, so a redaction that eats the ")" shows. */
const TEXT =
  `Request failed (key=${GOOGLE_KEY}) for (${EXACT_KEY}) with (Bearer ${BEARER}) and (${JWT}) ` +
  `after (refresh_token=${REFRESH}) — try again later.`;

function expectClean(text: string | undefined): void {
  expect(text).toBeDefined();
  for (const secret of SECRETS) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/AIza/);
}

/** Clean, and the sentence around each redaction intact. */
function expectCleanSentence(text: string | undefined): void {
  expectClean(text);
  expect(text).toContain('(key=[redacted]) for ([redacted]) with (Bearer [redacted]) and ([redacted])');
  expect(text).toContain('(refresh_token=[redacted]) — try again later.');
}

describe('scrubSecrets', () => {
  it('removes every secret and keeps the sentence, closing parentheses included', () => {
    expectCleanSentence(scrubSecrets(TEXT, [EXACT_KEY]));
  });

  it('redacts JSON fields and echoed headers up to their end, and never twice', () => {
    const json = `{"refresh_token":"${REFRESH}","access_token":"${JWT}"} (authorization: ${BEARER}) x-goog-api-key: ${GOOGLE_KEY}`;
    const clean = scrubSecrets(json);
    expectClean(clean);
    expect(clean).toBe('{"refresh_token":"[redacted]","access_token":"[redacted]"} (authorization: [redacted]) x-goog-api-key: [redacted]');
    expect(scrubSecrets(`?key=${EXACT_KEY}]`, [EXACT_KEY])).toBe('?key=[redacted]]');
  });

  it('truncates details only after redacting, so a cut cannot leave half a secret behind', () => {
    const text = `${'a'.repeat(10)} ${GOOGLE_KEY} tail`;
    expect(scrubDetail(text, 20)).toBe(`${'a'.repeat(10)} [redacte…`);
    expect(scrubDetail(TEXT, 10_000, [EXACT_KEY])).toBe(scrubSecrets(TEXT, [EXACT_KEY]));
  });
});

describe('every error path', () => {
  it('job engine: JobFailure, coerceError, toJobError (the key remembered when it was read)', () => {
    rememberSecret(EXACT_KEY);
    const failure = new JobFailure('transient', 'x', TEXT, { details: { text: TEXT, nested: { text: TEXT } } });
    expectCleanSentence(failure.message);
    expectClean(JSON.stringify(failure.details));
    const coerced = coerceError(new Error(TEXT));
    expectCleanSentence(coerced.details?.message as string);
    expectCleanSentence(toJobError(new JobFailure('transient', 'x', 'short'), TEXT).message);
  });

  it('AI adapter: AiError, the Gemini error mapping, and the hand-over to the engine', () => {
    const ctx = { apiKey: EXACT_KEY, online: true, model: 'gemini-2.5-flash' };
    const sdk = (status: number) =>
      new GoogleGenerativeAIFetchError(`Error fetching from https://g.test/v1beta?key=${GOOGLE_KEY}: [${status} X] ${TEXT}`, status, 'X');
    for (const status of [400, 403, 404, 429, 500]) {
      const mapped = mapGeminiError(sdk(status), ctx);
      expectClean(mapped.message);
      expectClean(mapped.detail);
      const handed = toJobFailure(mapped) as JobFailure;
      expectClean(handed.message);
      expectClean(JSON.stringify(handed.details));
    }
    for (const raw of [new TypeError(`fetch failed ${TEXT}`), new GoogleGenerativeAIResponseError(TEXT), new RangeError(TEXT)]) {
      expectClean(mapGeminiError(raw, ctx).detail);
      expectClean(mapGeminiError(raw, { ...ctx, online: false }).detail);
    }
    // Once a model was built with the key, an AiError made anywhere in this context loses it too.
    createModel({ apiKey: EXACT_KEY, baseUrl: 'https://g.test', model: 'm' }, { timeoutMs: 1000 });
    const own = new AiError('transient', 'x', TEXT, { detail: TEXT });
    expectCleanSentence(own.message);
    expectClean(own.detail);
  });

  it('sync: HTTP errors, server and network failures, the status line and sign-in messages', async () => {
    rememberSecret(EXACT_KEY);
    expectCleanSentence(new SyncHttpError(TEXT, 500, null, null).message);
    const tokens = { accessToken: async () => JWT, refresh: async () => JWT };
    const echo = createRestClient('https://p', 'anon', tokens, async () => Response.json({ message: TEXT }, { status: 400 }));
    expectCleanSentence(((await echo.select('stories', []).catch((e: unknown) => e)) as Error).message);
    const down = createRestClient('https://p', 'anon', tokens, async () => Promise.reject(new TypeError(TEXT)));
    expectClean(((await down.select('stories', []).catch((e: unknown) => e)) as Error).message);
    expectClean((await updateStatus({ lastError: TEXT })).lastError ?? undefined);
    expectClean(authMessage({ name: 'AuthApiError', code: 'weak_password', message: TEXT, status: 422 } as AuthError));
    expectClean(authMessage({ name: 'AuthApiError', code: 'other', message: TEXT, status: 400 } as AuthError));
    expectClean(new ServerWaitTooLongError(7_200_000, new SyncHttpError(TEXT, 429, null, 7_200_000)).message);
  });

  it('sync: a raw error inside a sync reaches the report and the status line scrubbed', async () => {
    rememberSecret(EXACT_KEY);
    const config = { url: 'https://x.supabase.co', anonKey: 'anon' };
    await writeAccount({ url: config.url, userId: 'me', email: 'me@example.test', since: 0 });
    const auth = { getSession: async () => ({ data: { session: { user: { id: 'me', email: 'me@example.test' } } }, error: null }) };
    const rest = { select: async () => Promise.reject(new Error(TEXT)), upsert: async () => undefined };
    const report = await syncNow({ client: { config, auth: auth as unknown as GoTrueClient, rest }, locks: inProcessLocks() });
    expect(report.outcome).toBe('failed');
    expectCleanSentence(report.error);
    expectCleanSentence((await readStatus()).lastError ?? undefined);
  });
});
