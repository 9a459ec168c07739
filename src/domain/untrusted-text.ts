import { z } from 'zod';

/**
 * Text and times from outside this device's own code — the model's answer, an imported file, a
 * pulled row — normalised and bounded in ONE place, which the schemas apply (story.ts), so every way
 * in passes through it.
 *
 * Stripped, because each one breaks something downstream:
 * - NUL and the other C0/C1 controls but tab, newline and carriage return: Postgres refuses `\u0000`
 *   in jsonb, so one such story failed its push for ever.
 * - Lone surrogates (half an emoji, e.g. a stream cut mid-character): not Unicode, refused by
 *   Postgres too.
 * - Format controls (Unicode category Cf): bidi overrides and isolates can make a line read as
 *   something else, zero-width spaces and BOMs hide inside words and break lookups. Kept: the
 *   zero-width joiner and non-joiner (emoji sequences, scripts that need them) and tag characters
 *   (subdivision flags). Variation selectors are not Cf and stay untouched.
 */
const STRIPPED = /(?![\t\n\r])\p{Cc}|\p{Cs}|(?!\u200C|\u200D|[\u{E0020}-\u{E007F}])\p{Cf}/gu;

export function normaliseText(text: string): string {
  return text.replace(STRIPPED, '');
}

/** Every string in `value` normalised (object keys too), for JSON that no schema describes field by field. */
export function normaliseDeep(value: unknown): unknown {
  if (typeof value === 'string') return normaliseText(value);
  if (Array.isArray(value)) return value.map(normaliseDeep);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [normaliseText(k), normaliseDeep(v)]));
}

/** A string of at most `max` UTF-16 units, normalised. */
export const boundedText = (max: number) => z.string().max(max).overwrite(normaliseText);

/** The same, and not empty once normalised (a title of only control characters is no title). */
export const requiredText = (max: number) => boundedText(max).min(1);

/**
 * The last millisecond of year 9999. A later time has no plain ISO form (`+010000-…`, which
 * Postgres does not read), and past 8.64e15 a JS Date is invalid: one such `createdAt` once made
 * every push throw `RangeError: Invalid time value`.
 */
export const MAX_EPOCH_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Epoch milliseconds, 0 up to MAX_EPOCH_MS. */
export const EpochMsSchema = z.int().min(0).max(MAX_EPOCH_MS);
