import { longWaitInWords, MAX_SERVER_WAIT_MS } from '../domain/retry-timing';

/**
 * Every learner-facing sentence the Gemini adapter produces, in one table, so wording stays
 * consistent and reviewable (and a translation later touches one file). None of them interpolates
 * anything the learner typed as a secret: variable parts are model names, reasons and server text,
 * and all of it passes through scrubSecrets() in AiError's constructor anyway.
 */

/** What a call was doing, for finish-reason messages ("Gemini stopped writing this story …"). */
export type AiActivity = 'story' | 'audio' | 'image' | 'annotate' | 'explain';

const DOING: Record<AiActivity, string> = {
  story: 'writing this story',
  audio: 'narrating this sentence',
  image: 'drawing this picture',
  annotate: "reading this story's words",
  explain: 'explaining this sentence',
};

export const AI_MESSAGES = {
  apiKeyMissing: 'Add your Gemini API key in Settings first.',
  apiKeyInvalid: 'Your Gemini API key was rejected — check it in Settings.',
  permissionDenied:
    'This API key is not allowed to use Gemini (403) — check that the Gemini API is enabled for its project, or use another key.',
  modelNotFound: (model: string) => `The model “${model}” does not exist — pick another in Settings.`,
  endpointNotFound: 'The Gemini endpoint did not recognise this request (404) — check the endpoint URL in Settings.',
  invalidRequest: (detail: string) =>
    detail ? `Gemini could not accept this request: ${detail}` : 'Gemini could not accept this request (400).',
  // Transient failures state the fact only: the job engine retries and the Queue adds one live
  // countdown ("Retrying in 24 s."), or says it stopped; a promise here would be said twice or be false.
  rateLimited: (retryAfterMs: number | undefined) =>
    retryAfterMs !== undefined && retryAfterMs > MAX_SERVER_WAIT_MS
      ? // Nobody retries that late (retry-timing.ts): say how long instead of promising a retry.
        `Gemini's quota for this key is used up for now; it asks to wait ${longWaitInWords(retryAfterMs)}`
      : "Gemini's rate limit was reached",
  overloaded: 'Gemini is overloaded',
  serverError: (status: number) => `Gemini had a server error (${status})`,
  timeout: 'Gemini took too long to answer',
  network: 'Could not reach Gemini — check your connection',
  offline: "You're offline — this continues when you're back online.",
  unexpected: 'Something went wrong while talking to Gemini',
  badModelList: 'The Gemini endpoint did not answer with a model list — check the endpoint URL in Settings.',

  promptBlocked: (why: string) => `Gemini refused this topic: blocked because of ${why}. Try a different topic or wording.`,
  responseBlocked: 'Gemini blocked its answer to this request.',
  stopped: (activity: AiActivity, why: string) =>
    `Gemini stopped ${DOING[activity]} because of ${why}.` +
    (activity === 'story' ? ' Try a different topic or instructions.' : ''),
  stoppedEarly: (activity: AiActivity, reason: string) =>
    // A story's finish reason is a code to the learner: it stays in the detail.
    activity === 'story' ? 'Gemini stopped writing this story early. Retry usually works.' : `Gemini stopped ${DOING[activity]} early (${reason}).`,

  // Answers that could not be read as a story, in the learner's words. What exactly was wrong (the
  // JSON error, the schema path) is technical and goes to the error's detail, which the Queue keeps
  // behind a "details" disclosure. These are retried at once, and a new answer usually reads.
  storyIncomplete: "Gemini's answer was not a complete story. Retry usually works.",
  storyCutOff: "Gemini's answer stopped before the story was finished. Retry usually works.",
  storyRunaway: "Gemini's answer went on and on without finishing the story, so it was stopped. Retry usually works.",
  storyUnsaveable: 'The story Gemini wrote could not be saved as it was. Retry usually works.',
  audioCutOff: 'The narration was cut off before it finished',

  noAudio: 'Gemini returned no audio for this sentence',
  badAudio: (detail: string) => `Gemini returned audio this app cannot play (${detail})`,
  noPicture: 'Gemini returned no picture',
  unsupportedPicture: (what: string) => `Gemini returned a picture as ${what}, which this app does not store (only PNG, JPEG or WebP)`,
  imageRefused: (why: string) => `Gemini would not draw this picture (${why})`,
} as const;

/** Why a prompt or candidate was blocked, in words (keys are Gemini's BlockReason/FinishReason). */
export const BLOCK_WHY: Readonly<Record<string, string>> = {
  SAFETY: 'its safety filters',
  RECITATION: 'text too close to an existing work',
  PROHIBITED_CONTENT: 'prohibited content',
  BLOCKLIST: 'blocked terms in the request',
  SPII: 'personal information in the answer',
  LANGUAGE: 'an unsupported language',
  OTHER: 'an unspecified reason',
  IMAGE_SAFETY: 'safety',
  IMAGE_PROHIBITED_CONTENT: 'prohibited content',
  IMAGE_RECITATION: 'too close to an existing image',
  IMAGE_OTHER: 'an unspecified reason',
};
