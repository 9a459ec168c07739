import type { Annotation } from '../annotations';
import type { ReadingProgress } from '../progress';
import type { ReadingDay } from '../reading-day';
import type { ReviewLogEntry } from '../review-log';
import type { Settings } from '../settings';
import type { Story } from '../story';
import type { WordEntry } from '../words';
import { ownAnnotations, type RejectedAnnotation } from './annotations-import';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from './backup-format';
import { type LegacyClock, legacyStoryCandidate } from './legacy-story';
import { isRecord, timestampMs } from './legacy-values';
import { importLimitProblem, textTooLarge } from './limits';
import { ANNOTATION_REASONS, DAY_REASONS, IMPORT_NOTES, IMPORT_REFUSALS, type ImportRefusalCode, REVIEW_REASONS, WORD_REASONS } from './messages';
import { type ImportedProgress, legacyProgress, ownProgress } from './progress-import';
import { ownReadingDays, ownReviewLogs, type RejectedEntry } from './review-import';
import { type ImportedSettings, importableSettings, legacySettings } from './settings-import';
import { type ExistingLibrary, type PresentStory, type RejectedStory, type RestoredStory, sortStories } from './sort-stories';
import { ownWords, type RejectedWord } from './words-import';

export type { ExistingLibrary, PresentStory, RejectedStory, RestoredStory } from './sort-stories';

/**
 * Import is validate-then-apply (DESIGN §2): this module reads and judges the whole file without
 * touching the database, and returns either a refusal (the file is not a backup: nothing will change)
 * or a plan the learner can review before db/backup-repo.ts writes it in one transaction.
 */
export type ImportSource = 'backup' | 'legacy-backup' | 'legacy-storage';

export interface ReadyImportPlan {
  ok: true;
  source: ImportSource;
  /** Valid stories not in the library yet: these will be written. */
  new: Story[];
  /** Among `new`: stories deleted here, coming back as new copies under a new id. */
  restored: RestoredStory[];
  /** Valid stories the library already has (same id, or same older-app id): left untouched. */
  alreadyPresent: PresentStory[];
  rejected: RejectedStory[];
  /** Progress for accepted stories (new or present); applied only where newer than the stored row. */
  progress: ReadingProgress[];
  /** Words for accepted stories (new or present); applied only where newer than the stored row. */
  annotations: Annotation[];
  /** Malformed `annotations` entries, each with its reason (also among `notes`). */
  rejectedAnnotations: RejectedAnnotation[];
  /** The words store's entries (issue 14); applied only where newer than the stored entry. */
  words: WordEntry[];
  /** Malformed `words` entries, each with its reason (also among `notes`). */
  rejectedWords: RejectedWord[];
  /** The review log (issue 15); only the entries this device lacks are added (append-only). */
  reviewLogs: ReviewLogEntry[];
  rejectedReviewLogs: RejectedEntry[];
  /** Days of reading, each device's (issue 15); applied only where newer than the stored row. */
  readingDays: ReadingDay[];
  rejectedReadingDays: RejectedEntry[];
  /** Settings fields the file sets; applied over the current settings. */
  settings: Partial<Settings> | null;
  /** Smaller things the learner should know (skipped progress entries, unusable settings). */
  notes: string[];
}

export interface RefusedImportPlan {
  ok: false;
  code: ImportRefusalCode;
  message: string;
}

export type ImportPlan = ReadyImportPlan | RefusedImportPlan;

export function refuse(code: ImportRefusalCode): RefusedImportPlan {
  return { ok: false, code, message: IMPORT_REFUSALS[code] };
}

/** Plans the import of a file's text (this app's export or the older app's backup). */
export function planImport(text: string, existing: ExistingLibrary, now = Date.now()): ImportPlan {
  if (textTooLarge(text)) return refuse('too-large');
  let value: unknown;
  try {
    // Editors on Windows may prefix a byte-order mark, which JSON.parse does not accept.
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return refuse('not-json');
  }
  return planImportValue(value, existing, { now });
}

/** Plans the import of an already parsed value; `source` overrides detection (localStorage). */
export function planImportValue(
  value: unknown,
  existing: ExistingLibrary,
  options: { now: number; source?: ImportSource },
): ImportPlan {
  if (!isRecord(value)) return refuse('not-an-object');
  const tooMuch = importLimitProblem(value);
  if (tooMuch) return refuse(tooMuch);
  const own = value.format === BACKUP_FORMAT;
  if (own && typeof value.formatVersion === 'number' && value.formatVersion > BACKUP_FORMAT_VERSION) {
    return refuse('newer-format');
  }
  if (value.stories === undefined) return refuse('no-stories');
  if (!Array.isArray(value.stories)) return refuse('stories-not-a-list');

  const clock: LegacyClock = { exportedAt: timestampMs(value.exportedAt), now: options.now };
  const candidates = own ? value.stories.map(withoutDeviceMedia) : value.stories.map((s) => legacyStoryCandidate(s, clock));
  const sorted = sortStories(value.stories, candidates, existing);
  const segments = new Map([...sorted.new, ...sorted.presentStories].map((s) => [s.id, s.content.length]));

  const progress: ImportedProgress = own
    ? ownProgress(value.progress, sorted.idMap)
    : legacyProgress(value.progress, sorted.idMap, segments, clock.exportedAt);
  const settings: ImportedSettings = own ? importableSettings(value.settings) : legacySettings(value.settings, value.theme);

  const words = own ? ownAnnotations(value.annotations, sorted.idMap) : { annotations: [], rejected: [] };
  const known = own ? ownWords(value.words) : { words: [], rejected: [] };
  const reviews = own ? ownReviewLogs(value.reviewLogs) : { entries: [], rejected: [] };
  const days = own ? ownReadingDays(value.readingDays) : { days: [], rejected: [] };

  const notes: string[] = [];
  if (settings.ignored) notes.push(IMPORT_NOTES.settingsIgnored);
  if (settings.deviceSettingsKept) notes.push(IMPORT_NOTES.deviceSettingsKept);
  if (progress.skipped > 0) notes.push(IMPORT_NOTES.progressIgnored(progress.skipped));
  notes.push(...rejectionNotes(words.rejected, ANNOTATION_REASONS.moreRejected));
  notes.push(...rejectionNotes(known.rejected, WORD_REASONS.moreRejected));
  notes.push(...rejectionNotes(reviews.rejected, REVIEW_REASONS.moreRejected));
  notes.push(...rejectionNotes(days.rejected, DAY_REASONS.moreRejected));
  return {
    ok: true,
    source: options.source ?? (own ? 'backup' : 'legacy-backup'),
    new: sorted.new,
    restored: sorted.restored,
    alreadyPresent: sorted.alreadyPresent,
    rejected: sorted.rejected,
    progress: progress.progress,
    annotations: words.annotations,
    rejectedAnnotations: words.rejected,
    words: known.words,
    rejectedWords: known.rejected,
    reviewLogs: reviews.entries,
    rejectedReviewLogs: reviews.rejected,
    readingDays: days.days,
    rejectedReadingDays: days.rejected,
    settings: settings.settings,
    notes,
  };
}

/** A report lists a few rejected entries of each list by reason; the rest are counted. */
const MAX_ANNOTATION_NOTES = 5;

function rejectionNotes(rejected: readonly { reason: string }[], more: (count: number) => string): string[] {
  const notes = rejected.slice(0, MAX_ANNOTATION_NOTES).map((r) => r.reason);
  if (rejected.length > MAX_ANNOTATION_NOTES) notes.push(more(rejected.length - MAX_ANNOTATION_NOTES));
  return notes;
}

/** Media counts describe blobs on the device that wrote the file; none come with the import. */
function withoutDeviceMedia(story: unknown): unknown {
  if (!isRecord(story)) return story;
  const { media: _media, ...rest } = story;
  return rest;
}
