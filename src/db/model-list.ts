import { getDb } from './database';

/**
 * The model lists the last successful "Test key" returned, kept on this device so the Settings
 * pickers (and "pick another model in Settings") offer them after a reload, not only the saved
 * model until the test is run again. One `syncState` row, like the fault log: device bookkeeping,
 * never synced or exported, and no schema version needed. The list belongs to the endpoint it came
 * from: a list from another endpoint is not offered.
 */

export const MODEL_LIST_KEY = 'geminiModels';

export interface StoredModelList {
  /** The endpoint the list came from (settings.geminiBaseUrl at the time). */
  baseUrl: string;
  text: string[];
  tts: string[];
  image: string[];
  /** Epoch ms of the test that returned it. */
  at: number;
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The stored list, or null when there is none or it does not read (another version wrote it). */
export async function readModelList(): Promise<StoredModelList | null> {
  const value: unknown = (await getDb().syncState.get(MODEL_LIST_KEY))?.value;
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.baseUrl !== 'string' || !isStrings(v.text) || !isStrings(v.tts) || !isStrings(v.image)) return null;
  return { baseUrl: v.baseUrl, text: v.text, tts: v.tts, image: v.image, at: typeof v.at === 'number' ? v.at : 0 };
}

export async function writeModelList(list: StoredModelList): Promise<void> {
  await getDb().syncState.put({ key: MODEL_LIST_KEY, value: list });
}

export async function clearModelList(): Promise<void> {
  await getDb().syncState.delete(MODEL_LIST_KEY);
}
