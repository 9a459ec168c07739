import { difficultyRank, type Level } from './levels';
import type { Story, StorySource } from './story';

/**
 * What the Library and Home need of a story, kept in its own table so listing thousands of stories
 * never reads (or structured-clones) their full content.
 */
export interface StorySummary {
  id: string;
  titleJP: string;
  titleEN: string;
  excerpt: string;
  level: Level;
  /** 1 = easiest (N5 rules) … 5 = hardest (N1 rules). */
  difficulty: number;
  readTime: number;
  topic: string;
  source: StorySource;
  createdAt: number;
  updatedAt: number;
  /** Lower-cased titles, excerpt and topic: what the Library search matches against. */
  searchText: string;
}

export function toSummary(story: Story): StorySummary {
  return {
    id: story.id,
    titleJP: story.titleJP,
    titleEN: story.titleEN,
    excerpt: story.excerpt,
    level: story.level,
    difficulty: difficultyRank(story.level),
    readTime: story.readTime,
    topic: story.topic,
    source: story.source,
    createdAt: story.createdAt,
    updatedAt: story.updatedAt,
    searchText: [story.titleJP, story.titleEN, story.excerpt, story.topic].join('\n').toLowerCase(),
  };
}

/** Minutes to read, at about 200 Japanese characters a minute for a learner; at least 1. */
export function estimateReadTime(story: Pick<Story, 'content'>): number {
  const chars = story.content.reduce((n, s) => n + s.jp.length, 0);
  return Math.max(1, Math.round(chars / 200));
}
