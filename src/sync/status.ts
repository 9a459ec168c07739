import { getDb } from '../db/database';
import type { SyncTable } from '../db/rows';
import { loadSettings } from '../db/settings-repo';
import { ALL_CARDS } from '../domain/review-log';
import { scrubSecrets } from '../domain/secrets';
import { splitWordKey } from '../domain/words';
import { hasStoredSession } from './auth-storage';
import { buildEnv, type SyncConfig, syncConfigFrom } from './config';
import { readAccount, readStatus, type SyncAccount, type SyncStatus } from './state';

/**
 * What the Settings section shows, read in one go so a Dexie liveQuery keeps it current whichever
 * context (tab or worker) changed it. Never includes a token: only whether a session is stored.
 */
export interface RejectedChange {
  id: string;
  table: SyncTable;
  /** The story's title when there is one, else the row key. */
  label: string;
  status: number;
  message: string;
}

export interface SyncView {
  config: SyncConfig | null;
  /** The project comes from the build (VITE_SUPABASE_URL), not from Settings. */
  fromBuild: boolean;
  account: SyncAccount | null;
  hasSession: boolean;
  status: SyncStatus;
  /** Changes waiting to be sent (rejected ones not counted). */
  pending: number;
  rejected: RejectedChange[];
}

const TABLE_WORDS: Record<SyncTable, string> = {
  stories: 'Story',
  annotations: 'Word details',
  reading_progress: 'Reading progress',
  user_settings: 'Preferences',
  words: 'Known words',
  review_logs: 'Review',
  reading_days: 'Reading time',
};

export async function loadSyncView(): Promise<SyncView> {
  const db = getDb();
  const [settings, account, status, outbox] = await Promise.all([loadSettings(), readAccount(), readStatus(), db.outbox.toArray()]);
  const config = syncConfigFrom(settings);
  // Only a session of the project now configured counts (another project's is never used).
  const hasSession = await hasStoredSession(config?.url ?? null);
  const fromBuild = config !== null && settings.supabaseUrl.trim() === '';
  const rejectedRows = outbox.filter((r) => r.rejected !== null);
  const titles = await db.storySummaries.bulkGet(rejectedRows.map((r) => r.rowKey));
  const reviews = await db.reviewLogs.bulkGet(rejectedRows.map((r) => (r.table === 'review_logs' ? r.rowKey : '')));
  const rejected = rejectedRows.map((r, i) => ({
    id: r.id,
    table: r.table,
    label: `${TABLE_WORDS[r.table]}${titles[i] ? ` “${titles[i]?.titleJP}”` : rowLabel(r.table, r.rowKey, reviews[i]?.cardKey)}`,
    status: r.rejected?.status ?? 0,
    message: r.rejected?.message ?? '',
  }));
  return { config, fromBuild, account, hasSession, status, pending: outbox.length - rejectedRows.length, rejected };
}

/** What a refused row is about, after its table's words (a story's title is found above). */
function rowLabel(table: SyncTable, rowKey: string, cardKey: string | undefined): string {
  if (table === 'user_settings') return '';
  if (table === 'words') return `: ${wordLabel(rowKey)}`;
  if (table === 'review_logs') return cardKey === ALL_CARDS ? ': reset of every card' : cardKey ? `: ${wordLabel(cardKey)}` : '';
  // `2026-12-01|device`: the day is what the learner knows it by.
  if (table === 'reading_days') return ` on ${scrubSecrets(rowKey.slice(0, 10))}`;
  return ` ${rowKey}`;
}

/**
 * A word key (`食べる|たべる`) as the learner reads it: 食べる (たべる). Scrubbed: a word the server
 * refused for holding a key-shaped string must not put that string on screen.
 */
function wordLabel(key: string): string {
  const { base, reading } = splitWordKey(key);
  return scrubSecrets(reading && reading !== base ? `${base} (${reading})` : base);
}

/** The build-time project, to prefill the form. */
export function buildTimeProject(): { url: string; anonKey: string } {
  const env = buildEnv();
  return { url: env.VITE_SUPABASE_URL ?? '', anonKey: env.VITE_SUPABASE_ANON_KEY ?? '' };
}
