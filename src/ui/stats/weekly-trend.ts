import { html, svg, type TemplateResult } from 'lit';
import type { DayTotals } from '../../domain/reading-habit';
import { minutesOf } from '../../domain/reading-habit-stats';
import { count, shortDay } from './stats-format';

const W = 336;
const H = 120;
const BAR_TOP = 14;
const BAR_BOTTOM = 100;

/**
 * The last weeks' minutes as plain SVG bars (decorative: the table under them holds every figure,
 * and is what screen readers read), then that table: minutes, characters, stories, reviews, words.
 */
export function renderWeeklyTrend(weeks: ReadonlyArray<{ start: string; totals: DayTotals }>): TemplateResult {
  const most = Math.max(1, ...weeks.map((w) => minutesOf(w.totals.activeMs)));
  const slot = W / weeks.length;
  const bars = weeks.map((w, i) => {
    const minutes = minutesOf(w.totals.activeMs);
    const h = Math.round(((BAR_BOTTOM - BAR_TOP) * minutes) / most);
    const x = i * slot + slot * 0.15;
    return svg`<rect x=${x} y=${BAR_BOTTOM - h} width=${slot * 0.7} height=${Math.max(h, 1)} rx="2" class="bar"></rect>
      ${minutes > 0 ? svg`<text x=${x + slot * 0.35} y=${BAR_BOTTOM - h - 3} text-anchor="middle" class="axis">${minutes}</text>` : null}
      ${i % 3 === 0 ? svg`<text x=${x} y=${H - 6} class="axis">${shortDay(w.start)}</text>` : null}`;
  });
  return html`<svg class="trend" aria-hidden="true" viewBox="0 0 ${W} ${H}" preserveAspectRatio="xMidYMid meet">
      <line x1="0" x2=${W} y1=${BAR_BOTTOM} y2=${BAR_BOTTOM} class="baseline"></line>${bars}
    </svg>
    <div class="table-wrap" role="region" aria-label="Weekly totals, scrolls sideways" tabindex="0">
      <table>
        <caption>Minutes read per week, last ${weeks.length} weeks</caption>
        <thead><tr><th scope="col">Week of</th><th scope="col">Minutes</th><th scope="col">Characters</th><th scope="col">Stories</th><th scope="col">Reviews</th><th scope="col">Words</th></tr></thead>
        <tbody>${[...weeks].reverse().map((w) => html`<tr>
          <th scope="row"><time datetime=${w.start}>${shortDay(w.start)}</time></th>
          <td>${count(minutesOf(w.totals.activeMs))}</td><td>${count(w.totals.chars)}</td><td>${w.totals.storiesFinished}</td>
          <td>${count(w.totals.reviews)}</td><td>${count(w.totals.wordsLearned)}</td></tr>`)}</tbody>
      </table>
    </div>`;
}
