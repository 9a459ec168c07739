import { css, html, type TemplateResult } from 'lit';
import type { ReadingProgress } from '../../domain/progress';
import { furthestPercent } from '../../domain/progress-ops';

/**
 * The Reader's reading-progress indicator (the older app's "% read"): a labelled bar of the
 * furthest point read, stuck to the top of the screen (below the header where the header is
 * sticky too) so the learner sees it while reading. It shows the furthest point, not where the
 * screen is now: scrolling back to re-read a line does not make the story look less read.
 *
 * `startOver`, given while a story opened at a saved place below its top (and not finished), adds
 * "Start from the top" next to the bar: the story opens where it was left, which is not always
 * where the learner wants to begin again.
 */
export function renderProgressBar(progress: ReadingProgress | undefined, startOver?: () => void): TemplateResult {
  const percent = progress ? Math.round(furthestPercent(progress)) : 0;
  const finished = progress?.completed === true;
  return html`<div class="read-progress" data-testid="read-progress">
    <progress max="100" .value=${percent} aria-label="Reading progress" tabindex="-1"></progress>
    <span class="read-label">${finished ? html`<span aria-hidden="true">✓ </span>Finished` : `${percent} % read`}</span>
    ${startOver ? html`<button type="button" class="from-top" @click=${(e: Event) => startFromTop(e, startOver)}>Start from the top</button>` : null}
  </div>`;
}

/**
 * Scrolls to the top and hands focus to the bar, since the button goes away with the offer. The
 * scroll is the learner's: the place to resume follows it as it follows any other scrolling.
 */
function startFromTop(event: Event, startOver: () => void): void {
  const bar = (event.currentTarget as HTMLElement).parentElement?.querySelector('progress');
  window.scrollTo({ top: 0, behavior: 'instant' });
  startOver();
  bar?.focus();
}

/**
 * The end of the story: "Finish story" marks it completed (the bar goes to 100 %, Home stops
 * offering "Continue"); once finished it says so. The status is polite, so pressing the button is
 * heard without moving focus.
 *
 * `markRest`, given while the story has words neither learning nor known (issue 14), offers to
 * mark them all known at once: having read the story through, the learner knows most of them.
 */
export function renderFinish(progress: ReadingProgress | undefined, onFinish: () => void, markRest?: () => void): TemplateResult {
  const finished = progress?.completed === true;
  return html`<div class="finish-row">
    <div class="finish" role="status">
      ${finished
        ? html`<p class="ok"><span aria-hidden="true">✓ </span>You finished this story.</p>`
        : html`<button class="primary" @click=${onFinish}>Finish story</button>`}
    </div>
    ${markRest ? html`<button class="mark-rest" @click=${markRest}>Mark the rest of this story’s words as known</button>` : null}
  </div>`;
}

export const progressBarStyles = css`
  .read-progress {
    position: sticky; top: var(--nm-sticky-top, 0); z-index: 6; display: flex; gap: 0.6rem; align-items: center;
    margin: 0 -0.75rem 0.5rem; padding: 0.35rem 0.75rem; background: var(--nm-bg); border-bottom: 1px solid var(--nm-border);
  }
  .read-progress progress { flex: 1; height: 0.6rem; accent-color: var(--nm-accent); }
  .read-progress .from-top { min-height: 44px; padding: 0.3rem 0.6rem; font-size: 0.9rem; white-space: nowrap; }
  .read-label { font-size: 0.9rem; font-variant-numeric: tabular-nums; min-width: 5.5rem; text-align: right; }
  .finish-row { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 1.25rem 0; }
  .finish { margin: 0; }
  .finish p { margin: 0; font-weight: 600; color: var(--nm-ok); }
`;
