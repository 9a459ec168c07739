import { css } from 'lit';

/**
 * Styles of `<nm-stats-page>`. Heat levels mix the theme's accent into its surface, so both themes
 * get a scale from the page's own colours; empty days keep a border, so the grid reads as a calendar.
 */
export const statsStyles = css`
  section { margin: 0 0 1.5rem; }
  dl.totals { display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: 0.5rem; margin: 0; }
  dl.totals > div { background: var(--nm-surface); border: 1px solid var(--nm-border); border-radius: 0.75rem; padding: 0.5rem 0.75rem; }
  dl.totals dt { font-size: 0.85rem; color: var(--nm-muted); }
  dl.totals dd { margin: 0.15rem 0 0; font-size: 1.4rem; font-weight: 800; }
  .heatmap, .table-wrap { overflow-x: auto; max-width: 100%; }
  .heatmap:focus-visible, .table-wrap:focus-visible { outline: 3px solid var(--nm-accent); outline-offset: 2px; }
  .heatmap svg { display: block; }
  .axis { font-size: 10px; fill: var(--nm-muted); }
  .l0 { fill: var(--nm-surface); stroke: var(--nm-border); }
  .l1 { fill: color-mix(in srgb, var(--nm-accent) 30%, var(--nm-surface)); }
  .l2 { fill: color-mix(in srgb, var(--nm-accent) 55%, var(--nm-surface)); }
  .l3 { fill: color-mix(in srgb, var(--nm-accent) 80%, var(--nm-surface)); }
  .l4 { fill: var(--nm-accent); }
  .legend { display: flex; gap: 0.25rem; align-items: center; font-size: 0.85rem; color: var(--nm-muted); margin: 0.4rem 0 0.75rem; }
  .swatch { width: 11px; height: 11px; border-radius: 2px; display: inline-block; border: 1px solid var(--nm-border); }
  .swatch.l0 { background: var(--nm-surface); }
  .swatch.l1 { background: color-mix(in srgb, var(--nm-accent) 30%, var(--nm-surface)); }
  .swatch.l2 { background: color-mix(in srgb, var(--nm-accent) 55%, var(--nm-surface)); }
  .swatch.l3 { background: color-mix(in srgb, var(--nm-accent) 80%, var(--nm-surface)); }
  .swatch.l4 { background: var(--nm-accent); }
  svg.trend { display: block; width: 100%; max-width: 36rem; height: auto; }
  .bar { fill: var(--nm-accent); }
  .baseline { stroke: var(--nm-border); }
  table { border-collapse: collapse; font-size: 0.9rem; min-width: 100%; }
  caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
  th, td { padding: 0.3rem 0.5rem; text-align: right; white-space: nowrap; border-bottom: 1px solid var(--nm-border); }
  th[scope='row'], thead th:first-child { text-align: left; }
`;
