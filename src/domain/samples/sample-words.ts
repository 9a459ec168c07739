import type { Annotation } from '../annotations';
import type { Story } from '../story';
import type { Token } from '../tokens';

/**
 * The samples' words, written by hand in a compact line per token, so a sentence reads in one
 * glance: `surface|reading|pos|gloss|base|baseReading`, trailing fields left off, empty ones empty
 * (kana words have no reading; a word already in its dictionary form has no base). A line without
 * `|` is a bare token (punctuation).
 */
export type SampleWords = readonly (readonly string[])[];

export function parseSampleToken(line: string): Token {
  const [surface = '', reading, pos, gloss, base, baseReading] = line.split('|');
  const token: Token = { surface };
  if (reading) token.reading = reading;
  if (base) token.base = base;
  if (baseReading) token.baseReading = baseReading;
  if (pos) token.pos = pos;
  if (gloss) token.gloss = gloss;
  return token;
}

/** The annotation row a sample ships with, stamped like the sample itself. */
export function sampleAnnotation(story: Story, words: SampleWords): Annotation {
  return { storyId: story.id, segments: words.map((sentence) => sentence.map(parseSampleToken)), updatedAt: story.updatedAt };
}
