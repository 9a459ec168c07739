/// <reference path="../vite-env.d.ts" />
import { applyImport, exportLibraryFile, type ImportResult, planLibraryImport } from '../db/backup-repo';
import { loadSettings } from '../db/settings-repo';
import { IMPORT_LIMITS } from '../domain/backup/limits';
import { type ImportPlan, type ReadyImportPlan, refuse } from '../domain/backup/plan-import';
import { isQuotaError } from '../domain/error-kinds';
import { countOf, plural, storyCount } from '../domain/format';
import { scrubDetail } from '../domain/secrets';
import type { Settings } from '../domain/settings';
import { applyAppearance } from './theme';

/**
 * Export and import as the Settings page uses them: the export becomes a downloaded file, an
 * import file is planned (nothing written) and, once the learner confirms, applied in one
 * transaction; preferences that came with it are applied to the page at once.
 */

/** Builds the backup (never the API key: the export cannot read the secrets table) and downloads it. */
export async function downloadLibraryBackup(doc: Document = document, now = Date.now()): Promise<string> {
  const { fileName, text } = await exportLibraryFile(now, __APP_VERSION__);
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoking at once can cancel the download in some browsers; a minute is plenty.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return fileName;
}

/** Reads and judges a chosen file; nothing is written. A huge file is refused before it is read. */
export async function planImportFile(file: Blob): Promise<ImportPlan> {
  if (file.size > IMPORT_LIMITS.bytes) return refuse('too-large');
  const start = performance.now();
  const plan = await planLibraryImport(await file.text());
  performance.measure('import:plan', { start }); // read by `npm run bench`
  return plan;
}

/** Applies a reviewed plan; `withSettings: false` leaves the learner's preferences as they are. */
export async function applyImportPlan(plan: ReadyImportPlan, { withSettings = true } = {}): Promise<ImportResult> {
  const start = performance.now();
  const result = await applyImport(withSettings ? plan : { ...plan, settings: null });
  performance.measure('import:apply', { start }); // read by `npm run bench`
  if (result.settingsChanged) applyAppearance(await loadSettings());
  return result;
}

/**
 * What the import screen says when reading or writing failed unexpectedly (not a refusal: those
 * have their own sentences). Either way nothing was written: the apply is one transaction.
 */
export function importFailureMessage(stage: 'plan' | 'apply', error: unknown): string {
  if (isQuotaError(error)) return 'Your device is out of storage space, so the import could not be finished. Nothing was changed.';
  const detail = scrubDetail(error instanceof Error ? error.message : String(error), 200);
  const what = stage === 'plan' ? 'This file could not be read' : 'The import could not be finished';
  return `${what} (${detail || 'no details'}). Nothing was changed; you can try again.`;
}

const SETTING_LABELS: Partial<Record<keyof Settings, string>> = {
  theme: 'Theme',
  fontSize: 'Text size',
  viewMode: 'Layout',
  showFurigana: 'Furigana',
  furiganaMode: 'Furigana over',
  highlightLearning: 'Highlight words you are learning',
  showEnglish: 'Translation',
  showImages: 'Pictures',
  playbackSpeed: 'Narration speed',
  voice: 'Voice',
  textModel: 'Story model',
  ttsModel: 'Narration model',
  imageModel: 'Picture model',
  notifyOnFinish: 'Notify when a story is ready',
};

const VALUE_WORDS: Record<string, string> = {
  light: 'Light', dark: 'Dark', system: 'System', small: 'Small', medium: 'Medium', large: 'Large',
  'side-by-side': 'Side by side', stacked: 'Stacked',
  all: 'All words', unknown: 'Words not known', none: 'None',
};

function describeValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return VALUE_WORDS[value] ?? (value || '(none)');
  return JSON.stringify(value);
}

/**
 * The preferences an import would change, as "Theme: Dark" lines, in a stable order; fields equal
 * to the current ones and fields this version has no words for are left out. The endpoint and the
 * Supabase project have no words on purpose: an import never changes them (device-settings.ts).
 */
export function describeSettingsChanges(patch: Partial<Settings> | null, current: Settings): string[] {
  if (!patch) return [];
  const fields: Record<string, unknown> = patch;
  const now: Record<string, unknown> = current;
  return (Object.keys(SETTING_LABELS) as Array<keyof Settings>)
    .filter((key) => key in fields && JSON.stringify(fields[key]) !== JSON.stringify(now[key]))
    .map((key) => `${SETTING_LABELS[key]}: ${describeValue(fields[key])}`);
}

/** One line per outcome, e.g. "Added 3 stories." / "1 story was already in your library." */
export function importSummaryLines(result: ImportResult): string[] {
  const lines = [result.added ? `Added ${storyCount(result.added)}.` : 'No new stories were added.'];
  if (result.restored) {
    lines.push(`${storyCount(result.restored)} you had deleted ${plural(result.restored, 'was', 'were')} restored as ${plural(result.restored, 'a new copy', 'new copies')}, so sync will not delete ${plural(result.restored, 'it', 'them')} again.`);
  }
  if (result.alreadyPresent) {
    lines.push(`${storyCount(result.alreadyPresent)} ${plural(result.alreadyPresent, 'was', 'were')} already in your library and left as ${plural(result.alreadyPresent, 'it was', 'they were')}.`);
  }
  if (result.rejected) lines.push(`${storyCount(result.rejected)} could not be imported (the reasons are below).`);
  if (result.progress) lines.push(`Reading position restored for ${storyCount(result.progress)}.`);
  if (result.reviews) lines.push(`${countOf(result.reviews, 'review')} added to your review history.`);
  if (result.readingDays) lines.push(`Reading time restored for ${countOf(result.readingDays, 'day')}.`);
  if (result.settingsChanged) lines.push('Your preferences were updated from the file.');
  return lines;
}

