import { type ObjectSchema, SchemaType } from '@google/generative-ai';
import { z } from 'zod';
import { SegmentTokensSchema, type Token } from '../domain/tokens';
import { repairTokens } from '../domain/tokens-repair';
import { ANNOTATE_MESSAGES } from './annotate-messages';
import { AiError } from './errors';
import { stripCodeFences } from './story-parse';

/**
 * The annotate call's compact wire format. One token is a tuple of strings, not an object, so the
 * answer carries no key names per word (a 20-sentence story has some 250 words):
 *
 *   [surface, reading, base, baseReading, pos, gloss]    e.g. ["食べました","たべました","食べる","たべる","verb","ate"]
 *
 * An empty string means "none" and trailing empty fields may be left out (["、"], ["は","","","","particle","topic marker"]).
 * Sentences are answered by the id they were sent with, so a skipped or reordered one is noticed.
 */

/** Field order of a token tuple. */
export const TUPLE_FIELDS = ['surface', 'reading', 'base', 'baseReading', 'pos', 'gloss'] as const;

/** The response schema: Gemini's JSON mode holds the model to it. */
export const ANNOTATE_RESPONSE_SCHEMA: ObjectSchema = {
  type: SchemaType.OBJECT,
  properties: {
    sentences: {
      type: SchemaType.ARRAY,
      description: 'One entry per sentence sent, in the order sent.',
      items: {
        type: SchemaType.OBJECT,
        properties: {
          id: { type: SchemaType.INTEGER, description: 'The id the sentence was sent with.' },
          tokens: {
            type: SchemaType.ARRAY,
            description: 'The words of the sentence in order; their surfaces concatenate exactly to the sentence.',
            items: {
              type: SchemaType.ARRAY,
              description: 'One word: [surface, reading, base, baseReading, pos, gloss]; "" for none, trailing "" left out.',
              items: { type: SchemaType.STRING },
            },
          },
        },
        required: ['id', 'tokens'],
      },
    },
  },
  required: ['sentences'],
};

/** A token as its tuple, trailing empty fields dropped (what the model is shown as an example, and the tests' oracle). */
export function encodeToken(token: Token): string[] {
  const tuple = TUPLE_FIELDS.map((field) => token[field] ?? '');
  while (tuple.length > 1 && tuple[tuple.length - 1] === '') tuple.pop();
  return tuple;
}

/** A tuple as a token object, empty fields left out; not validated yet (SegmentTokensSchema does that). */
export function decodeTuple(tuple: readonly string[]): Record<string, string> {
  const token: Record<string, string> = {};
  TUPLE_FIELDS.forEach((field, i) => {
    const value = tuple[i]?.trim();
    // The surface keeps its spaces: surfaces must add up to the sentence exactly.
    if (field === 'surface') token.surface = tuple[0] ?? '';
    else if (value) token[field] = value;
  });
  return token;
}

const AnswerSchema = z.object({
  sentences: z.array(z.object({ id: z.number().int(), tokens: z.array(z.array(z.string())) })),
});

/** A sentence sent for annotation: its index in the story and its text. */
export interface SentenceToAnnotate {
  id: number;
  jp: string;
}

const invalid = (code: string, detail: string) => new AiError('invalid-output', code, ANNOTATE_MESSAGES.unreadable, { detail });

/**
 * The model's answer as tokens for every sentence asked about, by id. Tokens that fail
 * SegmentTokensSchema are repaired against the sentence (repairTokens: bad tokens dropped, gaps
 * filled), so one odd word costs that word, not the paid chunk. An answer that is not JSON, not
 * this shape, or misses a sentence is an `invalid-output` error, which the engine retries.
 */
export function decodeAnnotation(text: string, sent: readonly SentenceToAnnotate[]): Map<number, Token[] | null> {
  const body = stripCodeFences(text);
  if (body === '') throw invalid('empty-output', 'empty answer');
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (err) {
    throw invalid('invalid-json', `not valid JSON: ${err instanceof Error ? err.message : 'JSON.parse failed'}`);
  }
  const parsed = AnswerSchema.safeParse(raw);
  if (!parsed.success) throw invalid('schema-mismatch', `not the token list's shape: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`);
  const answered = new Map(parsed.data.sentences.map((s) => [s.id, s.tokens]));
  const out = new Map<number, Token[] | null>();
  for (const sentence of sent) {
    const tuples = answered.get(sentence.id);
    if (!tuples) throw invalid('missing-sentence', `no tokens for sentence ${sentence.id}`);
    const tokens = tuples.map(decodeTuple);
    const checked = SegmentTokensSchema.safeParse(tokens);
    out.set(sentence.id, checked.success && checked.data.map((t) => t.surface).join('') === sentence.jp ? checked.data : repairTokens(sentence.jp, tokens).tokens);
  }
  return out;
}
