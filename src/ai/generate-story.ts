import type { EnhancedGenerateContentResponse } from '@google/generative-ai';
import type { JobParams } from '../domain/job';
import { STORY_SCHEMA_VERSION, type Story, StorySchema } from '../domain/story';
import { estimateReadTime } from '../domain/summary';
import { callOptions, createModel, type GeminiTarget, isOnline, TIMEOUTS, throwIfAborted } from './client';
import { AiError, mapGeminiError } from './errors';
import { AI_MESSAGES } from './messages';
import { checkOutcome, type Outcome, partsOf } from './finish';
import { buildStoryPrompt } from './story-prompt';
import { StoryText } from './story-stream';
import { type GeneratedStory, parseStoryText } from './story-parse';
import { storyGenerationConfig } from './story-schema';

export type { GeneratedStory } from './story-parse';

export interface StoryProgress {
  /** Characters of JSON received so far. */
  chars: number;
  /** Sentences begun so far (the number of `"jp"` keys seen): a proxy good enough for a progress bar. */
  segments: number;
  /**
   * The answer so far (a prefix of the story's JSON), for a live draft of the story. A function, so
   * the text is joined only when a listener asks for it (every ~250 ms), not on every chunk.
   */
  answer: () => string;
}

export interface GenerateStoryOptions extends GeminiTarget {
  params: JobParams['story'];
  signal: AbortSignal;
  onProgress?: (progress: StoryProgress) => void;
}

/** Appends one chunk's text and remembers its finish reason and prompt feedback. */
function absorb(chunk: EnhancedGenerateContentResponse, outcome: Outcome): string {
  if (chunk.promptFeedback?.blockReason) outcome.blockReason = chunk.promptFeedback.blockReason;
  const finish = chunk.candidates?.[0]?.finishReason;
  if (finish) outcome.finishReason = finish;
  return partsOf(chunk)
    .map((part) => part.text ?? '')
    .join('');
}

/** Progress is cosmetic: a throwing listener must not fail (or be retried as) a paid generation. */
function report(onProgress: GenerateStoryOptions['onProgress'], progress: StoryProgress): void {
  try {
    onProgress?.(progress);
  } catch {
    // Deliberately ignored, see above.
  }
}

/**
 * Writes one story: a streamed, schema-constrained call whose progress is reported as text arrives.
 * Throws AiError (classified for the engine) or, when `signal` aborts, the abort reason itself.
 */
export async function generateStory(opts: GenerateStoryOptions): Promise<GeneratedStory> {
  const { params, signal, onProgress } = opts;
  throwIfAborted(signal);
  const prompt = buildStoryPrompt(params);
  const model = createModel(opts, {
    systemInstruction: prompt.systemInstruction,
    generationConfig: storyGenerationConfig(),
    timeoutMs: TIMEOUTS.story,
  });
  const outcome: Outcome = {};
  const text = new StoryText();
  // Our own stop, linked to the job's: an answer over the cap is cut off at the connection, not
  // just ignored (the SDK tees the stream and would otherwise go on buffering it).
  const stop = new AbortController();
  const forward = () => stop.abort(signal.reason);
  signal.addEventListener('abort', forward, { once: true });
  try {
    const result = await model.generateContentStream(
      { contents: [{ role: 'user', parts: [{ text: prompt.prompt }] }] },
      callOptions(stop.signal),
    );
    // The SDK tees the stream into this aggregate too; we read the stream, so a failure would reject
    // this promise with no one listening (an unhandled rejection in the worker).
    result.response.catch(() => undefined);
    for await (const chunk of result.stream) {
      const delta = absorb(chunk, outcome);
      if (delta === '') continue;
      text.append(delta);
      report(onProgress, { chars: text.chars, segments: text.segments, answer: () => text.text() });
    }
  } catch (err) {
    throw mapGeminiError(err, { apiKey: opts.apiKey, online: isOnline(), model: opts.model, signal });
  } finally {
    signal.removeEventListener('abort', forward);
    // Ends the request if it is still open (an answer over the cap); a no-op after a normal end.
    if (!stop.signal.aborted) stop.abort();
  }
  // A late chunk must not turn a cancelled job into a result.
  throwIfAborted(signal);
  checkOutcome(outcome, 'story');
  return parseStoryText(text.text());
}

/** The first sentence of `jp` (up to and including its first 。！？ or !?), for a missing excerpt. */
export function firstSentence(jp: string): string {
  const match = /^[\s\S]*?[。！？!?]/.exec(jp.trim());
  return (match?.[0] ?? jp).trim();
}

export interface ToStoryOptions {
  /** The story id: the job id (DESIGN §2), so a retried job cannot create a second story. */
  id: string;
  params: JobParams['story'];
  model: string;
  /** Epoch ms for createdAt and updatedAt. */
  now: number;
}

/** A generated story as a library Story, validated with the domain's StorySchema. */
export function toStory(generated: GeneratedStory, opts: ToStoryOptions): Story {
  const first = generated.content[0]?.jp ?? '';
  const candidate = {
    id: opts.id,
    titleJP: generated.titleJP.trim(),
    titleEN: generated.titleEN.trim(),
    level: opts.params.level,
    readTime: estimateReadTime(generated),
    excerpt: generated.excerpt.trim() || firstSentence(first),
    content: generated.content,
    questions: generated.questions,
    topic: opts.params.topic.trim(),
    length: opts.params.length,
    source: 'generated',
    model: opts.model,
    createdAt: opts.now,
    updatedAt: opts.now,
    schemaVersion: STORY_SCHEMA_VERSION,
  };
  const parsed = StorySchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const reason = issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'invalid story';
    throw new AiError('invalid-output', 'schema-mismatch', AI_MESSAGES.storyUnsaveable, { detail: `not a valid library story: ${reason}` });
  }
  return parsed.data;
}
