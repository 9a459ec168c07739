import { describe, expect, it } from 'vitest';
import { DEFAULT_LIBRARY_QUERY } from '../../../src/domain/library-query';
import { emptyResultText } from '../../../src/ui/pages/library-empty';

describe('emptyResultText', () => {
  it('names the search words and the level that matched nothing', () => {
    expect(emptyResultText({ ...DEFAULT_LIBRARY_QUERY, search: ' dragons ' }, 3)).toBe('No stories match: none of your 3 stories mention “dragons”.');
    expect(emptyResultText({ ...DEFAULT_LIBRARY_QUERY, search: 'cat', level: 'N1' }, 3)).toBe('No stories match: none of your 3 stories mention “cat” at level N1.');
    expect(emptyResultText({ ...DEFAULT_LIBRARY_QUERY, level: 'N2' }, 3)).toBe('No stories match: none of your 3 stories are at level N2.');
  });

  it('says the library itself is empty when it is', () => {
    expect(emptyResultText({ ...DEFAULT_LIBRARY_QUERY, search: 'cat' }, 0)).toMatch(/^Your library is empty/);
  });
});
