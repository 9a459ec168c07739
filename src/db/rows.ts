import type { ReadingProgress } from '../domain/progress';
import type { Settings } from '../domain/settings';

/** Row shapes of the tables that are not domain objects themselves. */

export interface SettingsRow {
  /** Always `'app'`: one settings object per device. */
  key: 'app';
  value: Settings;
}

/** Device-only secrets (the Gemini API key). Never exported, synced or logged. */
export interface SecretRow {
  key: 'geminiApiKey' | 'supabaseSession';
  value: string;
  updatedAt: number;
}

export type MediaKind = 'audio' | 'image';

/** One stored blob: a narrated sentence (index = segment) or a picture (index -1 = cover). */
export interface MediaRow {
  storyId: string;
  kind: MediaKind;
  index: number;
  blob: Blob;
  mime: string;
  bytes: number;
  createdAt: number;
}

/**
 * The server tables a device syncs (supabase/migrations); `annotations` is a story's words (issue
 * 13), `words` what the learner knows (issue 14), `review_logs` and `reading_days` the review log
 * and the reading habit (issue 15).
 */
export type SyncTable = 'stories' | 'annotations' | 'reading_progress' | 'user_settings' | 'words' | 'review_logs' | 'reading_days';

/** A local change waiting to be pushed; one row per (table, key), so repeated edits coalesce. */
export interface OutboxRow {
  /** `${table}:${rowKey}` */
  id: string;
  table: SyncTable;
  rowKey: string;
  deleted: boolean;
  queuedAt: number;
  attempts: number;
  /** A 4xx rejection kept aside with its reason; rejected rows are not retried automatically. */
  rejected: { status: number; message: string } | null;
}

export interface SyncStateRow {
  key: string;
  value: unknown;
}

/** A deleted story, kept so undo can restore it and sync can push the deletion. */
export interface TombstoneRow {
  storyId: string;
  deletedAt: number;
}

export type ProgressRow = ReadingProgress;
