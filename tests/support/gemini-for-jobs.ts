import { afterAll, beforeAll, beforeEach } from 'vitest';
import { setApiKey } from '../../src/db/secrets-repo';
import { saveSettings } from '../../src/db/settings-repo';
import { type FakeGemini, type FakeGeminiOptions, startFakeGemini } from './fake-gemini';

/**
 * The set-up every engine-plus-handler integration file shares: one fake Gemini server per file,
 * reset before each test, with the app's settings and key pointing at it (as Settings stores them).
 * Call it after `useTestDb()`, so the test's database exists when the settings are written.
 */
export function useGeminiForJobs(options: FakeGeminiOptions = {}): () => FakeGemini {
  let gemini: FakeGemini | undefined;
  beforeAll(async () => {
    gemini = await startFakeGemini(options);
  });
  afterAll(async () => {
    await gemini?.close();
  });
  beforeEach(async () => {
    if (!gemini) throw new Error('useGeminiForJobs: the fake Gemini did not start');
    gemini.reset();
    await saveSettings({ geminiBaseUrl: gemini.url });
    await setApiKey(gemini.apiKey);
  });
  return () => {
    if (!gemini) throw new Error('useGeminiForJobs: no fake Gemini outside a test');
    return gemini;
  };
}
