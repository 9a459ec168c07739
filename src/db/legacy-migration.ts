import { planLegacyStorage, readLegacyLocalStorage } from '../domain/backup/legacy-storage';
import type { ImportPlan } from '../domain/backup/plan-import';
import { applyImport, existingLibrary, type ImportResult } from './backup-repo';
import { getDb } from './database';
import { getApiKey, setApiKey } from './secrets-repo';

/**
 * Migration of the older app's localStorage (same origin), "offered once, never silently": the UI
 * asks, and the learner's answer is recorded in `syncState` under LEGACY_MIGRATION_KEY. Showing the
 * offer is recorded too ('offered'), but only an answer (done or declined) stops it being offered
 * again, so a tab closed while the question was open does not lose the learner's library.
 * The old localStorage keys are never changed or removed: the older app keeps working.
 */
export const LEGACY_MIGRATION_KEY = 'legacy-migration';

export type LegacyMigrationDecision = 'offered' | 'done' | 'declined';

export interface LegacyMigrationState {
  decision: LegacyMigrationDecision;
  at: number;
}

export interface LegacyMigrationStatus {
  /** Some of the older app's keys exist on this origin. */
  found: boolean;
  decision: LegacyMigrationDecision | null;
  /** Found and not yet answered: the UI should ask. */
  shouldOffer: boolean;
  /** Stories the older app left (before validation), for the offer's wording. */
  storyCount: number;
  /** The older app stored a Gemini (Google) key. */
  hasApiKey: boolean;
}

type Reader = Pick<Storage, 'getItem'>;

export async function legacyMigrationStatus(storage: Reader): Promise<LegacyMigrationStatus> {
  const data = readLegacyLocalStorage(storage);
  const decision = (await readState())?.decision ?? null;
  const found = data.found.length > 0;
  return {
    found,
    decision,
    shouldOffer: found && decision !== 'done' && decision !== 'declined',
    storyCount: data.backup.stories.length,
    hasApiKey: data.googleApiKey !== null,
  };
}

/** The UI showed the offer. Never downgrades an answer already given. */
export async function markLegacyMigrationOffered(now = Date.now()): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.syncState, async () => {
    if (!(await readState())) await writeState('offered', now);
  });
}

export async function declineLegacyMigration(now = Date.now()): Promise<void> {
  await writeState('declined', now);
}

export interface LegacyMigrationResult {
  plan: ImportPlan;
  /** Null when the plan was refused (nothing was written, nothing recorded). */
  result: ImportResult | null;
  /** A key the learner already entered in this app is never replaced by the old one. */
  apiKey: 'imported' | 'kept-existing' | 'none';
}

/** Plans, then writes the stories, progress, settings, the API key and the decision in ONE transaction. */
export async function migrateLegacyLocalStorage(storage: Reader, now = Date.now()): Promise<LegacyMigrationResult> {
  const data = readLegacyLocalStorage(storage);
  const plan = planLegacyStorage(data, await existingLibrary(), now);
  if (!plan.ok) return { plan, result: null, apiKey: 'none' };
  const db = getDb();
  const tables = [db.stories, db.storySummaries, db.tombstones, db.progress, db.settings, db.secrets, db.syncState, db.outbox];
  return db.transaction('rw', tables, async () => {
    const result = await applyImport(plan, now);
    let apiKey: LegacyMigrationResult['apiKey'] = 'none';
    if (data.googleApiKey !== null) {
      apiKey = (await getApiKey()) ? 'kept-existing' : 'imported';
      if (apiKey === 'imported') await setApiKey(data.googleApiKey, now);
    }
    await writeState('done', now);
    return { plan, result, apiKey };
  });
}

async function readState(): Promise<LegacyMigrationState | null> {
  const row = await getDb().syncState.get(LEGACY_MIGRATION_KEY);
  return (row?.value as LegacyMigrationState | undefined) ?? null;
}

async function writeState(decision: LegacyMigrationDecision, now: number): Promise<void> {
  const value: LegacyMigrationState = { decision, at: now };
  await getDb().syncState.put({ key: LEGACY_MIGRATION_KEY, value });
}
