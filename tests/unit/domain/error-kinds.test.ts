import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { isAbortError, isQuotaError } from '../../../src/domain/error-kinds';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isQuotaError', () => {
  it('recognises the browser error, as thrown and however deeply Dexie or `cause` wrapped it', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('Dexie names it too'))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quota()))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('outer', new Dexie.AbortError('inner', quota())))).toBe(true);
    expect(isQuotaError(new Error('write failed', { cause: new Dexie.AbortError('aborted', quota()) }))).toBe(true);
    const deep = new Dexie.AbortError('1', new Dexie.AbortError('2', new Dexie.AbortError('3', new Dexie.AbortError('4', quota()))));
    expect(isQuotaError(deep)).toBe(true);
  });

  it('recognises the legacy code 22 under another name, and old Firefox’s name', () => {
    // Node derives `code` from the name, so old WebKit's odd pairing is reproduced by hand.
    const oldWebKit = Object.defineProperty(new DOMException('full', 'QUOTA_EXCEEDED_ERR'), 'code', { value: 22 });
    expect(isQuotaError(oldWebKit)).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('aborted', oldWebKit))).toBe(true);
    expect(isQuotaError(Object.assign(new Error('full'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' }))).toBe(true);
  });

  it('does not mistake other failures for a full disk, and survives a cycle', () => {
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', new DOMException('x', 'ConstraintError')))).toBe(false);
    expect(isQuotaError(new DOMException('aborted', 'AbortError'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
    const cyclic: { name: string; inner?: unknown } = { name: 'AbortError' };
    cyclic.inner = cyclic;
    expect(isQuotaError(cyclic)).toBe(false);
  });
});

describe('isAbortError', () => {
  it('is a cancel: an AbortError as fetch, the SDKs and the engine throw it', () => {
    expect(isAbortError(new DOMException('a', 'AbortError'))).toBe(true);
    expect(isAbortError(Object.assign(new Error('a'), { name: 'AbortError' }))).toBe(true);
  });

  it('looks at the thrown value only: a wrapped abort, a timeout or a plain value is not a cancel', () => {
    expect(isAbortError(new Error('x', { cause: new DOMException('a', 'AbortError') }))).toBe(false);
    expect(isAbortError(new DOMException('t', 'TimeoutError'))).toBe(false);
    expect(isAbortError('AbortError')).toBe(false);
    expect(isAbortError(undefined)).toBe(false);
  });
});
