import { type GeminiTarget, generateOnce, type ModalityConfig, TIMEOUTS } from './client';
import { AiError } from './errors';
import { base64ToBytes, checkOutcome, outcomeOf, partsOf } from './finish';
import { AI_MESSAGES } from './messages';
import { parseAudioMime, readWavInfo, wrapPcmAsWav } from './wav';

/**
 * Narration: one unary TTS call per sentence (DESIGN §4), answered as PCM or WAV and always returned
 * as a playable WAV blob, which is what gives sentence-by-sentence playback and highlighting.
 */

export interface SynthesizeOptions extends GeminiTarget {
  /** A prebuilt voice, e.g. Kore, Aoede, Puck. */
  voice: string;
  /** The sentence to read, as written (Japanese). */
  text: string;
  signal: AbortSignal;
}

export interface SpeechResult {
  /** `audio/wav`. */
  blob: Blob;
  durationMs: number;
  /** Size of the blob in bytes, for storage accounting and the quota check. */
  bytes: number;
}

export function speechConfig(voice: string): ModalityConfig {
  return {
    responseModalities: ['AUDIO'],
    speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: voice } } },
  };
}

function toWav(mimeType: string, data: Uint8Array<ArrayBuffer>): { wav: Uint8Array<ArrayBuffer>; durationMs: number } {
  const mime = parseAudioMime(mimeType);
  if (!mime) throw new AiError('invalid-output', 'unsupported-audio', AI_MESSAGES.badAudio(mimeType.slice(0, 60)));
  // A WAV answer is stored as it came, after checking it really is one (and reading its length).
  const wav = mime.format === 'wav' ? data : wrapPcmAsWav(data, mime);
  const info = readWavInfo(wav);
  if (!info || info.dataBytes === 0) {
    throw new AiError('invalid-output', 'bad-audio', AI_MESSAGES.badAudio(info ? 'no samples' : 'not a WAV file'));
  }
  return { wav, durationMs: info.durationMs };
}

/** Speaks one sentence. Throws AiError (classified for the engine) or, on cancel, the abort reason. */
export async function synthesizeSentence(opts: SynthesizeOptions): Promise<SpeechResult> {
  const response = await generateOnce(opts, opts.text, speechConfig(opts.voice), opts.signal, TIMEOUTS.audio);
  checkOutcome(outcomeOf(response), 'audio');
  const audio = partsOf(response).find((p) => p.inlineData?.mimeType.toLowerCase().startsWith('audio/'))?.inlineData;
  if (!audio?.data) throw new AiError('invalid-output', 'no-audio', AI_MESSAGES.noAudio);
  const { wav, durationMs } = toWav(audio.mimeType, base64ToBytes(audio.data));
  const blob = new Blob([wav], { type: 'audio/wav' });
  return { blob, durationMs, bytes: blob.size };
}
