import type { z } from 'zod';
import { type WordEntry, WordEntrySchema } from '../words';
import { WORD_REASONS } from './messages';

/**
 * What the learner knows, from a file (issue 14). A file made before the words store has none and
 * imports as before. Each entry stands alone: a malformed one is rejected with its reason and
 * changes nothing else. Two entries for one word: the newer wins, as it does against the stored one.
 */
export interface RejectedWord {
  /** Position in the file's `words` list (-1: the list itself). */
  index: number;
  reason: string;
}

export interface ImportedWords {
  words: WordEntry[];
  rejected: RejectedWord[];
}

export function ownWords(raw: unknown): ImportedWords {
  if (raw === undefined || raw === null) return { words: [], rejected: [] };
  if (!Array.isArray(raw)) return { words: [], rejected: [{ index: -1, reason: WORD_REASONS.notAList }] };
  const byKey = new Map<string, WordEntry>();
  const rejected: RejectedWord[] = [];
  raw.forEach((entry, index) => {
    const parsed = WordEntrySchema.safeParse(entry);
    if (!parsed.success) {
      rejected.push({ index, reason: WORD_REASONS.entry(index, firstProblem(parsed.error)) });
      return;
    }
    const seen = byKey.get(parsed.data.key);
    if (!seen || seen.updatedAt < parsed.data.updatedAt) byKey.set(parsed.data.key, parsed.data);
  });
  return { words: [...byKey.values()], rejected };
}

/** "state: Invalid option" names the field; enough for a list under the import report. */
function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return WORD_REASONS.unreadable;
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}
