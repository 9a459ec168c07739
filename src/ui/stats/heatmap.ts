import { html, svg, type TemplateResult } from 'lit';
import type { DayTotals } from '../../domain/reading-habit';
import { HEAT_LEVELS, heatLevel } from '../../domain/reading-habit-stats';

const CELL = 11;
const STEP = 14;
const LEFT = 26;
const TOP = 16;
const WEEKDAY_LABELS: Array<[number, string]> = [[1, 'Mon'], [3, 'Wed'], [5, 'Fri']];
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });

/**
 * A year's calendar heatmap in plain SVG: one column per week, one cell per day, darker for more
 * minutes read (src/domain/reading-habit-stats.ts heatLevel). The drawing is one image with a
 * summary for screen readers; the day-by-day figures are in the table the page offers beside it.
 * The cells of one level are one <path> (five elements for a year, not 365 with their titles):
 * what keeps a year of data drawing well inside the Stats budget.
 */
export function renderHeatmap(weeks: ReadonlyArray<ReadonlyArray<string | null>>, days: ReadonlyMap<string, DayTotals>, summary: string): TemplateResult {
  const width = LEFT + weeks.length * STEP;
  const height = TOP + 7 * STEP;
  const paths: string[] = Array.from({ length: HEAT_LEVELS }, () => '');
  const months = [];
  let lastMonth = '';
  for (let w = 0; w < weeks.length; w++) {
    const week = weeks[w] ?? [];
    const first = week[0];
    const month = first?.slice(0, 7) ?? '';
    if (first && month !== lastMonth && Number(first.slice(8)) <= 7 && w < weeks.length - 2) {
      months.push(svg`<text x=${LEFT + w * STEP} y="10" class="axis">${monthFormat.format(Date.parse(`${month}-01T00:00:00Z`))}</text>`);
      lastMonth = month;
    }
    for (let d = 0; d < 7; d++) {
      const day = week[d];
      if (!day) continue;
      paths[heatLevel(days.get(day))] += `M${LEFT + w * STEP} ${TOP + d * STEP}h${CELL}v${CELL}h-${CELL}z`;
    }
  }
  return html`<div class="heatmap" role="region" aria-label="Reading calendar, scrolls sideways" tabindex="0">
    <svg role="img" aria-label=${summary} width=${width} height=${height} viewBox="0 0 ${width} ${height}">
      ${months}
      ${WEEKDAY_LABELS.map(([d, label]) => svg`<text x="0" y=${TOP + d * STEP + CELL - 1} class="axis">${label}</text>`)}
      ${paths.map((d, level) => (d ? svg`<path class="l${level}" data-level=${level} d=${d}></path>` : null))}
    </svg>
  </div>
  <p class="legend" aria-hidden="true">Less ${Array.from({ length: HEAT_LEVELS }, (_, l) => html`<span class="swatch l${l}"></span>`)} More</p>`;
}
