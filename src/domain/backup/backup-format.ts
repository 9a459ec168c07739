import { z } from 'zod';
import { type Annotation, AnnotationSchema } from '../annotations';
import { isDeviceOnlySetting, withoutDeviceSettings } from '../device-settings';
import { type ReadingProgress, ReadingProgressSchema } from '../progress';
import { type ReadingDay, ReadingDaySchema } from '../reading-day';
import { type ReviewLogEntry, ReviewLogEntrySchema } from '../review-log';
import { type Settings, SettingsSchema } from '../settings';
import { type Story, StorySchema } from '../story';
import { type WordEntry, WordEntrySchema } from '../words';

/**
 * This app's own export. `format` tells our file apart from any other JSON (and from the older app's
 * backup, which has no such field); `formatVersion` lets a later version read files made now and
 * refuse, with a clear sentence, files made by a version newer than itself.
 */
export const BACKUP_FORMAT = 'nihongo-monogatari-backup';
export const BACKUP_FORMAT_VERSION = 1;

/**
 * Settings keys that would hold a secret. Settings never carry one (the API key and the Supabase
 * session live in the device-only `secrets` table), but settings rows are loose objects, so a stray
 * field written by some other code version must still never reach a file or be imported from one.
 */
const SECRET_KEY_RE = /api_?key|session|token|password|secret/i;

/** The Supabase anon key is public by design (it is shipped in the page), so it may be exported. */
const PUBLIC_KEYS = new Set(['supabaseAnonKey']);

export function isSecretSettingKey(key: string): boolean {
  return !PUBLIC_KEYS.has(key) && SECRET_KEY_RE.test(key);
}

export function withoutSecrets<T extends Record<string, unknown>>(settings: T): T {
  const entries = Object.entries(settings).filter(([key]) => !isSecretSettingKey(key));
  return Object.fromEntries(entries) as T;
}

/** A file's settings, without device fields (the schema fills defaults for them, so `omit` them). */
const FileSettingsSchema = SettingsSchema.omit({ supabaseUrl: true, supabaseAnonKey: true, geminiBaseUrl: true });

const NoSecretsSettingsSchema = FileSettingsSchema.refine(
  (s) => Object.keys(s).every((key) => !isSecretSettingKey(key) && !isDeviceOnlySetting(key)),
  'Settings in a backup must not hold an API key, a session or where this device sends them.',
);

export const BackupFileSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  exportedAt: z.iso.datetime(),
  app: z.object({ version: z.string() }),
  stories: z.array(StorySchema),
  progress: z.array(ReadingProgressSchema),
  settings: NoSecretsSettingsSchema,
  /** The stories' words (issue 13); files made before them have none and still load. */
  annotations: z.array(AnnotationSchema).optional(),
  /** What the learner knows (issue 14); files made before the words store have none and still load. */
  words: z.array(WordEntrySchema).optional(),
  /**
   * The review log and the days of reading (issue 15); files made before them have neither and
   * still load. The cached card schedules are never exported: they are replayed from the log.
   */
  reviewLogs: z.array(ReviewLogEntrySchema).optional(),
  readingDays: z.array(ReadingDaySchema).optional(),
});

export type BackupFile = z.infer<typeof BackupFileSchema>;

/**
 * Builds the export. Device-local parts are dropped: `media` counts describe blobs on this device,
 * which the file does not carry (another device offers to generate them instead), and the device
 * settings (endpoint, Supabase project) say where this device sends the key, which a file must
 * never decide for another device.
 */
export function buildBackup(input: {
  stories: readonly Story[];
  progress: readonly ReadingProgress[];
  settings: Settings;
  annotations?: readonly Annotation[];
  words?: readonly WordEntry[];
  reviewLogs?: readonly ReviewLogEntry[];
  readingDays?: readonly ReadingDay[];
  now: number;
  appVersion: string;
}): BackupFile {
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt: new Date(input.now).toISOString(),
    app: { version: input.appVersion },
    stories: input.stories.map(({ media: _media, ...story }) => story),
    progress: [...input.progress],
    // `Omit` over a loose object keeps only its index signature, hence the named type.
    settings: withoutDeviceSettings(withoutSecrets(input.settings)) as BackupFile['settings'],
    annotations: [...(input.annotations ?? [])],
    words: [...(input.words ?? [])],
    reviewLogs: [...(input.reviewLogs ?? [])],
    readingDays: [...(input.readingDays ?? [])],
  };
}

/** `nihongo-monogatari-backup-2025-03-14.json`: sortable, and says what it is in a Downloads folder. */
export function backupFileName(now: number): string {
  return `${BACKUP_FORMAT}-${new Date(now).toISOString().slice(0, 10)}.json`;
}
