import { describe, expect, it } from 'vitest';
import { loadLibraryView, saveLibraryView } from '../../../src/app/library-view';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

describe('library view preference', () => {
  it('is a grid until the learner picks the list, then remembers the list', () => {
    const storage = memoryStorage();
    expect(loadLibraryView(storage)).toBe('grid');
    saveLibraryView('list', storage);
    expect(loadLibraryView(storage)).toBe('list');
    saveLibraryView('grid', storage);
    expect(loadLibraryView(storage)).toBe('grid');
  });

  it('falls back to the grid when storage throws or holds something else', () => {
    const throwing = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); } };
    expect(loadLibraryView(throwing)).toBe('grid');
    expect(() => saveLibraryView('list', throwing)).not.toThrow();
    expect(loadLibraryView({ getItem: () => 'tiles' })).toBe('grid');
    expect(loadLibraryView(null)).toBe('grid');
  });
});
