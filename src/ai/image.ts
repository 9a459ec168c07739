import { type GeminiTarget, generateOnce, type ModalityConfig, TIMEOUTS } from './client';
import { AiError } from './errors';
import { base64ToBytes, checkOutcome, outcomeOf, partsOf } from './finish';
import { AI_MESSAGES } from './messages';
import { cleanPromptText } from './story-prompt';

/**
 * Illustrations: one unary call to a Gemini image model, answered with an `inlineData` picture.
 *
 * Failures, decided here: IMAGE_SAFETY and the other IMAGE_* refusals, and NO_IMAGE, are permanent
 * (the model has judged this prompt; asking again is another paid call for the same "no"). A normal
 * finish with no picture in it (the model answered only with text) is invalid-output: that is a
 * glitch, which a bounded retry usually fixes.
 */

export interface ImageOptions extends GeminiTarget {
  /** What to draw: a segment's imagePrompt, or a cover description. */
  prompt: string;
  signal: AbortSignal;
}

export interface ImageResult {
  /** The picture as the model sent it: `image/png` from current models. */
  blob: Blob;
  /** Size of the blob in bytes. */
  bytes: number;
}

export const IMAGE_PROMPT_MAX_CHARS = 1000;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function imageConfig(): ModalityConfig {
  // Image models answer with TEXT and IMAGE parts; asking for IMAGE alone is rejected by some of them.
  return { responseModalities: ['TEXT', 'IMAGE'] };
}

/** The request text: the (model-written) prompt, cleaned and capped, with the house style. */
export function imageRequestText(prompt: string): string {
  const subject = cleanPromptText(prompt, IMAGE_PROMPT_MAX_CHARS, false);
  return (
    `Draw an illustration for a Japanese graded-reader story: ${subject}\n` +
    'Style: warm, gentle storybook illustration. Do not draw any text, letters or captions.'
  );
}

/** The picture's mime type: the part's own, except that PNG bytes are called PNG whatever the label. */
function pictureType(mimeType: string, bytes: Uint8Array): string {
  const isPng = PNG_SIGNATURE.every((b, i) => bytes[i] === b);
  return isPng ? 'image/png' : mimeType.toLowerCase();
}

/** Draws one picture. Throws AiError (classified for the engine) or, on cancel, the abort reason. */
export async function generateImage(opts: ImageOptions): Promise<ImageResult> {
  const response = await generateOnce(opts, imageRequestText(opts.prompt), imageConfig(), opts.signal, TIMEOUTS.image);
  checkOutcome(outcomeOf(response), 'image');
  const picture = partsOf(response).find((p) => p.inlineData?.mimeType.toLowerCase().startsWith('image/'))?.inlineData;
  if (!picture?.data) throw new AiError('invalid-output', 'missing-image', AI_MESSAGES.noPicture);
  const bytes = base64ToBytes(picture.data);
  if (bytes.length === 0) throw new AiError('invalid-output', 'missing-image', AI_MESSAGES.noPicture);
  const blob = new Blob([bytes], { type: pictureType(picture.mimeType, bytes) });
  return { blob, bytes: blob.size };
}
