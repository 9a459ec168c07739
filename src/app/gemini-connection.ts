import { AiError } from '../ai/errors';
import { classifyModels, listModels } from '../ai/models';
import { clearModelList, readModelList, writeModelList } from '../db/model-list';
import { getApiKey } from '../db/secrets-repo';
import { loadSettings } from '../db/settings-repo';
import { checkEndpoint } from '../domain/device-settings';
import { DEFAULT_GEMINI_BASE_URL } from '../domain/settings-options';
import { updatePreferences } from './preferences';

/** `keyRefused`: Gemini said the key itself is wrong (not a network or endpoint problem). */
export type ConnectionResult = { ok: true; message: string } | { ok: false; message: string; keyRefused?: boolean };

const NO_KEY = 'Save your Gemini API key first.';
const NO_ANSWER = 'The endpoint did not answer in time. Check the endpoint address, then try again.';

export interface ModelChoices {
  text: string[];
  tts: string[];
  image: string[];
}

/**
 * "Test key and load models": ONE model-list request with the stored key, to the configured
 * endpoint. It both proves the key works and fills the pickers (it used to be two requests, one per
 * job); the lists are stored on this device so the pickers offer them after a reload too.
 */
export async function testKeyAndLoadModels(signal: AbortSignal, now = Date.now()): Promise<ConnectionResult> {
  const [apiKey, settings] = await Promise.all([getApiKey(), loadSettings()]);
  if (!apiKey) return { ok: false, message: NO_KEY };
  try {
    const models = await listModels({ apiKey, baseUrl: settings.geminiBaseUrl, signal });
    const groups = classifyModels(models);
    const ids = (list: readonly { id: string }[]) => list.map((m) => m.id);
    await writeModelList({ baseUrl: settings.geminiBaseUrl, text: ids(groups.text), tts: ids(groups.tts), image: ids(groups.image), at: now });
    return { ok: true, message: `Your key works: ${models.length} models are available to it.` };
  } catch (error) {
    // A failed test keeps the last good list: the models did not go away because one call failed.
    if (error instanceof AiError) {
      return { ok: false, message: error.message, keyRefused: error.code === 'api-key-invalid' || error.code === 'permission-denied' };
    }
    if (signal.aborted) return { ok: false, message: NO_ANSWER };
    throw error;
  }
}

/**
 * The pickers' choices: the lists from the last successful test against the endpoint in use, or
 * null when there is none (the pickers then offer only the saved models). A liveQuery source.
 */
export async function storedModelChoices(): Promise<ModelChoices | null> {
  const [list, settings] = await Promise.all([readModelList(), loadSettings()]);
  if (!list || list.baseUrl !== settings.geminiBaseUrl) return null;
  return { text: list.text, tts: list.tts, image: list.image };
}

/** Forgets the stored lists (the key they were listed with was removed). */
export async function forgetModelChoices(): Promise<void> {
  await clearModelList();
}

/**
 * Checks and saves the endpoint with the one rule every other path uses (src/domain/device-settings.ts):
 * https, or http to this computer; empty = Google's.
 */
export async function saveEndpoint(raw: string): Promise<ConnectionResult> {
  const checked = checkEndpoint(raw.trim() || DEFAULT_GEMINI_BASE_URL);
  if (!checked.ok) return { ok: false, message: checked.message };
  await updatePreferences({ geminiBaseUrl: checked.url });
  return { ok: true, message: `Saved: requests go to ${checked.url}.` };
}

/** Asks for notification permission when the learner turns "tell me when a story is ready" on. */
export async function setNotifyOnFinish(on: boolean): Promise<ConnectionResult> {
  if (!on) {
    await updatePreferences({ notifyOnFinish: false });
    return { ok: true, message: 'You will not get notifications.' };
  }
  if (!('Notification' in window)) return { ok: false, message: 'This browser cannot show notifications.' };
  const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
  if (permission !== 'granted') {
    await updatePreferences({ notifyOnFinish: false });
    return { ok: false, message: 'Notifications are blocked for this site. Allow them in the browser’s site settings to use this.' };
  }
  await updatePreferences({ notifyOnFinish: true });
  return { ok: true, message: 'You will get a notification when a story is ready and the app is not on screen.' };
}
