/**
 * Sentences per annotate request: a short or medium story in one, a long one in two, and each
 * answer stays a few KB. A file of its own so the generator can count the requests without
 * loading the Gemini SDK.
 */
export const ANNOTATE_CHUNK_SENTENCES = 12;

/** The requests the annotate job makes for a story of `sentences` sentences. */
export function annotateRequestCount(sentences: number): number {
  return Math.ceil(Math.max(0, sentences) / ANNOTATE_CHUNK_SENTENCES);
}
