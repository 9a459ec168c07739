import { css, html, type TemplateResult } from 'lit';
import type { StoredMedia } from '../../db/media-repo';
import { illustrationPlan, narrationPlan } from '../../domain/media-plan';
import type { Story } from '../../domain/story';
import { requestsLabel } from '../request-label';

export type MediaKind = 'audio' | 'image';

/** What the Reader offers to make for a story: how many requests each button makes, by what is missing. */
export interface MediaMissing {
  audio: number;
  cover: number;
  /** Non-zero only when a picture per paragraph asks for more than the cover alone. */
  paragraphs: number;
}

export function mediaMissing(story: Story, stored: StoredMedia): MediaMissing {
  const storedImages = new Set(stored.images);
  const cover = illustrationPlan(story, 'cover', storedImages).length;
  const paragraphs = illustrationPlan(story, 'paragraphs', storedImages).length;
  return { audio: narrationPlan(story, new Set(stored.audio)).length, cover, paragraphs: paragraphs > cover ? paragraphs : 0 };
}

export interface OfferActions {
  /** A button pressed and its job being queued: every offer waits. */
  busy: boolean;
  narrate(): void;
  illustrate(scope: 'cover' | 'paragraphs'): void;
}

/**
 * The buttons offering what is missing (null when nothing is), with a failed job's message above
 * them. In one place with two users: `<nm-media-panel>` and the build, which prerenders a sample
 * story's Reader (scripts/build/prerendered-pages.ts); without `actions` the buttons are drawn
 * disabled, as they do nothing until the app runs.
 */
export function renderOffer(kind: MediaKind, missing: MediaMissing, stored: StoredMedia, failure?: string, actions?: OfferActions): TemplateResult | null {
  const isAudio = kind === 'audio';
  const first = isAudio ? missing.audio : missing.cover;
  const paragraphs = isAudio ? 0 : missing.paragraphs;
  if (first === 0 && paragraphs === 0) return null;
  const noun = isAudio ? 'Narration' : 'Illustration';
  const off = !actions || actions.busy;
  const label = isAudio
    ? `${stored.audio.length > 0 ? 'Finish narration' : 'Narrate this story'} (${requestsLabel(first)})`
    : `Illustrate (${requestsLabel(first)})`;
  return html`<div class="row" data-kind=${kind}>
    ${failure !== undefined ? html`<p class="status" role="status" data-status="failed">${noun} failed: ${failure}</p>` : null}
    ${first > 0
      ? html`<button class="primary" ?disabled=${off} @click=${() => (isAudio ? actions?.narrate() : actions?.illustrate('cover'))}>${label}</button>`
      : null}
    ${paragraphs > 0
      ? html`<button ?disabled=${off} @click=${() => actions?.illustrate('paragraphs')}>
          Picture for every paragraph (${requestsLabel(paragraphs)})</button>`
      : null}
  </div>`;
}

/** The panel around its rows (null when it has none to show). */
export function renderMediaSection(audio: TemplateResult | null, image: TemplateResult | null): TemplateResult | null {
  if (!audio && !image) return null;
  return html`<section class="media card" aria-label="Narration and pictures">
    ${audio}${image}
    <p class="note muted">Made by Gemini with your API key. Audio and pictures are kept on this device only.</p>
  </section>`;
}

/** `<nm-media-panel>`'s styles (and its prerendered stand-in's). */
export const mediaPanelStyles = css`
  :host { margin: 0 0 1rem; }
  .media { display: grid; gap: 0.6rem; }
  .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  .status[data-status='failed'] { color: var(--nm-bad); font-weight: 600; }
  progress { width: min(20rem, 100%); accent-color: var(--nm-accent); }
  p { margin: 0; }
  .note { font-size: 0.9rem; }
`;
