import { getDb } from '../db/database';
import { loadSettings } from '../db/settings-repo';
import type { Settings } from '../domain/settings';
import { seedSampleWordsOnce, seedSamplesOnce } from './seed';
import { applyAppearance } from './theme';

/**
 * The part of the page's start that needs Dexie, in a chunk of its own: Home on a second visit (and
 * on a first) draws before this has downloaded (first-look.ts); every other route awaits it first.
 * A newer version of the app in another tab upgrading the database closes ours: reload, so this
 * tab runs the same code as the schema.
 */
export async function openStorage(options: { sampleWordsFirst: boolean }): Promise<Settings> {
  const db = getDb();
  db.on('versionchange', () => {
    db.close();
    window.location.reload();
    return false;
  });
  const settings = await loadSettings();
  applyAppearance(settings);
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', () => void loadSettings().then(applyAppearance));
  // Samples go in before any live read, so a first visit never flashes an empty library; a sample
  // opened directly gets its words first too, so the Reader draws its sentences once.
  await seedSamplesOnce();
  if (options.sampleWordsFirst) await seedSampleWords();
  return settings;
}

export async function seedSampleWords(): Promise<void> {
  await seedSampleWordsOnce().catch((error: unknown) => console.warn('Could not store the samples’ words', error));
}
