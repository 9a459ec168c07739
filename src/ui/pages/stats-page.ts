import { html, LitElement, type TemplateResult } from 'lit';
import { loadStats, type ReadingStats } from '../../app/reading-stats';
import { hasActivity, minutesOf, totalsBetween, weeklyTotals, yearWeeks } from '../../domain/reading-habit-stats';
import { LiveQueryController } from '../live-query-controller';
import { readFailure } from '../load-error';
import { sharedStyles } from '../shared-styles';
import { renderDayTable } from '../stats/day-table';
import { renderHeatmap } from '../stats/heatmap';
import { count } from '../stats/stats-format';
import { statsStyles } from '../stats/stats-styles';
import { renderWeeklyTrend } from '../stats/weekly-trend';

/**
 * `<nm-stats-page>` at /stats (issue 15): the year's totals, a calendar heatmap of the days read
 * (with a table of the same days, shown on request, for screen readers and anyone who wants the
 * figures), and the last 12 weeks as bars and a table. Every figure sums all devices' day rows.
 * Marks `stats:start` and `stats:rendered` (its first render with the figures) for the benchmark.
 */
export class NmStatsPage extends LitElement {
  static override properties = { showDays: { state: true } };
  declare showDays: boolean;

  static override styles = [sharedStyles, statsStyles];

  private readonly stats = new LiveQueryController<ReadingStats>(this, () => loadStats());
  private scrolledHeatmap = false;

  constructor() {
    super();
    this.showDays = false;
    performance.mark('stats:start');
  }

  override render(): TemplateResult {
    const failure = readFailure('your reading stats', this.stats);
    if (failure) return html`<h1>Reading stats</h1>${failure}`;
    const s = this.stats.value;
    if (!s) return html`<h1>Reading stats</h1><p class="muted">Counting your reading…</p>`;
    const weeks = yearWeeks(s.today);
    const year = totalsBetween(s.days, s.from, s.today);
    const activeDays = [...s.days].filter(([d, t]) => d >= s.from && hasActivity(t)).length;
    const summary = `Reading calendar of the last year: ${activeDays} ${activeDays === 1 ? 'day' : 'days'} with reading or reviews. The table of days below has every figure.`;
    return html`<h1>Reading stats</h1>
      <section aria-labelledby="year-h">
        <h2 id="year-h">The last year</h2>
        <dl class="totals">
          <div><dt>Minutes read</dt><dd>${count(minutesOf(year.activeMs))}</dd></div>
          <div><dt>Characters</dt><dd>${count(year.chars)}</dd></div>
          <div><dt>Stories finished</dt><dd>${count(year.storiesFinished)}</dd></div>
          <div><dt>Reviews</dt><dd>${count(year.reviews)}</dd></div>
          <div><dt>Words learned</dt><dd>${count(year.wordsLearned)}</dd></div>
          <div><dt>Days read</dt><dd>${count(activeDays)}</dd></div>
          <div><dt>Streak</dt><dd data-testid="stats-streak">${s.streak} ${s.streak === 1 ? 'day' : 'days'}</dd></div>
        </dl>
      </section>
      <section aria-labelledby="calendar-h">
        <h2 id="calendar-h">Calendar</h2>
        ${renderHeatmap(weeks, s.days, summary)}
        <button type="button" aria-expanded=${String(this.showDays)} aria-controls="days"
          @click=${() => { this.showDays = !this.showDays; }}>${this.showDays ? 'Hide the table of days' : 'Show the days as a table'}</button>
        <div id="days">${this.showDays ? renderDayTable(s.days, s.from) : null}</div>
      </section>
      <section aria-labelledby="weeks-h">
        <h2 id="weeks-h">Weekly trend</h2>
        ${renderWeeklyTrend(weeklyTotals(s.days, s.today, 12))}
      </section>`;
  }

  protected override updated(): void {
    // The calendar opens on its newest weeks (its right end) on a narrow screen.
    if (this.scrolledHeatmap) return;
    const heatmap = this.renderRoot.querySelector('.heatmap');
    if (!heatmap) return;
    this.scrolledHeatmap = true;
    heatmap.scrollLeft = heatmap.scrollWidth;
    performance.mark('stats:rendered');
  }
}

customElements.define('nm-stats-page', NmStatsPage);
declare global {
  interface HTMLElementTagNameMap { 'nm-stats-page': NmStatsPage }
}
