import { settingsFromStored } from '../domain/default-settings';
import type { Settings } from '../domain/settings';
import { schedulingKey } from '../domain/settings-options';
import { getDb, type NihongoDb } from './database';
import { queueChange, SETTINGS_ROW_KEY } from './outbox-repo';

/**
 * Stored settings merged over the defaults, so a field added in a later version has a value. Every
 * reader (including the worker right before a paid call) gets endpoints that pass the one rule.
 */
export async function loadSettings(): Promise<Settings> {
  const row = await getDb().settings.get('app');
  return settingsFromStored(row?.value);
}

export async function saveSettings(patch: Partial<Settings>, now = Date.now()): Promise<Settings> {
  const db = getDb();
  return db.transaction('rw', [db.settings, db.outbox, db.syncState, db.cards], async () => {
    const current = await loadSettings();
    const next: Settings = { ...current, ...patch, updatedAt: now };
    await db.settings.put({ key: 'app', value: next });
    await forgetSchedulesIfChanged(db, current, next);
    await queueChange(db, 'user_settings', SETTINGS_ROW_KEY, false, now);
    return next;
  });
}

/** Drops every cached review card when the scheduling parameters changed (call inside a transaction with `cards`). */
export async function forgetSchedulesIfChanged(db: Pick<NihongoDb, 'cards'>, before: Partial<Settings>, after: Partial<Settings>): Promise<void> {
  if (schedulingKey(before) !== schedulingKey(after)) await db.cards.clear();
}
