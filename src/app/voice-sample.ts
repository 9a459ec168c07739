import { AiError } from '../ai/errors';
import { synthesizeSentence } from '../ai/tts';
import { getApiKey } from '../db/secrets-repo';
import { loadSettings } from '../db/settings-repo';

/**
 * "Play sample" in Settings: one TTS request with the learner's key, answered with a playable WAV.
 * Not a job: the learner is waiting for it on screen, and a failed sample costs nothing to retry.
 */

export const SAMPLE_TEXT = 'こんにちは。今日は、短い物語を読みましょう。';

export type SampleResult = { ok: true; blob: Blob } | { ok: false; message: string };

export async function voiceSample(voice: string, signal: AbortSignal): Promise<SampleResult> {
  const [apiKey, settings] = await Promise.all([getApiKey(), loadSettings()]);
  if (!apiKey) return { ok: false, message: 'Add your Gemini API key above first: the sample is made by Gemini with your key.' };
  try {
    const speech = await synthesizeSentence({
      apiKey,
      baseUrl: settings.geminiBaseUrl,
      model: settings.ttsModel,
      voice,
      text: SAMPLE_TEXT,
      signal,
    });
    return { ok: true, blob: speech.blob };
  } catch (error) {
    if (signal.aborted) return { ok: false, message: '' };
    if (error instanceof AiError) return { ok: false, message: error.message };
    return { ok: false, message: 'The sample could not be made. Check your connection and try again.' };
  }
}
