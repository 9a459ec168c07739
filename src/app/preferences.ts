import { saveSettings } from '../db/settings-repo';
import type { Settings } from '../domain/settings';
import { applyAppearance } from './theme';

/** Saves a preference and applies it to the page at once. */
export async function updatePreferences(patch: Partial<Settings>): Promise<Settings> {
  const next = await saveSettings(patch);
  applyAppearance(next);
  return next;
}
