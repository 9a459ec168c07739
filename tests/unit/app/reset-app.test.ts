import { describe, expect, it } from 'vitest';
import { clearAppCaches } from '../../../src/app/reset-app';

/** Cache Storage's surface that clearAppCaches uses, in memory. */
function fakeCaches(names: string[]): CacheStorage & { names: Set<string> } {
  const set = new Set(names);
  return {
    names: set,
    keys: async () => [...set],
    delete: async (name: string) => set.delete(name),
  } as unknown as CacheStorage & { names: Set<string> };
}

describe('clearAppCaches', () => {
  it('deletes every cache of the origin (precache and runtime caches alike)', async () => {
    const storage = fakeCaches(['workbox-precache-v2-https://app/', 'nm-runtime', 'other']);
    await expect(clearAppCaches(storage)).resolves.toBe(3);
    expect([...storage.names]).toEqual([]);
  });

  it('does nothing where Cache Storage does not exist', async () => {
    await expect(clearAppCaches(undefined)).resolves.toBe(0);
  });
});
