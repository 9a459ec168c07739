import { LEVELS } from '../../src/domain/levels';
import { SAMPLE_STORIES } from '../../src/domain/samples/sample-stories';
import type { Story } from '../../src/domain/story';
import { type StorySummary, toSummary } from '../../src/domain/summary';

/** A library of `n` realistic stories (sample content, every level), with their summaries. */
export function makeLibrary(n: number): { stories: Story[]; summaries: StorySummary[] } {
  const stories: Story[] = [];
  for (let i = 0; i < n; i++) {
    const base = SAMPLE_STORIES[i % SAMPLE_STORIES.length]!;
    stories.push({
      ...base,
      id: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      titleJP: `${base.titleJP} その${i}`,
      titleEN: `${base.titleEN} #${i}`,
      level: LEVELS[i % LEVELS.length]!,
      source: 'generated',
      createdAt: 1_700_000_000_000 + i * 60_000,
      updatedAt: 1_700_000_000_000 + i * 60_000,
    });
  }
  return { stories, summaries: stories.map(toSummary) };
}
