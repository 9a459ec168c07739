import type { Annotation } from '../domain/annotations';
import { type BackupFile, backupFileName, buildBackup } from '../domain/backup/backup-format';
import { type ExistingLibrary, type ImportPlan, planImport, type ReadyImportPlan } from '../domain/backup/plan-import';
import { withoutDeviceSettings } from '../domain/device-settings';
import type { ReadingProgress } from '../domain/progress';
import type { Settings } from '../domain/settings';
import type { WordEntry } from '../domain/words';
import { saveAnnotation } from './annotations-repo';
import { applyReviewParts, EXPORT_REVIEW_TABLES, exportReviewParts, reviewImportTables, unseenReviewParts } from './backup-review';
import { getDb } from './database';
import { queueChange, queueChanges, SETTINGS_ROW_KEY } from './outbox-repo';
import { loadSettings } from './settings-repo';
import { putStories } from './stories-repo';

/**
 * Export and import of the whole library. Neither ever opens the `secrets` table: the API key and
 * the Supabase session cannot end up in a file because this module cannot see them.
 */
export const UNKNOWN_APP_VERSION = 'unknown';

/**
 * Stories, progress, settings, words, the review log and the days of reading read in one
 * transaction, so the file is a consistent snapshot (never the cached cards: backup-review.ts).
 */
export async function exportLibrary(now = Date.now(), appVersion = UNKNOWN_APP_VERSION): Promise<BackupFile> {
  const db = getDb();
  return db.transaction('r', [db.stories, db.progress, db.settings, db.annotations, db.words, ...EXPORT_REVIEW_TABLES.map((t) => db[t])], async () => {
    const [stories, progress, settings, annotations, words, review] = await Promise.all([
      db.stories.toArray(),
      db.progress.toArray(),
      loadSettings(),
      db.annotations.toArray(),
      db.words.toArray(),
      exportReviewParts(),
    ]);
    const ids = new Set(stories.map((s) => s.id));
    const storyAnnotations = annotations.filter((a) => ids.has(a.storyId));
    return buildBackup({ stories, progress, settings, annotations: storyAnnotations, words, ...review, now, appVersion });
  });
}

/** The export as a download: file name and pretty-printed JSON (people do open these files). */
export async function exportLibraryFile(
  now = Date.now(),
  appVersion = UNKNOWN_APP_VERSION,
): Promise<{ fileName: string; text: string }> {
  const backup = await exportLibrary(now, appVersion);
  return { fileName: backupFileName(now), text: JSON.stringify(backup, null, 2) };
}

/** Stored ids, and the deleted ones (a story deleted here is restored under a new id). */
export async function existingLibrary(): Promise<ExistingLibrary> {
  const db = getDb();
  return db.transaction('r', db.stories, db.tombstones, async () => {
    const [ids, tombstones] = await Promise.all([db.stories.toCollection().primaryKeys(), db.tombstones.toArray()]);
    return { ids: new Set(ids), tombstones: new Map(tombstones.map((t) => [t.storyId, t.deletedAt])) };
  });
}

/**
 * Reads the library's ids, then plans the import of `text` (nothing is written). Progress entries
 * the apply would skip (not newer than the stored row) are left out of the plan, so importing the
 * same file again offers nothing to do instead of "Update reading positions" that changes nothing.
 */
export async function planLibraryImport(text: string, now = Date.now()): Promise<ImportPlan> {
  const plan = planImport(text, await existingLibrary(), now);
  if (!plan.ok) return plan;
  const db = getDb();
  const [progress, words, review] = await Promise.all([
    db.progress.bulkGet(plan.progress.map((p) => p.storyId)),
    db.words.bulkGet(plan.words.map((w) => w.key)),
    unseenReviewParts(plan),
  ]);
  return {
    ...plan,
    progress: plan.progress.filter((p, i) => isNewer(p, progress[i])),
    words: plan.words.filter((w, i) => isNewer(w, words[i])),
    ...review,
  };
}

/** The one rule for "this imported row would be written" (the apply checks it again inside). */
function isNewer(incoming: { updatedAt: number }, stored: { updatedAt: number } | undefined): boolean {
  return (stored?.updatedAt ?? -1) < incoming.updatedAt;
}

export interface ImportResult {
  added: number;
  alreadyPresent: number;
  /** Among `added`: deleted here before, written back as new copies under new ids. */
  restored: number;
  rejected: number;
  /** Progress rows written (new, or newer than the stored row). */
  progress: number;
  settingsChanged: boolean;
  /** Annotation rows written (new, or newer than the stored row). */
  annotations?: number;
  /** Words store entries written (new, or newer than the stored entry). */
  words?: number;
  /** Review log entries added (the ones this device lacked). */
  reviews?: number;
  /** Days of reading written (new, or newer than the stored row). */
  readingDays?: number;
}

/**
 * Writes a plan's accepted items in ONE transaction: a failure (quota, a closed connection) leaves
 * the library exactly as it was. "Already present" is checked again inside, because the library may
 * have changed while the learner read the report (another tab, a finished job, sync).
 */
export async function applyImport(plan: ReadyImportPlan, now = Date.now()): Promise<ImportResult> {
  const db = getDb();
  // Annotations only when the plan has some: a caller's own transaction (the legacy migration) that
  // does not name the table can still run an import without words inside it.
  // storyWords with them: a story's word keys are written with its tokens (src/db/words-repo.ts).
  const annotationTables = plan.annotations.length > 0 ? [db.annotations, db.storyWords] : [];
  const wordTables = plan.words.length > 0 ? [db.words] : [];
  const tables = [db.stories, db.storySummaries, db.tombstones, db.progress, db.settings, db.outbox, db.syncState, ...annotationTables, ...wordTables, ...reviewImportTables(db, plan)];
  return db.transaction('rw', tables, async () => {
    // All keys in one request: far cheaper than an anyOf() cursor over thousands of ids.
    const stored = new Set(await db.stories.toCollection().primaryKeys());
    const fresh = plan.new.filter((story) => !stored.has(story.id));
    // putStories joins this transaction (Dexie nests it), so summaries are written the one way.
    if (fresh.length > 0) await putStories(fresh);
    for (const story of fresh) stored.add(story.id);
    const progress = await applyProgress(plan.progress, stored);
    const settingsChanged = await applySettings(plan.settings, now);
    const annotations = await applyAnnotations(plan.annotations);
    const words = await applyWords(plan.words);
    const { reviews, readingDays } = await applyReviewParts(plan);
    const restoredIds = new Set(plan.restored.map((r) => r.id));
    return {
      added: fresh.length,
      alreadyPresent: plan.alreadyPresent.length + plan.new.length - fresh.length,
      restored: fresh.filter((story) => restoredIds.has(story.id)).length,
      rejected: plan.rejected.length,
      progress,
      settingsChanged,
      annotations,
      words,
      reviews,
      readingDays,
    };
  });
}

/** Last writer wins on `updatedAt`: re-importing an old file never rewinds newer reading. */
async function applyProgress(incoming: readonly ReadingProgress[], withStory: ReadonlySet<string>): Promise<number> {
  if (incoming.length === 0) return 0;
  const db = getDb();
  const ids = incoming.map((p) => p.storyId);
  const current = await db.progress.bulkGet(ids);
  const rows = incoming.filter((p, i) => withStory.has(p.storyId) && isNewer(p, current[i]));
  await db.progress.bulkPut(rows);
  await queueChanges(db, 'reading_progress', rows.map((p) => p.storyId), false);
  return rows.length;
}

/**
 * Each through the repo's own checks: fitted to its story as stored, never over a newer row. The
 * story's word keys are written with the row (annotations-repo.ts), so an imported story shows its
 * coverage at once.
 */
async function applyAnnotations(incoming: readonly Annotation[]): Promise<number> {
  let written = 0;
  for (const annotation of incoming) if ((await saveAnnotation(annotation)).saved) written++;
  return written;
}

/** Newer `updatedAt` wins, entry by entry: an old file never takes back a word learned since. */
async function applyWords(incoming: readonly WordEntry[]): Promise<number> {
  if (incoming.length === 0) return 0;
  const db = getDb();
  const current = await db.words.bulkGet(incoming.map((w) => w.key));
  const rows = incoming.filter((w, i) => isNewer(w, current[i]));
  await db.words.bulkPut(rows);
  await queueChanges(db, 'words', rows.map((w) => w.key), false);
  return rows.length;
}

/**
 * Written only when a value differs, so importing the same file twice leaves the row untouched.
 * Device fields are dropped here too, whoever built the plan: a file never moves the endpoint.
 */
async function applySettings(filePatch: Partial<Settings> | null, now: number): Promise<boolean> {
  if (!filePatch) return false;
  const patch: Partial<Settings> = withoutDeviceSettings(filePatch);
  const current = await loadSettings();
  const currentFields: Record<string, unknown> = current;
  const changed = Object.entries(patch).some(([key, value]) => !sameValue(currentFields[key], value));
  if (!changed) return false;
  await getDb().settings.put({ key: 'app', value: { ...current, ...patch, updatedAt: now } });
  await queueChange(getDb(), 'user_settings', SETTINGS_ROW_KEY, false, now);
  return true;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
