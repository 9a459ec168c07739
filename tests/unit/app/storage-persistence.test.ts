import { describe, expect, it } from 'vitest';
import {
  PERSISTENCE_TEXT,
  persistenceRequestText,
  persistenceState,
  requestPersistence,
  storageEstimate,
} from '../../../src/app/storage-persistence';

describe('persistence', () => {
  it('reports persisted, not persisted, and browsers without the API', async () => {
    expect(await persistenceState({ persisted: async () => true })).toBe('persisted');
    expect(await persistenceState({ persisted: async () => false })).toBe('not-persisted');
    expect(await persistenceState({})).toBe('unsupported');
    expect(await persistenceState(undefined)).toBe('unsupported');
    expect(await persistenceState({ persisted: () => Promise.reject(new Error('blocked')) })).toBe('unsupported');
  });

  it('asks the browser and passes on its answer', async () => {
    expect(await requestPersistence({ persist: async () => true })).toBe('persisted');
    expect(await requestPersistence({ persist: async () => false })).toBe('not-persisted');
    expect(await requestPersistence({ persist: () => Promise.reject(new Error('no')) })).toBe('not-persisted');
    expect(await requestPersistence({})).toBe('unsupported');
  });

  it('explains a refusal, including Safari’s 7-day rule', () => {
    const refused = persistenceRequestText('not-persisted');
    expect(refused).toContain('may clear this app’s data when space runs low');
    expect(refused).toContain('7 days');
    expect(persistenceRequestText('persisted')).toContain(PERSISTENCE_TEXT.persisted);
    expect(persistenceRequestText('unsupported')).toBe(PERSISTENCE_TEXT.unsupported);
  });

  it('reads the browser estimate when there is one', async () => {
    expect(await storageEstimate({ estimate: async () => ({ usage: 10, quota: 100 }) })).toEqual({ usage: 10, quota: 100 });
    expect(await storageEstimate({ estimate: async () => ({}) })).toBeNull();
    expect(await storageEstimate({})).toBeNull();
  });
});
