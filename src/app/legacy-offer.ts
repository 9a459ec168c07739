import {
  declineLegacyMigration,
  type LegacyMigrationResult,
  type LegacyMigrationStatus,
  legacyMigrationStatus,
  markLegacyMigrationOffered,
  migrateLegacyLocalStorage,
} from '../db/legacy-migration';
import { loadSettings } from '../db/settings-repo';
import { plural, storyCount } from '../domain/format';
import { applyAppearance } from './theme';

/**
 * The older app's localStorage library on this origin: offered to the learner once, never migrated
 * silently (nothing at start-up runs this; the Settings page asks). The old keys are never changed.
 */
type Reader = Pick<Storage, 'getItem'>;

/** localStorage, or null where reading it throws (some private modes, blocked storage). */
export function legacyStorage(): Reader | null {
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
  if (outcome.apiKey === 'imported') lines.push('Your Gemini API key was moved to this app’s device-only key store.');
  if (outcome.apiKey === 'kept-existing') lines.push('The API key you already saved here was kept.');
  return lines;
}
