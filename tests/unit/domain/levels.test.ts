import { describe, expect, it } from 'vitest';
import { difficultyRank, LEVELS, LEVEL_RULES, rulesLevel } from '../../../src/domain/levels';
import { queryLibrary } from '../../../src/domain/library-query';
import { toSummary } from '../../../src/domain/summary';
import type { Story } from '../../../src/domain/story';

function story(id: number, level: Story['level'], titleEN: string): Story {
  return {
    id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    titleJP: `話${id}`, titleEN, level, readTime: 1, excerpt: '', topic: '', source: 'sample',
    content: [{ jp: 'ねこ。', readings: [], en: 'Cat.', vocab: [] }], questions: [],
    createdAt: id * 1000, updatedAt: id * 1000, schemaVersion: 1,
  };
}

describe('level rules', () => {
  it('maps Beginner, Intermediate and Advanced to N5, N3 and N1 rules', () => {
    expect(rulesLevel('Beginner')).toBe('N5');
    expect(rulesLevel('Intermediate')).toBe('N3');
    expect(rulesLevel('Advanced')).toBe('N1');
    expect(LEVEL_RULES[rulesLevel('Beginner')].grammar).toContain('です/ます');
  });

  it('ranks difficulty from N5 (1) to N1 (5) for all eight levels', () => {
    expect(LEVELS.map(difficultyRank)).toEqual([1, 2, 3, 4, 5, 1, 3, 5]);
  });
});

describe('library query', () => {
  const all = [story(1, 'N1', 'Old castle'), story(2, 'N5', 'My cat'), story(3, 'Intermediate', 'Cat cafe'), story(4, 'N3', 'Rain')].map(toSummary);

  it('filters by every level, including the general ones', () => {
    expect(queryLibrary(all, { search: '', level: 'N1', sort: 'newest' }).map((s) => s.titleEN)).toEqual(['Old castle']);
    expect(queryLibrary(all, { search: '', level: 'Intermediate', sort: 'newest' }).map((s) => s.titleEN)).toEqual(['Cat cafe']);
  });

  it('searches English and Japanese titles, case-insensitively, all words', () => {
    expect(queryLibrary(all, { search: 'CAT', level: 'all', sort: 'oldest' }).map((s) => s.titleEN)).toEqual(['My cat', 'Cat cafe']);
    expect(queryLibrary(all, { search: 'cat cafe', level: 'all', sort: 'newest' })).toHaveLength(1);
    expect(queryLibrary(all, { search: '話4', level: 'all', sort: 'newest' }).map((s) => s.titleEN)).toEqual(['Rain']);
  });

  it('sorts newest, oldest, easiest and hardest', () => {
    const titles = (sort: 'newest' | 'oldest' | 'easiest' | 'hardest') => queryLibrary(all, { search: '', level: 'all', sort }).map((s) => s.titleEN);
    expect(titles('newest')).toEqual(['Rain', 'Cat cafe', 'My cat', 'Old castle']);
    expect(titles('oldest')).toEqual(['Old castle', 'My cat', 'Cat cafe', 'Rain']);
    expect(titles('easiest')).toEqual(['My cat', 'Rain', 'Cat cafe', 'Old castle']);
    expect(titles('hardest')).toEqual(['Old castle', 'Rain', 'Cat cafe', 'My cat']);
  });
});
