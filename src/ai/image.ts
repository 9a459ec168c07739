import { describeImageBytes, sniffImageType } from '../domain/image-type';
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
 * glitch, which a bounded retry usually fixes. So is a picture in a format this app does not store:
 * the type is sniffed from the bytes (src/domain/image-type.ts), never taken from the part's label,
 * and only PNG, JPEG and WebP are kept — an SVG could run script when opened from its object URL.
 */

export interface ImageOptions extends GeminiTarget {
  /** What to draw: a segment's imagePrompt, or a cover description. */
  prompt: string;
  signal: AbortSignal;
}

export interface ImageResult {
  /** The picture's bytes, typed by what they are (PNG, JPEG or WebP), whatever the part claimed. */
  blob: Blob;
  /** Size of the blob in bytes. */
  bytes: number;
}

export const IMAGE_PROMPT_MAX_CHARS = 1000;

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

/**
 * The answer's picture as a blob typed by its bytes. Every inlineData part is a candidate whatever
 * its label (PNG labelled `image/svg+xml` is still a PNG); the first storable one wins.
 */
function pictureBlob(datas: readonly string[]): Blob {
  const candidates = datas.map(base64ToBytes).filter((bytes) => bytes.length > 0);
  for (const bytes of candidates) {
    const type = sniffImageType(bytes);
    if (type) return new Blob([bytes], { type });
  }
  const first = candidates[0];
  if (!first) throw new AiError('invalid-output', 'missing-image', AI_MESSAGES.noPicture);
  const what = describeImageBytes(first);
  throw new AiError('invalid-output', 'unsupported-image', AI_MESSAGES.unsupportedPicture(what), { detail: what });
}

/** Draws one picture. Throws AiError (classified for the engine) or, on cancel, the abort reason. */
export async function generateImage(opts: ImageOptions): Promise<ImageResult> {
  const response = await generateOnce(opts, imageRequestText(opts.prompt), imageConfig(), opts.signal, TIMEOUTS.image);
  checkOutcome(outcomeOf(response), 'image');
  const datas = partsOf(response).flatMap((p) => (p.inlineData?.data ? [p.inlineData.data] : []));
  const blob = pictureBlob(datas);
  return { blob, bytes: blob.size };
}
