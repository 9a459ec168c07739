import { describe, expect, it } from 'vitest';
import { isAbortError } from '../../../src/domain/error-kinds';
import { scrubSecrets } from '../../../src/domain/secrets';
import { coerceError, JobFailure, toJobError } from '../../../src/jobs/errors';
import { mintFakeGoogleKey } from '../../support/fake-key';

const KEY = mintFakeGoogleKey();

describe('scrubSecrets', () => {
  it('removes API keys, key= parameters, bearer tokens and JWTs', () => {
    const text = `GET https://x.test/v1beta/models?key=${KEY}&alt=sse failed; header x-goog-api-key: ${KEY}; Authorization: Bearer abc.def-123; token eyJhbGciOi.eyJzdWIiOiIx.sig`;
    const clean = scrubSecrets(text);
    expect(clean).not.toContain(KEY);
    expect(clean).not.toContain('AIza');
    expect(clean).not.toContain('abc.def-123');
    expect(clean).not.toContain('eyJhbGciOi');
    expect(clean).toContain('key=[redacted]');
    expect(clean).toContain('alt=sse');
  });

  it('shortens detail strings, never the learner-facing message', () => {
    const long = 'x'.repeat(2000);
    const failure = new JobFailure('transient', 'x', long, { details: { raw: long } });
    expect(failure.message).toBe(long);
    expect(failure.details?.raw).toBe(`${'x'.repeat(499)}…`);
  });
});

describe('JobFailure', () => {
  it('scrubs its message and details', () => {
    const failure = new JobFailure('permanent', 'api-key-invalid', `API key not valid: ${KEY}`, {
      details: { url: `https://x.test?key=${KEY}`, nested: { raw: KEY }, n: 3 },
    });
    expect(failure.message).not.toContain(KEY);
    expect(JSON.stringify(failure.details)).not.toContain(KEY);
    expect(failure.details).toMatchObject({ n: 3 });
  });

  it('keeps unserializable details from failing the job', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(new JobFailure('transient', 'x', 'y', { details: cyclic }).details).toEqual({ unserializable: true });
  });
});

describe('coerceError', () => {
  it('passes a JobFailure through', () => {
    const failure = new JobFailure('offline', 'offline', 'You are offline.');
    expect(coerceError(failure)).toBe(failure);
  });

  it('makes unknown thrown values transient with a generic message', () => {
    for (const thrown of [new Error(`boom ${KEY}`), 'a string', 42, null, undefined, { weird: true }]) {
      const failure = coerceError(thrown);
      expect(failure.kind).toBe('transient');
      expect(failure.code).toBe('unexpected');
      expect(failure.message).toBe('Something went wrong while working on this.');
      expect(JSON.stringify(failure.details)).not.toContain(KEY);
    }
  });

  it('recognises timeouts, aborts and a full disk (also inside a Dexie AbortError)', () => {
    expect(coerceError(new DOMException('t', 'TimeoutError'))).toMatchObject({ kind: 'transient', code: 'timeout' });
    expect(coerceError(new DOMException('a', 'AbortError'))).toMatchObject({ kind: 'transient', code: 'aborted' });
    expect(isAbortError(new DOMException('a', 'AbortError'))).toBe(true);
    const dexieAbort = Object.assign(new Error('aborted'), { name: 'AbortError', inner: new DOMException('q', 'QuotaExceededError') });
    expect(coerceError(dexieAbort)).toMatchObject({ kind: 'permanent', code: 'storage-full' });
  });

  it('maps to the row shape: only permanent failures are not retryable', () => {
    expect(toJobError(new JobFailure('permanent', 'p', 'm'))).toEqual({ code: 'p', message: 'm', retryable: false });
    expect(toJobError(new JobFailure('transient', 't', 'm'), 'other')).toEqual({ code: 't', message: 'other', retryable: true });
  });
});
