import type { GenerateContentResponse, Part } from '@google/generative-ai';
import { AiError } from './errors';
import { type AiActivity, AI_MESSAGES, BLOCK_WHY } from './messages';

/**
 * The SDK throws for none of these (PLATFORM.md: `text()` throws only for SAFETY / RECITATION /
 * LANGUAGE, and MAX_TOKENS silently returns a truncated text; image and audio answers go unchecked),
 * so every call checks the prompt feedback and the finish reason itself, here.
 */
export interface Outcome {
  finishReason?: string | undefined;
  blockReason?: string | undefined;
}

/** Finish reasons that mean "the answer is complete". */
const DONE = new Set(['STOP', 'FINISH_REASON_UNSPECIFIED']);

const CODES: Readonly<Record<string, string>> = {
  SAFETY: 'safety',
  RECITATION: 'recitation',
  PROHIBITED_CONTENT: 'prohibited-content',
  BLOCKLIST: 'blocklist',
  SPII: 'spii',
  LANGUAGE: 'language',
  OTHER: 'blocked-other',
};

function whyOf(reason: string): string {
  return BLOCK_WHY[reason] ?? BLOCK_WHY.OTHER ?? reason;
}

/** Throws the AiError for a blocked prompt or a finish reason that leaves no usable answer. */
export function checkOutcome(outcome: Outcome, activity: AiActivity): void {
  const block = outcome.blockReason;
  if (block && block !== 'BLOCKED_REASON_UNSPECIFIED') {
    // A blocked prompt never changes on retry: the learner has to change the topic or the text.
    const message = activity === 'story' ? AI_MESSAGES.promptBlocked(whyOf(block)) : AI_MESSAGES.stopped(activity, whyOf(block));
    throw new AiError('permanent', 'prompt-blocked', message, { detail: `blockReason ${block}` });
  }
  const reason = outcome.finishReason;
  if (!reason || DONE.has(reason)) return;
  const detail = { detail: `finishReason ${reason}` };
  if (reason === 'MAX_TOKENS') {
    // Truncation is an output problem, not the learner's: retried a bounded number of times.
    const message = activity === 'story' ? AI_MESSAGES.storyCutOff : activity === 'audio' ? AI_MESSAGES.audioCutOff : AI_MESSAGES.noPicture;
    throw new AiError('invalid-output', 'max-tokens', message, detail);
  }
  if (reason === 'NO_IMAGE') {
    // The model decided not to draw this prompt; asking again costs a paid call for the same answer.
    throw new AiError('permanent', 'no-image', AI_MESSAGES.noPicture, detail);
  }
  if (reason.startsWith('IMAGE_')) {
    const code = reason === 'IMAGE_SAFETY' ? 'image-safety' : 'image-refused';
    throw new AiError('permanent', code, AI_MESSAGES.imageRefused(whyOf(reason)), detail);
  }
  const code = CODES[reason];
  if (code) throw new AiError('permanent', code, AI_MESSAGES.stopped(activity, whyOf(reason)), detail);
  // MALFORMED_FUNCTION_CALL and reasons newer than this code: odd output, worth a bounded retry.
  throw new AiError('invalid-output', 'unexpected-finish', AI_MESSAGES.stoppedEarly(activity, reason), detail);
}

/** Prompt feedback and the first candidate's finish reason of a unary answer. */
export function outcomeOf(response: GenerateContentResponse): Outcome {
  return { blockReason: response.promptFeedback?.blockReason, finishReason: response.candidates?.[0]?.finishReason };
}

/** The first candidate's parts (a blocked or empty answer has none). */
export function partsOf(response: GenerateContentResponse): Part[] {
  return response.candidates?.[0]?.content?.parts ?? [];
}

/** Decodes base64 (inlineData.data) without Node's Buffer, which the browser and worker lack. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
