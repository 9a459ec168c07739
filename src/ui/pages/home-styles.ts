import { css } from 'lit';

/** Styles of `<nm-home-page>`: the "Write a story" call to action and the totals. */
export const homeStyles = css`
  .write { margin-bottom: 0.5rem; border-left: 4px solid var(--nm-accent); }
  .write h2 { margin-top: 0; }
  .write p { margin: 0 0 0.75rem; }
  .write-row { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
  .write-row:last-child { margin-bottom: 0; }
  .write-row .muted { flex: 1 1 12rem; }
  dl.totals { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0.5rem; margin: 0; }
  dl.totals > div { background: var(--nm-surface); border: 1px solid var(--nm-border); border-radius: 0.75rem; padding: 0.6rem 0.75rem; min-width: 0; }
  dl.totals dt { font-size: 0.85rem; color: var(--nm-muted); }
  dl.totals dd { margin: 0.15rem 0 0; font-size: 1.6rem; font-weight: 800; }
  dl.totals dd a, dl.totals dd .pending { text-decoration: none; display: inline-block; min-width: 44px; }
`;
