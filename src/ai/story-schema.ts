import { type GenerationConfig, type ObjectSchema, type Schema, SchemaType } from '@google/generative-ai';

/**
 * The structured-output schema for a story (the shape of DESIGN §2's core fields without the
 * app-side id, level and dates). Gemini's schema dialect is an OpenAPI subset: no min/max on
 * integers, so "0-3" lives in the description and the zod check in story-parse.ts enforces it.
 */

const text = (description: string): Schema => ({ type: SchemaType.STRING, description });

/**
 * An object schema with `propertyOrdering`, which the API honours but 0.24.1's types lack. Without it
 * Gemini 2.5 writes keys alphabetically; with it titles come first, then the sentences in order, so
 * streaming progress ("3 sentences so far") means something.
 */
function object(properties: Record<string, Schema>, description?: string): ObjectSchema {
  const keys = Object.keys(properties);
  const schema: ObjectSchema = { type: SchemaType.OBJECT, properties, required: keys };
  if (description) schema.description = description;
  return Object.assign(schema, { propertyOrdering: keys });
}

const READING = object(
  {
    text: text('An exact substring of jp that contains kanji.'),
    reading: text('Its reading in hiragana only.'),
  },
  'Furigana for one word of the sentence.',
);

const VOCAB = object({
  word: text('The word in dictionary form, as written in Japanese.'),
  reading: text('Its reading in hiragana.'),
  meaning: text('Its meaning in English.'),
});

const SEGMENT = object({
  jp: text('One sentence of the story in Japanese.'),
  readings: { type: SchemaType.ARRAY, items: READING, description: 'Furigana covering every kanji in jp.' },
  en: text('A natural English translation of the sentence.'),
  imagePrompt: text('One English sentence describing an illustration of this moment; no text in the picture.'),
  vocab: { type: SchemaType.ARRAY, items: VOCAB, maxItems: 4 },
});

const QUESTION = object({
  question: text('A comprehension question about the story, in Japanese at the story level.'),
  options: { type: SchemaType.ARRAY, items: text('One answer option.'), minItems: 4, maxItems: 4 },
  answer: { type: SchemaType.INTEGER, description: 'Index (0-3) of the correct option.' },
  explanation: text('Why that option is right, in English, quoting the story.'),
});

export const STORY_RESPONSE_SCHEMA: ObjectSchema = object({
  titleJP: text('The title in Japanese.'),
  titleEN: text('The title in English.'),
  excerpt: text('A one-sentence teaser in Japanese.'),
  topic: text('The topic in a few English words.'),
  content: { type: SchemaType.ARRAY, items: SEGMENT, minItems: 1, description: 'The sentences of the story, in order.' },
  questions: { type: SchemaType.ARRAY, items: QUESTION, minItems: 3, maxItems: 5 },
});

/** The generation config of a story call: JSON constrained by the schema above. */
export function storyGenerationConfig(): GenerationConfig {
  return { responseMimeType: 'application/json', responseSchema: STORY_RESPONSE_SCHEMA };
}
