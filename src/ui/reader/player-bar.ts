import { css, html, type TemplateResult } from 'lit';
import { type NarrationPlayer, SPEEDS } from './player';
import { SHORTCUTS } from './player-keys';

/**
 * The player's controls, rendered inside the Reader (so the sentences it highlights and the
 * controls share one shadow root) right after the sentences, stuck to the bottom of the screen
 * while they are in view: Play/Pause, previous/next sentence, speed (remembered in Settings),
 * where it is, and the keyboard shortcuts spelled out.
 */
export function renderPlayerBar(player: NarrationPlayer, total: number, onSpeed: (speed: number) => void): TemplateResult {
  const playing = player.state === 'playing' || player.state === 'loading' || player.state === 'waiting';
  const position =
    player.state === 'waiting'
      ? `Sentence ${player.current + 1} of ${total}: waiting for narration…`
      : player.current >= 0
        ? `Sentence ${player.current + 1} of ${total}`
        : `${player.available.length} of ${total} sentences narrated`;
  return html`<div class="player card" role="group" aria-label="Narration player" data-state=${player.state}>
    <div class="player-row">
      <button class="primary play" aria-keyshortcuts="K" @click=${() => player.toggle()}>${playing ? 'Pause' : 'Play'}</button>
      <button class="step" aria-keyshortcuts="J" title="Previous sentence (J)" @click=${() => player.previous()}>
        <span aria-hidden="true">«</span><span class="visually-hidden">Previous sentence</span></button>
      <button class="step" aria-keyshortcuts="L" title="Next sentence (L)" @click=${() => player.next()}>
        <span aria-hidden="true">»</span><span class="visually-hidden">Next sentence</span></button>
      <label class="speed"><span class="speed-text">Speed</span>
        <select aria-label="Speed" @change=${(e: Event) => onSpeed(Number((e.target as HTMLSelectElement).value))}>
          ${SPEEDS.map((s) => html`<option value=${s} ?selected=${s === player.speed}>${s}×</option>`)}
        </select>
      </label>
    </div>
    <div class="player-row">
      <span class="where" role="status" aria-live="polite">${position}</span>
      <details class="shortcuts">
        <summary>Keyboard shortcuts</summary>
        <ul>${SHORTCUTS.map((s) => html`<li>${s.keys.map((k, i) => html`${i ? ' or ' : ''}<kbd>${k}</kbd>`)}: ${s.what}</li>`)}
          <li>Click or tap a sentence beside its words to play from it; a word opens its meaning.</li></ul>
      </details>
    </div>
    ${player.message ? html`<p class="error">${player.message}</p>` : null}
  </div>`;
}

export const playerStyles = css`
  /* Placed after the sentences and stuck to the bottom of the screen while they are in view. */
  .player { display: grid; gap: 0.25rem; margin: 1rem 0; padding: 0.5rem 0.75rem; position: sticky; bottom: 0.5rem; z-index: 5; box-shadow: 0 2px 12px rgb(0 0 0 / 0.2); }
  .player-row { display: flex; flex-wrap: wrap; gap: 0 0.5rem; align-items: center; }
  .player .play { min-width: 5.5rem; justify-content: center; }
  .player .step { min-width: 44px; justify-content: center; padding: 0.5rem 0.75rem; font-size: 1.2rem; line-height: 1; }
  .player label.speed { flex-direction: row; align-items: center; gap: 0.4rem; }
  @media (max-width: 30rem) { .player .speed-text { display: none; } }
  .player .where { color: var(--nm-muted); margin-right: auto; }
  .player .error { margin: 0; }
  .shortcuts summary { cursor: pointer; min-height: 44px; display: flex; align-items: center; }
  .shortcuts ul { margin: 0.25rem 0; padding-left: 1.25rem; }
  kbd { font: inherit; font-size: 0.85em; border: 1px solid var(--nm-border); border-radius: 0.3rem; padding: 0 0.3rem; }
  ol.segments li.narrated { cursor: pointer; border-radius: 0.5rem; }
  ol.segments li.narrated:focus-visible { outline: 3px solid var(--nm-focus); outline-offset: 2px; }
  ol.segments li.speaking { background: color-mix(in srgb, var(--nm-accent) 14%, transparent); box-shadow: -4px 0 0 var(--nm-accent); }
  .cover { display: block; margin: 0.75rem 0 1rem; max-width: min(20rem, 100%); }
  .seg-img { grid-column: 1 / -1; width: min(16rem, 100%); }
`;
