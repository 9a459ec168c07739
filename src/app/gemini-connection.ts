import { classifyModels, listModels, testApiKey } from '../ai/models';
import { getApiKey } from '../db/secrets-repo';
import { loadSettings } from '../db/settings-repo';
import { checkEndpoint } from '../domain/device-settings';
import { DEFAULT_GEMINI_BASE_URL } from '../domain/settings-options';
import { updatePreferences } from './preferences';

export type ConnectionResult = { ok: true; message: string } | { ok: false; message: string };

const NO_KEY = 'Save your Gemini API key first.';

/** "Test key": one model-list request with the stored key, to the configured endpoint. */
export async function testStoredKey(signal: AbortSignal): Promise<ConnectionResult> {
  const [apiKey, settings] = await Promise.all([getApiKey(), loadSettings()]);
  if (!apiKey) return { ok: false, message: NO_KEY };
  const result = await testApiKey({ apiKey, baseUrl: settings.geminiBaseUrl, signal });
  return result.ok
    ? { ok: true, message: `Your key works: ${result.models} models are available to it.` }
    : { ok: false, message: result.message };
}

export interface ModelChoices {
  text: string[];
  tts: string[];
  image: string[];
}

/** The API's own model list, split by what each model makes (judged by name and methods). */
export async function loadModelChoices(signal: AbortSignal): Promise<ModelChoices | { error: string }> {
  const [apiKey, settings] = await Promise.all([getApiKey(), loadSettings()]);
  if (!apiKey) return { error: NO_KEY };
  try {
    const groups = classifyModels(await listModels({ apiKey, baseUrl: settings.geminiBaseUrl, signal }));
    return { text: groups.text.map((m) => m.id), tts: groups.tts.map((m) => m.id), image: groups.image.map((m) => m.id) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : 'The model list could not be loaded.' };
  }
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
