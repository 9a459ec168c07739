import { clearModelList } from '../db/model-list';
import { getApiKey, maskApiKey, removeApiKey, setApiKey } from '../db/secrets-repo';

/**
 * The page's side of the device-local Gemini API key. Components get the key back only masked:
 * once saved it is never rendered, logged or put in a message again.
 */
export type ApiKeyCheck = { ok: true; key: string } | { ok: false; message: string };

export const API_KEY_MESSAGES = {
  empty: 'Enter your Gemini API key before saving.',
  spaces: 'An API key has no spaces inside it. Copy it again from Google AI Studio.',
} as const;

/** Judges what the learner typed; surrounding spaces (from copy and paste) are dropped. */
export function checkApiKeyInput(raw: string): ApiKeyCheck {
  const key = raw.trim();
  if (!key) return { ok: false, message: API_KEY_MESSAGES.empty };
  if (/\s/.test(key)) return { ok: false, message: API_KEY_MESSAGES.spaces };
  return { ok: true, key };
}

/** Saves a checked key; returns it masked, or the reason it was not saved. */
export async function saveApiKey(raw: string): Promise<{ ok: true; masked: string } | { ok: false; message: string }> {
  const check = checkApiKeyInput(raw);
  if (!check.ok) return check;
  await setApiKey(check.key);
  return { ok: true, masked: maskApiKey(check.key) };
}

/** The stored key, masked; null when there is none. Safe to render and to hold in component state. */
export async function maskedApiKey(): Promise<string | null> {
  const key = await getApiKey();
  return key ? maskApiKey(key) : null;
}

/** Removes the key, and the model lists it was tested with (a next key may see other models). */
export async function forgetApiKey(): Promise<void> {
  await removeApiKey();
  await clearModelList();
}
