/**
 * Every sentence the import/export code shows a learner, in one table, so wording stays consistent
 * and a translation (or a copy edit) touches one file. Codes are stable; the UI may branch on them.
 */
export const IMPORT_REFUSALS = {
  'not-json': 'This file is not valid JSON, so it cannot be a Nihongo Monogatari backup.',
  'not-an-object':
    'This file is not a Nihongo Monogatari backup: it holds a list or a single value instead of a backup.',
  'no-stories': 'This file is not a Nihongo Monogatari backup: it has no stories list.',
  'stories-not-a-list': 'This file is not a Nihongo Monogatari backup: its “stories” entry is not a list.',
  'newer-format':
    'This backup was made by a newer version of Nihongo Monogatari. Update the app, then import it again.',
  'too-large': 'This file is larger than 50 MB, which is far more than any Nihongo Monogatari backup. Nothing was read from it.',
  'too-deep': 'This file is nested far deeper than a Nihongo Monogatari backup ever is, so it was not read.',
  'field-too-large':
    'This file holds a piece of text longer than 100,000 characters, far longer than any story field, so it was not read.',
  'too-many-entries': 'This file has a list with more than 100,000 entries, more than a backup can hold, so it was not read.',
  'legacy-stories-unreadable':
    'The stories the older app saved on this device could not be read, so nothing was migrated.',
} as const;

export type ImportRefusalCode = keyof typeof IMPORT_REFUSALS;

/** Notes shown under an otherwise successful import report. */
export const IMPORT_NOTES = {
  settingsIgnored: 'The settings in this file were not understood and were left unchanged.',
  deviceSettingsKept:
    'The file also names a Gemini endpoint or Supabase project. Those were not used: this device keeps its own, so your key goes only where you sent it.',
  progressIgnored: (count: number) =>
    `${count} reading-progress ${count === 1 ? 'entry was' : 'entries were'} not understood and skipped.`,
  legacyKeyUnreadable: (key: string) => `The older app's “${key}” data could not be read and was skipped.`,
} as const;

/** Why a file's words for a story (its `annotations` entry) were not imported. */
export const ANNOTATION_REASONS = {
  notAList: 'The words of the stories in this file (“annotations”) are not a list and were skipped.',
  entry: (index: number, problem: string) => `The words of entry ${index + 1} in “annotations” were skipped (${problem}).`,
  unreadable: 'not readable',
  moreRejected: (count: number) => `${count} more “annotations” ${count === 1 ? 'entry was' : 'entries were'} skipped.`,
} as const;

/** Why an entry of a file's words store (its `words` list, issue 14) was not imported. */
export const WORD_REASONS = {
  notAList: 'The words you know in this file (“words”) are not a list and were skipped.',
  entry: (index: number, problem: string) => `Entry ${index + 1} in “words” was skipped (${problem}).`,
  unreadable: 'not readable',
  moreRejected: (count: number) => `${count} more “words” ${count === 1 ? 'entry was' : 'entries were'} skipped.`,
} as const;

/** Why an entry of a file's review log (its `reviewLogs` list, issue 15) was not imported. */
export const REVIEW_REASONS = {
  notAList: 'The reviews in this file (“reviewLogs”) are not a list and were skipped.',
  entry: (index: number, problem: string) => `Entry ${index + 1} in “reviewLogs” was skipped (${problem}).`,
  unreadable: 'not readable',
  moreRejected: (count: number) => `${count} more “reviewLogs” ${count === 1 ? 'entry was' : 'entries were'} skipped.`,
} as const;

/** Why a day of a file's reading habit (its `readingDays` list, issue 15) was not imported. */
export const DAY_REASONS = {
  notAList: 'The days of reading in this file (“readingDays”) are not a list and were skipped.',
  entry: (index: number, problem: string) => `Entry ${index + 1} in “readingDays” was skipped (${problem}).`,
  unreadable: 'not readable',
  moreRejected: (count: number) => `${count} more “readingDays” ${count === 1 ? 'entry was' : 'entries were'} skipped.`,
} as const;

/** Subjects and problems that make up a rejected story's reason (see issue-text.ts). */
export const STORY_REASONS = {
  storyLabel: (index: number, title: string | null) =>
    title ? `Story ${index + 1} (“${title}”)` : `Story ${index + 1}`,
  notAnObject: 'is not a story',
  duplicateInFile: (firstIndex: number) => `is the same story as story ${firstIndex + 1} in this file`,
  moreProblems: (count: number) => ` (and ${count} more ${count === 1 ? 'problem' : 'problems'})`,
  missing: 'is missing',
  empty: 'is empty',
  exactly: (n: number, noun: string) => `needs exactly ${n} ${noun}`,
  atLeast: (n: number, noun: string) => `needs at least ${n} ${noun}`,
  atMost: (n: number, noun: string) => `can have at most ${n} ${noun}`,
  numberAtLeast: (n: number) => `must be at least ${n}`,
  numberAtMost: (n: number) => `must be at most ${n}`,
  wrongType: (expected: string) => `should be ${expected}`,
  notALevel: 'is not one of the levels N5, N4, N3, N2, N1, Beginner, Intermediate or Advanced',
  oneOf: (values: readonly string[]) => `must be one of ${values.join(', ')}`,
  invalidFormat: 'is not in the expected format',
} as const;

/** How a zod "expected" type reads in a sentence. */
export const EXPECTED_TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};
