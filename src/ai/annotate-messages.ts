/**
 * What the annotate and explain calls say to the learner when an answer cannot be used (the
 * shared Gemini errors — key, quota, network — come from messages.ts). Retried by the engine, so
 * they state the fact and that a retry usually works, as the story's do.
 */
export const ANNOTATE_MESSAGES = {
  unreadable: "Gemini's answer was not a readable word list for these sentences. Retry usually works.",
  cutOff: "Gemini's word list stopped before it was finished. Retry usually works.",
  noteEmpty: 'Gemini returned no explanation for this sentence. Retry usually works.',
  noteCutOff: "Gemini's explanation stopped before it was finished. Retry usually works.",
} as const;
