import type { ImportRefusalCode } from './messages';

/**
 * Bounds on what an import will even look at, checked before any story is judged. A backup of a
 * real library is far inside them (2,000 stories ≈ 10 MB); past them a file is either not a backup
 * or was made to hurt: a 1 GB string, or arrays nested a million deep that would overflow the stack
 * of every recursive reader after JSON.parse (zod, JSON.stringify, structured clone into IndexedDB).
 */
export const IMPORT_LIMITS = {
  /** The file as read; checked on the Blob's size, before reading it into memory. */
  bytes: 50 * 1024 * 1024,
  /** Objects and arrays inside each other. A story in a file is about 6 deep. */
  depth: 24,
  /** Characters in one string (a key or a value). */
  stringChars: 100_000,
  /** Items in one list or keys in one object (the stories list included). */
  entries: 100_000,
} as const;

/** The refusal for a value past a limit, or null when it is inside all of them. */
export function importLimitProblem(value: unknown): ImportRefusalCode | null {
  // Iterative on purpose: recursion is exactly what a deeply nested file would break.
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    const current = item.value;
    if (typeof current === 'string') {
      if (current.length > IMPORT_LIMITS.stringChars) return 'field-too-large';
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (item.depth >= IMPORT_LIMITS.depth) return 'too-deep';
    const children = Array.isArray(current) ? current : Object.values(current);
    if (children.length > IMPORT_LIMITS.entries) return 'too-many-entries';
    if (!Array.isArray(current)) {
      for (const key of Object.keys(current)) if (key.length > IMPORT_LIMITS.stringChars) return 'field-too-large';
    }
    for (const child of children) stack.push({ value: child, depth: item.depth + 1 });
  }
  return null;
}

/** Text longer than the byte limit in UTF-16 units is certainly longer in UTF-8 bytes too. */
export function textTooLarge(text: string): boolean {
  return text.length > IMPORT_LIMITS.bytes;
}
