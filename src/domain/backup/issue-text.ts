import type { z } from 'zod';
import { EXPECTED_TYPE_WORDS, STORY_REASONS as R } from './messages';

/**
 * Turns the first zod issue of a rejected story into one sentence a learner can act on, e.g.
 * "Story 3 (“猫の日”): question 2 needs exactly 4 options". zod's own messages ("Too small: expected
 * array to have exactly 4 items at questions[1].options") are for developers.
 */
type Issue = z.core.$ZodIssue;

const FIELD_WORDS: Record<string, string> = {
  id: 'the id',
  titleJP: 'the Japanese title',
  titleEN: 'the English title',
  level: 'the level',
  readTime: 'the reading time',
  excerpt: 'the excerpt',
  topic: 'the topic',
  length: 'the length',
  source: 'the source',
  createdAt: 'the creation date',
  updatedAt: 'the last-changed date',
  schemaVersion: 'the schema version',
  jp: 'the Japanese text',
  en: 'the English translation',
  text: 'the text',
  reading: 'the reading',
  word: 'the word',
  meaning: 'the meaning',
  question: 'the question text',
  answer: 'the answer',
  explanation: 'the explanation',
};

/** Lists inside a story: what one item is called, and the plural for "needs at least N …". */
const LISTS: Record<string, { item: string; one: string; many: string }> = {
  content: { item: 'paragraph', one: 'paragraph', many: 'paragraphs' },
  questions: { item: 'question', one: 'question', many: 'questions' },
  options: { item: 'option', one: 'option', many: 'options' },
  readings: { item: 'reading', one: 'reading', many: 'readings' },
  vocab: { item: 'vocabulary word', one: 'vocabulary word', many: 'vocabulary words' },
};

export function storyRejectionReason(issues: readonly Issue[], input: unknown, index: number): string {
  const label = R.storyLabel(index, storyTitle(input));
  const first = issues[0];
  if (!first) return `${label} ${R.notAnObject}`;
  const more = issues.length > 1 ? R.moreProblems(issues.length - 1) : '';
  return `${label}: ${describeIssue(first, input)}${more}`;
}

/**
 * Every problem of a rejected story, one phrase each ("the level is not one of …"), without
 * repeats: the report lists them all under the one-sentence reason, so "(and 1 more problem)" can
 * be read, not only counted.
 */
export function storyProblems(issues: readonly Issue[], input: unknown): string[] {
  return [...new Set(issues.map((issue) => describeIssue(issue, input)))];
}

/** The title to name a story by in a report, whatever shape the story is in. */
export function storyTitle(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const { titleJP, titleEN } = input as Record<string, unknown>;
  if (typeof titleJP === 'string' && titleJP.trim()) return titleJP.trim();
  if (typeof titleEN === 'string' && titleEN.trim()) return titleEN.trim();
  return null;
}

export function describeIssue(issue: Issue, input: unknown): string {
  const { subject, list } = describePath(issue.path);
  return `${subject} ${describeProblem(issue, list, valueAt(input, issue.path))}`;
}

function describePath(path: readonly PropertyKey[]): { subject: string; list: (typeof LISTS)[string] | null } {
  let owner = '';
  let subject = 'the story';
  let list: (typeof LISTS)[string] | null = null;
  for (let i = 0; i < path.length; i++) {
    const key = String(path[i]);
    const next = path[i + 1];
    const known = LISTS[key];
    if (known && typeof next === 'number') {
      owner = owner ? `${known.item} ${next + 1} of ${owner}` : `${known.item} ${next + 1}`;
      subject = owner;
      i++;
    } else if (known && i === path.length - 1) {
      // The list itself is wrong ("needs exactly 4 options"): its owner is the subject.
      subject = owner || (FIELD_WORDS[key] ?? 'the story');
      list = known;
    } else {
      const word = FIELD_WORDS[key] ?? `“${key}”`;
      subject = owner ? `${owner}’s ${word.replace(/^the /, '')}` : word;
    }
  }
  return { subject, list };
}

function describeProblem(issue: Issue, list: (typeof LISTS)[string] | null, value: unknown): string {
  const noun = (n: number) => (n === 1 ? (list?.one ?? 'item') : (list?.many ?? 'items'));
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return R.missing;
      return R.wrongType(EXPECTED_TYPE_WORDS[issue.expected] ?? issue.expected);
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'array') return issue.exact ? R.exactly(n, noun(n)) : R.atLeast(n, noun(n));
      if (issue.origin === 'string') return n === 1 ? R.empty : R.atLeast(n, 'characters');
      return R.numberAtLeast(n);
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'array') return issue.exact ? R.exactly(n, noun(n)) : R.atMost(n, noun(n));
      if (issue.origin === 'string') return R.atMost(n, 'characters');
      return R.numberAtMost(n);
    }
    case 'invalid_value':
      if (issue.path[issue.path.length - 1] === 'level') return R.notALevel;
      return R.oneOf(issue.values.map(String));
    case 'invalid_format':
      return R.invalidFormat;
    default:
      return issue.message;
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
