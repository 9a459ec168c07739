/**
 * The one place numbers become words: byte sizes, request counts and English plurals. Pages and
 * app messages share these so "1 requests" or "1.0 MB" here and "1 MB" there cannot creep back in.
 * Pure and import-free, so the first route can use them without pulling in zod.
 */

/** The word for `n` things: plural(1, 'story', 'stories') → "story", plural(2, 'job') → "jobs". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** The number and the word: countOf(1, 'story', 'stories') → "1 story", countOf(3, 'change') → "3 changes". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n} ${plural(n, one, many)}`;
}

/** "1 request", "20 requests": what a button or hint says it will cost in calls to Gemini. */
export function requestCount(n: number): string {
  return countOf(n, 'request');
}

const UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

/** 0 → "0 B", 1536 → "1.5 KB", 10_485_760 → "10 MB" (1024-based, at most one decimal). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) return `${Math.max(0, Math.round(Number.isFinite(bytes) ? bytes : 0))} B`;
  let value = bytes;
  let unit: (typeof UNITS)[number] = 'KB';
  for (const u of UNITS) {
    value /= 1024;
    unit = u;
    if (value < 1024) break;
  }
  const rounded = value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded} ${unit}`;
}

/** "1 story", "3 stories": the noun the app counts most. */
export function storyCount(n: number): string {
  return countOf(n, 'story', 'stories');
}
