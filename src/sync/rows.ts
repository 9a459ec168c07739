import type { Annotation } from '../domain/annotations';
import { DEVICE_ONLY_SETTINGS } from '../domain/device-settings';
import type { ReadingProgress } from '../domain/progress';
import type { Settings } from '../domain/settings';
import type { Story } from '../domain/story';
import { MAX_EPOCH_MS, normaliseDeep, normaliseText } from '../domain/untrusted-text';
import type { WordEntry } from '../domain/words';

/**
 * Local objects ↔ the server's rows (supabase/migrations). Times are epoch ms here and timestamptz
 * there; the server's own `updated_at` is only ever the pull cursor, never compared with a device
 * clock — last-writer-wins compares the times the devices wrote (`Story.updatedAt`,
 * `ReadingProgress.lastReadAt`, `Settings.updatedAt`), which travel inside the rows.
 */

/** Throws a RangeError that names the value (not Date's bare "Invalid time value") when out of range. */
export const toTimestamp = (ms: number): string => {
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_EPOCH_MS) throw new RangeError(`${ms} is not a time the server can store`);
  return new Date(ms).toISOString();
};
export const fromTimestamp = (value: string | null | undefined): number | null => {
  if (value === null || value === undefined) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
};

/** What a push sends for a story (every row the same keys: PostgREST reads one column list). */
export interface StoryUpsert {
  id: string;
  content: object;
  level: string | null;
  title_jp: string | null;
  created_at: string | null;
  deleted: boolean;
}

/** What a pull receives. */
export interface StoryRecord extends StoryUpsert {
  updated_at: string;
}

/**
 * The Story JSON as it syncs: without `media`, which counts the audio and pictures stored on this
 * device only (they do not sync; another device makes its own). Every string is normalised once
 * more, fields the schema does not know included: Postgres refuses NUL and lone surrogates in jsonb.
 */
export function storyToRow(story: Story): StoryUpsert {
  const { media: _deviceOnly, ...content } = story;
  const created_at = toTimestamp(story.createdAt);
  return { id: story.id, content: normaliseDeep(content) as object, level: story.level, title_jp: normaliseText(story.titleJP), created_at, deleted: false };
}

/** A deletion: the tombstone keeps only the id (the server also drops the text it had). */
export function storyDeletionRow(id: string): StoryUpsert {
  return { id, content: {}, level: null, title_jp: null, created_at: null, deleted: true };
}

/**
 * A story's words (issue 13): the Annotation JSON as it is stored here, text normalised once more
 * (Postgres refuses NUL and lone surrogates in jsonb). No deletion row: the server tombstones a
 * story's words with the story (supabase/migrations/20261212000000_annotations_follow_stories.sql).
 */
export interface AnnotationUpsert {
  story_id: string;
  content: object;
  deleted: boolean;
}

export interface AnnotationRecord extends AnnotationUpsert {
  updated_at: string;
}

export function annotationToRow(annotation: Annotation): AnnotationUpsert {
  return { story_id: annotation.storyId, content: normaliseDeep(annotation) as object, deleted: false };
}

/**
 * A word the learner set (issue 14), keyed by its word key; the WordEntry JSON travels whole in
 * `content`, and its `updatedAt` (the device's clock) decides which device's state wins. No
 * deletion row: a device never deletes a word (Undo writes a newer entry).
 */
export interface WordUpsert {
  key: string;
  content: object;
  deleted: boolean;
}

export interface WordRecord extends WordUpsert {
  updated_at: string;
}

export function wordToRow(entry: WordEntry): WordUpsert {
  return { key: entry.key, content: normaliseDeep(entry) as object, deleted: false };
}

export interface ProgressUpsert {
  story_id: string;
  percent: number;
  segment_index: number;
  /** The fraction 0–1 of the segment, in ten-thousandths (the column is an integer). */
  segment_offset: number;
  completed: boolean;
  quiz_answers: Record<string, number>;
  last_read_at: string;
  deleted: boolean;
}

export interface ProgressRecord extends ProgressUpsert {
  updated_at: string;
}

const OFFSET_SCALE = 10_000;

export function progressToRow(p: ReadingProgress): ProgressUpsert {
  return {
    story_id: p.storyId,
    percent: Math.min(100, Math.max(0, p.percent)),
    segment_index: Math.max(0, Math.trunc(p.segmentIndex)),
    segment_offset: Math.round(Math.min(1, Math.max(0, p.segmentOffset)) * OFFSET_SCALE),
    completed: p.completed,
    quiz_answers: p.quizAnswers ?? {},
    last_read_at: toTimestamp(p.lastReadAt),
    deleted: false,
  };
}

export function rowToProgress(row: ProgressRecord): ReadingProgress {
  const lastReadAt = fromTimestamp(row.last_read_at) ?? 0;
  return {
    storyId: row.story_id,
    percent: Math.min(100, Math.max(0, Number(row.percent) || 0)),
    segmentIndex: Math.max(0, Math.trunc(row.segment_index) || 0),
    segmentOffset: Math.min(1, Math.max(0, (row.segment_offset || 0) / OFFSET_SCALE)),
    completed: row.completed === true,
    quizAnswers: isAnswers(row.quiz_answers) ? row.quiz_answers : {},
    lastReadAt,
    updatedAt: lastReadAt,
  };
}

function isAnswers(value: unknown): value is Record<string, number> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((v) => Number.isInteger(v) && v >= 0 && v <= 3);
}

// Device fields (project, endpoint; one list in src/domain/device-settings.ts) neither leave the
// device nor get overwritten by a pull.

export interface SettingsUpsert {
  settings: Record<string, unknown>;
}

export interface SettingsRecord extends SettingsUpsert {
  user_id: string;
  updated_at: string;
}

/** Preferences as they sync: no device fields, and nothing named like an API key (defence in depth). */
export function settingsToRow(settings: Settings): SettingsUpsert {
  const synced: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    if ((DEVICE_ONLY_SETTINGS as readonly string[]).includes(key) || /api[_-]?key/i.test(key)) continue;
    synced[key] = value;
  }
  return { settings: synced };
}

/** The pulled preferences to lay over the local settings (device fields and unknown junk left out). */
export function rowToSettingsPatch(row: SettingsRecord): Partial<Settings> & { updatedAt: number } {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row.settings ?? {})) {
    if ((DEVICE_ONLY_SETTINGS as readonly string[]).includes(key) || /api[_-]?key/i.test(key)) continue;
    patch[key] = value;
  }
  const updatedAt = typeof patch.updatedAt === 'number' ? patch.updatedAt : 0;
  return { ...(patch as Partial<Settings>), updatedAt };
}
