import type { z } from 'zod';
import { StoryJobParamsSchema } from '../../domain/job';
import { LENGTH_SENTENCES, type Level, rulesLevel, type StoryLength } from '../../domain/levels';

/** The generator's fields, their order (for focus after a failed submit) and their messages. */
export type Field = 'topic' | 'level' | 'length' | 'instructions';
export type FieldErrors = Partial<Record<Field, string>>;

export const FIELD_ORDER: readonly Field[] = ['topic', 'level', 'length', 'instructions'];
export const TOPIC_MAX = StoryJobParamsSchema.shape.topic.maxLength ?? 200;
export const INSTRUCTIONS_MAX = StoryJobParamsSchema.shape.instructions.unwrap().maxLength ?? 1000;

/** Zod's enum messages list raw values; a learner gets a sentence instead. */
const FALLBACK_MESSAGES: Record<Field, string> = {
  topic: 'Enter a topic',
  level: 'Choose one of the levels',
  length: 'Choose a length',
  instructions: `Keep instructions under ${INSTRUCTIONS_MAX} characters`,
};

export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path[0] as Field;
    if (!FIELD_ORDER.includes(field) || errors[field]) continue;
    errors[field] = field === 'topic' || field === 'instructions' ? issue.message : FALLBACK_MESSAGES[field];
  }
  return errors;
}

export function levelLabel(level: Level): string {
  const rules = rulesLevel(level);
  if (rules !== level) return `${level} (like ${rules})`;
  if (level === 'N5') return 'N5 — easiest';
  if (level === 'N1') return 'N1 — hardest';
  return level;
}

export function lengthLabel(length: StoryLength): string {
  const { min, max } = LENGTH_SENTENCES[length];
  return `${length[0]!.toUpperCase()}${length.slice(1)} (${min}–${max} sentences)`;
}

/** The element that has focus, looking inside shadow roots (a button in a page's shadow DOM). */
export function deepActiveElement(): HTMLElement | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement && el !== document.body ? el : null;
}
