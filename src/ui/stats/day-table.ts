import { html, type TemplateResult } from 'lit';
import type { DayTotals } from '../../domain/reading-habit';
import { hasActivity, minutesOf } from '../../domain/reading-habit-stats';
import { count, dayLabel } from './stats-format';

/**
 * The calendar as a table (issue 15: readable by screen readers): one row per day with any
 * reading or reviews in the year, newest first. The heatmap draws the same days.
 */
export function renderDayTable(days: ReadonlyMap<string, DayTotals>, from: string): TemplateResult {
  const rows = [...days].filter(([day, t]) => day >= from && hasActivity(t)).sort(([a], [b]) => (a < b ? 1 : -1));
  if (rows.length === 0) return html`<p class="muted">No reading recorded this year yet.</p>`;
  return html`<div class="table-wrap" role="region" aria-label="Days read, scrolls sideways" tabindex="0">
    <table data-testid="stats-days">
      <caption>Every day you read or reviewed this year</caption>
      <thead><tr><th scope="col">Day</th><th scope="col">Minutes</th><th scope="col">Characters</th><th scope="col">Stories</th><th scope="col">Reviews</th><th scope="col">Words</th></tr></thead>
      <tbody>${rows.map(([day, t]) => html`<tr>
        <th scope="row"><time datetime=${day}>${dayLabel(day)}</time></th>
        <td>${count(minutesOf(t.activeMs))}</td><td>${count(t.chars)}</td><td>${t.storiesFinished}</td><td>${count(t.reviews)}</td><td>${count(t.wordsLearned)}</td></tr>`)}</tbody>
    </table>
  </div>`;
}
