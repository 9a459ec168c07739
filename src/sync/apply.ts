import { getDb } from '../db/database';
import { outboxId, SETTINGS_ROW_KEY } from '../db/outbox-repo';
import { forgetSchedulesIfChanged, loadSettings } from '../db/settings-repo';
import { withFurthestOf } from '../domain/progress';
import { SettingsSchema } from '../domain/settings';
import { type Story, StorySchema } from '../domain/story';
import { toSummary } from '../domain/summary';
import { settleWaitingAnnotations } from './apply-annotations';
import { dropSuperseded, ensureQueued } from './apply-queue';
import { decideProgress, decideSettings, decideStory, type MergeDecision } from './merge';
import { fromTimestamp, type ProgressRecord, rowToProgress, rowToSettingsPatch, type SettingsRecord, type StoryRecord } from './rows';
import { type Watermark, writeWatermark } from './state';

/**
 * Applying one pulled page, in ONE transaction with its cursor: either the page and the new
 * watermark are stored, or neither. Rows applied here are written straight to their tables — never
 * through the repositories, which would queue them — so a pulled row never goes back to the server.
 * What the merge says this device has newer is queued instead (its LOCAL version), which converges.
 * (Annotations are the exception, apply-annotations.ts: they merge through their repository.)
 * @returns how many rows changed this device.
 */

const CHANGED: ReadonlySet<MergeDecision> = new Set(['apply', 'delete-local']);

/** The Story in a pulled row, or null when it is not one this version can read. */
export function storyFromRow(row: StoryRecord): Story | null {
  const parsed = StorySchema.safeParse(row.content);
  return parsed.success && parsed.data.id === row.id ? parsed.data : null;
}

export async function applyStories(rows: readonly StoryRecord[], watermark: Watermark, now = Date.now()): Promise<number> {
  const db = getDb();
  return db.transaction('rw', [db.stories, db.storySummaries, db.tombstones, db.progress, db.media, db.annotations, db.storyWords, db.outbox, db.syncState], async () => {
    let changed = 0;
    for (const row of rows) {
      const remote = row.deleted ? null : storyFromRow(row);
      if (!row.deleted && !remote) continue; // unreadable here (a newer app's row?): leave this device's copy alone
      const [local, tombstone] = await Promise.all([db.stories.get(row.id), db.tombstones.get(row.id)]);
      const decision = decideStory({ deleted: row.deleted, writtenAt: remote?.updatedAt ?? null }, local ? { writtenAt: local.updatedAt } : null, !!tombstone);
      if (decision === 'apply' && remote) {
        // Audio and pictures are this device's: keep the local media summary (none for a new story).
        const story: Story = local?.media ? { ...remote, media: local.media } : remote;
        await db.stories.put(story);
        await db.storySummaries.put(toSummary(story));
        await dropSuperseded('stories', row.id);
      } else if (decision === 'delete-local') {
        await Promise.all([
          db.stories.delete(row.id),
          db.storySummaries.delete(row.id),
          db.progress.delete(row.id),
          db.media.where('storyId').equals(row.id).delete(),
          db.annotations.delete(row.id),
          db.storyWords.delete(row.id),
          db.tombstones.put({ storyId: row.id, deletedAt: now }),
          db.outbox.bulkDelete([outboxId('stories', row.id), outboxId('annotations', row.id), outboxId('reading_progress', row.id)]),
        ]);
      } else if (decision === 'push-local') {
        await ensureQueued('stories', row.id, false);
      } else if (decision === 'push-deletion') {
        await ensureQueued('stories', row.id, true);
      } else {
        await dropSuperseded('stories', row.id); // the server already has this version
      }
      if (CHANGED.has(decision)) changed++;
    }
    // Words pulled before their story (apply-annotations.ts) are written now that it is here.
    await settleWaitingAnnotations();
    await writeWatermark('stories', watermark);
    return changed;
  });
}

export async function applyProgress(rows: readonly ProgressRecord[], watermark: Watermark): Promise<number> {
  const db = getDb();
  return db.transaction('rw', [db.progress, db.tombstones, db.outbox, db.syncState], async () => {
    let changed = 0;
    for (const row of rows) {
      const [local, tombstone] = await Promise.all([db.progress.get(row.story_id), db.tombstones.get(row.story_id)]);
      const remote = { deleted: row.deleted, writtenAt: fromTimestamp(row.last_read_at) };
      const decision = decideProgress(remote, local ? { writtenAt: local.lastReadAt } : null, !!tombstone);
      if (decision === 'apply') {
        await db.progress.put(withFurthestOf(rowToProgress(row), local));
        await dropSuperseded('reading_progress', row.story_id);
      } else if (decision === 'delete-local') {
        await db.progress.delete(row.story_id);
      } else if (decision === 'push-local') {
        await ensureQueued('reading_progress', row.story_id, false);
      } else {
        await dropSuperseded('reading_progress', row.story_id);
      }
      if (CHANGED.has(decision)) changed++;
    }
    await writeWatermark('reading_progress', watermark);
    return changed;
  });
}

export async function applySettings(rows: readonly SettingsRecord[], watermark: Watermark): Promise<number> {
  const db = getDb();
  return db.transaction('rw', [db.settings, db.outbox, db.syncState, db.cards], async () => {
    let changed = 0;
    for (const row of rows) {
      const local = await loadSettings();
      const patch = rowToSettingsPatch(row);
      const decision = decideSettings({ deleted: false, writtenAt: patch.updatedAt > 0 ? patch.updatedAt : null }, { writtenAt: local.updatedAt });
      if (decision === 'apply') {
        const merged = SettingsSchema.safeParse({ ...local, ...patch, supabaseUrl: local.supabaseUrl, supabaseAnonKey: local.supabaseAnonKey, geminiBaseUrl: local.geminiBaseUrl });
        if (!merged.success) continue;
        await db.settings.put({ key: 'app', value: merged.data });
        await forgetSchedulesIfChanged(db, local, merged.data);
        await dropSuperseded('user_settings', SETTINGS_ROW_KEY);
        changed++;
      } else if (decision === 'push-local') {
        await ensureQueued('user_settings', SETTINGS_ROW_KEY, false);
      } else {
        await dropSuperseded('user_settings', SETTINGS_ROW_KEY);
      }
    }
    await writeWatermark('user_settings', watermark);
    return changed;
  });
}
