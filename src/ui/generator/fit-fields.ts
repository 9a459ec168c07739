import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { FIT_LIMITS, KNOWN_TARGETS, type KnownTarget, type WordRef } from '../../domain/job';

/**
 * The generator's "fit it to me" controls (issue 14): "Use my learning words (N)" and a known-words
 * target. What they add to the story request is worked out here too, so the dialog only passes its
 * state through.
 */
export interface FitChoices {
  /** The learner's learning words, newest first (the host loads them before the dialog opens). */
  learningWords: readonly WordRef[];
  /** A sample of the words the learner knows, newest first. */
  knownWords: readonly WordRef[];
  useLearningWords: boolean;
  knownTarget: KnownTarget | undefined;
}

export interface FitHandlers {
  onUseLearningWords: (use: boolean) => void;
  onKnownTarget: (target: KnownTarget | undefined) => void;
}

/** The params the choices add: nothing at all when neither is used, so a plain request stays as it was. */
export function fitParams(c: FitChoices): { learningWords?: WordRef[]; knownTarget?: KnownTarget; knownWords?: WordRef[] } {
  const out: { learningWords?: WordRef[]; knownTarget?: KnownTarget; knownWords?: WordRef[] } = {};
  if (c.useLearningWords && c.learningWords.length > 0) out.learningWords = c.learningWords.slice(0, FIT_LIMITS.learningWords);
  if (c.knownTarget !== undefined) {
    out.knownTarget = c.knownTarget;
    if (c.knownWords.length > 0) out.knownWords = c.knownWords.slice(0, FIT_LIMITS.knownWords);
  }
  return out;
}

function learningHint(count: number): string {
  if (count === 0) return 'You have no learning words yet. Mark words “Learning” while you read, and they can go into your next story.';
  if (count >= FIT_LIMITS.learningWords) return `Your ${FIT_LIMITS.learningWords} most recent learning words go into the request, to be used where they fit.`;
  return 'They go into the request, to be used where they fit.';
}

function targetFromValue(value: string): KnownTarget | undefined {
  return KNOWN_TARGETS.find((t) => String(t) === value);
}

export function fitFields(c: FitChoices, on: FitHandlers): TemplateResult {
  const count = Math.min(c.learningWords.length, FIT_LIMITS.learningWords);
  return html`<fieldset class="field">
    <legend>Fit it to you</legend>
    <label class="choice">
      <input type="checkbox" name="use-learning-words" aria-describedby="learning-hint" ?disabled=${count === 0}
        .checked=${live(count > 0 && c.useLearningWords)}
        @change=${(e: Event) => on.onUseLearningWords((e.target as HTMLInputElement).checked)}>
      Use my learning words (${count})
    </label>
    <p id="learning-hint" class="choice-hint muted">${learningHint(count)}</p>
    <label for="known-target">Known words</label>
    <!-- ?selected sets the first render; .value follows a host change (an edit's prefill) after the learner chose. -->
    <select id="known-target" name="known-target" aria-describedby="known-hint" .value=${live(c.knownTarget === undefined ? '' : String(c.knownTarget))}
      @change=${(e: Event) => on.onKnownTarget(targetFromValue((e.target as HTMLSelectElement).value))}>
      <option value="" ?selected=${c.knownTarget === undefined}>Any</option>
      ${KNOWN_TARGETS.map((t) => html`<option value=${String(t)} ?selected=${t === c.knownTarget}>About ${Math.round(t * 100)} %</option>`)}
    </select>
    <p id="known-hint" class="hint muted">How much of the story should be words you already know (95–98 % reads comfortably).</p>
  </fieldset>`;
}
