import { z } from 'zod';
import { QuestionSchema, ReadingSchema, SegmentSchema, VocabSchema } from '../domain/story';
import { AiError } from './errors';
import { AI_MESSAGES } from './messages';

/**
 * Reading the model's story JSON. The schema derives from the domain's segment and question schemas
 * (so a story that passes here passes StorySchema), as plain objects: keys the model invents are
 * dropped rather than carried into the library. Small flaws that would waste a whole 10–90 s paid
 * generation are repaired instead of failing: furigana for text not in the sentence, kana-only
 * furigana, vocabulary without a word and malformed questions are dropped (one good question stays
 * required). Anything else is invalid output, which the engine retries a bounded number of times.
 */

const KANJI = /\p{Script=Han}/u;

const GeneratedVocabSchema = z.object(VocabSchema.shape);
const GeneratedSegmentSchema = z.object({
  ...SegmentSchema.shape,
  readings: z.array(ReadingSchema).default([]),
  vocab: z.array(GeneratedVocabSchema).default([]),
});
const GeneratedQuestionSchema = z.object(QuestionSchema.shape);

export const GeneratedStorySchema = z.object({
  titleJP: z.string().trim().min(1),
  titleEN: z.string().default(''),
  excerpt: z.string().default(''),
  topic: z.string().default(''),
  content: z.array(GeneratedSegmentSchema).min(1),
  questions: z.array(GeneratedQuestionSchema).min(1),
});

export type GeneratedStory = z.infer<typeof GeneratedStorySchema>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

function tidySegment(segment: unknown): unknown {
  if (!isRecord(segment) || typeof segment.jp !== 'string') return segment;
  const jp = segment.jp;
  const out: Record<string, unknown> = { ...segment };
  if (Array.isArray(segment.readings)) {
    out.readings = segment.readings.filter(
      (r) => isRecord(r) && nonEmpty(r.text) && nonEmpty(r.reading) && KANJI.test(r.text) && jp.includes(r.text),
    );
  }
  if (Array.isArray(segment.vocab)) out.vocab = segment.vocab.filter((v) => isRecord(v) && nonEmpty(v.word));
  return out;
}

/** The lenient repairs described above, on the raw parsed JSON, before validation. */
function tidy(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  const out: Record<string, unknown> = { ...raw };
  if (Array.isArray(raw.content)) out.content = raw.content.map(tidySegment);
  if (Array.isArray(raw.questions)) {
    const good = raw.questions.filter((q) => GeneratedQuestionSchema.safeParse(q).success);
    // With none valid, keep them so the error names the first real problem.
    if (good.length > 0) out.questions = good;
  }
  return out;
}

/** The JSON inside a Markdown code fence, if the model wrapped it in one despite the JSON mode. */
export function stripCodeFences(text: string): string {
  const fenced = /^\s*```[\w-]*[ \t]*\r?\n?([\s\S]*?)\r?\n?[ \t]*```\s*$/.exec(text);
  return (fenced?.[1] ?? text).trim();
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown problem';
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  const text = `${where}${issue.message}`;
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/**
 * The model's text as a validated story, or an `invalid-output` AiError: one sentence for the learner,
 * and in its detail briefly what was wrong (the JSON error, or the first schema problem).
 */
export function parseStoryText(text: string): GeneratedStory {
  const body = stripCodeFences(text);
  if (body === '') throw new AiError('invalid-output', 'empty-output', AI_MESSAGES.storyIncomplete, { detail: 'empty answer' });
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (err) {
    const why = err instanceof Error ? err.message : 'JSON.parse failed';
    throw new AiError('invalid-output', 'invalid-json', AI_MESSAGES.storyIncomplete, { detail: `not valid JSON: ${why}` });
  }
  const parsed = GeneratedStorySchema.safeParse(tidy(raw));
  if (!parsed.success) {
    const reason = firstIssue(parsed.error);
    throw new AiError('invalid-output', 'schema-mismatch', AI_MESSAGES.storyIncomplete, { detail: `not the story's shape: ${reason}` });
  }
  return parsed.data;
}
