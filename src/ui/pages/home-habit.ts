import { css, html, type TemplateResult } from 'lit';
import type { HabitToday } from '../../app/reading-habit';

/**
 * Home's "Today" card (issue 15): progress toward the daily goal, the streak, a link to Stats.
 * Drawn with the same lines before its read answers (dashes), so nothing below it moves (CLS).
 */
export function renderHabitToday(h: HabitToday | undefined): TemplateResult {
  const unit = h?.goal.kind === 'reviews' ? 'reviews' : 'minutes';
  const label = unit === 'reviews' ? 'Reviews today' : 'Minutes read today';
  const streakDays = h ? `${h.streak} ${h.streak === 1 ? 'day' : 'days'}` : '–';
  return html`<section class="habit card" aria-labelledby="habit-h" aria-busy=${h ? 'false' : 'true'} data-testid="habit-today">
    <h2 id="habit-h">Today</h2>
    <p class="habit-line"><span id="habit-goal">${label}: <strong>${h ? `${h.progress.done} of ${h.goal.amount}` : '–'}</strong>${h?.progress.met ? ' · goal met' : ''}</span></p>
    <progress aria-labelledby="habit-goal" max="1" .value=${h?.progress.share ?? 0}></progress>
    <p class="habit-line">Streak: <strong data-testid="habit-streak">${streakDays}</strong>
      <a href="/stats" class="habit-stats">See your reading stats</a></p>
  </section>`;
}

export const habitStyles = css`
  .habit { margin: 0.75rem 0 0.5rem; }
  .habit h2 { margin: 0 0 0.4rem; }
  .habit-line { margin: 0; min-height: 1.6em; display: flex; flex-wrap: wrap; gap: 0 0.75rem; align-items: baseline; }
  .habit-stats { margin-left: auto; min-height: 24px; display: inline-flex; align-items: center; }
  .habit progress { display: block; width: 100%; height: 0.75rem; margin: 0.35rem 0 0.5rem; accent-color: var(--nm-accent); }
`;
