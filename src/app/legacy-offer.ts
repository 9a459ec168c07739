import {
  declineLegacyMigration,
  type LegacyMigrationResult,
  type LegacyMigrationStatus,
  legacyMigrationStatus,
  markLegacyMigrationOffered,
  migrateLegacyLocalStorage,
} from '../db/legacy-migration';
import { loadSettings } from '../db/settings-repo';
import { removeLegacyApiKey } from '../domain/backup/legacy-storage';
import { plural, storyCount } from '../domain/format';
import { applyAppearance } from './theme';

/**
 * The older app's localStorage library on this origin: offered to the learner once, never migrated
 * silently (nothing at start-up runs this; the Settings page asks). The old data is never changed,
 * except the old copy of the API key, removed when the learner asks: until then the key is
 * "copied", not "moved", because the older app's copy is still readable in this browser.
 */
type Reader = Pick<Storage, 'getItem'>;
type Writer = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** localStorage, or null where reading it throws (some private modes, blocked storage). */
export function legacyStorage(): Writer | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** What was found and whether to ask; when asking, records that the offer was shown. */
export async function checkLegacyOffer(storage: Reader | null = legacyStorage()): Promise<LegacyMigrationStatus | null> {
  if (!storage) return null;
  const status = await legacyMigrationStatus(storage);
  if (status.shouldOffer) await markLegacyMigrationOffered();
  return status;
}

/** "Bring them over": one transaction (stories, progress, settings, the key, the decision). */
export async function acceptLegacyOffer(storage: Reader | null = legacyStorage()): Promise<LegacyMigrationResult | null> {
  if (!storage) return null;
  const outcome = await migrateLegacyLocalStorage(storage);
  if (outcome.result?.settingsChanged) applyAppearance(await loadSettings());
  return outcome;
}

/** "Never": recorded, so the notice does not come back. */
export async function declineLegacyOffer(): Promise<void> {
  await declineLegacyMigration();
}

/** What happened, in sentences (the key is mentioned, never shown). */
export function legacyOutcomeLines(outcome: LegacyMigrationResult): string[] {
  if (!outcome.plan.ok || !outcome.result) return [outcome.plan.ok ? 'Nothing was migrated.' : outcome.plan.message];
  const { added, alreadyPresent, rejected, progress } = outcome.result;
  const lines = [`Brought over ${storyCount(added)}.`];
  if (alreadyPresent) lines.push(`${alreadyPresent} ${plural(alreadyPresent, 'was', 'were')} already here.`);
  if (rejected) lines.push(`${rejected} could not be read and ${plural(rejected, 'was', 'were')} skipped.`);
  if (progress) lines.push(`Reading position restored for ${storyCount(progress)}.`);
  if (outcome.apiKey === 'imported') lines.push(`Your Gemini API key was copied to this app’s device-only key store. ${OLD_COPY}`);
  if (outcome.apiKey === 'kept-existing') lines.push(`The API key you already saved here was kept. ${OLD_COPY}`);
  return lines;
}

const OLD_COPY = 'The older app’s copy is still in this browser.';

/** Whether the older app's key is still in this browser (after its library was brought over). */
export function legacyKeyRemains(status: LegacyMigrationStatus | null): boolean {
  return status !== null && status.decision === 'done' && status.hasApiKey;
}

/** "Remove the older app's copy": only its key entry's Google key; one sentence on what happened. */
export function removeLegacyKeyCopy(storage: Writer | null = legacyStorage()): string {
  if (!storage) return 'This browser does not let the app change the older app’s data.';
  try {
    return removeLegacyApiKey(storage)
      ? 'The older app’s copy of your key was removed from this browser. This app still has its own.'
      : 'The older app had no copy of your key left in this browser.';
  } catch {
    return 'The older app’s copy could not be removed: this browser refused to change its storage.';
  }
}
