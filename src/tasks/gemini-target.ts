import type { GeminiTarget } from '../ai/client';
import { getApiKey } from '../db/secrets-repo';
import { loadSettings } from '../db/settings-repo';
import { rememberSecret } from '../domain/secrets';
import type { Settings } from '../domain/settings';
import { JobFailure } from '../jobs/errors';

/**
 * Reads the key and endpoint right before a call, from this device's storage: jobs never carry the
 * key, so a job row can be shown, exported or synced without leaking it.
 */
export async function geminiTarget(pickModel: (s: Settings) => string): Promise<{ target: GeminiTarget; settings: Settings }> {
  const [apiKey, settings] = await Promise.all([getApiKey(), loadSettings()]);
  if (!apiKey) {
    throw new JobFailure('permanent', 'no-api-key', 'Add your Gemini API key in Settings, then press Retry.');
  }
  // From here on any error text in this context (job rows, logs) has the key cut out verbatim.
  rememberSecret(apiKey);
  return { target: { apiKey, baseUrl: settings.geminiBaseUrl, model: pickModel(settings) }, settings };
}
