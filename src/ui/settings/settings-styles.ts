import { css } from 'lit';

/** Layout the Settings sections share: fieldsets of choices, rows of actions, status lines. */
export const settingsStyles = css`
  section { margin: 0 0 1.5rem; }
  section > h2 { margin-top: 0; }
  h3 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
  h4 { font-size: 1rem; margin: 0 0 0.5rem; }
  p { margin: 0 0 0.75rem; }
  p:empty { margin: 0; }
  fieldset { border: 1px solid var(--nm-border); border-radius: 0.75rem; padding: 0.5rem 1rem 0.75rem; margin: 0 0 1rem; min-width: 0; }
  legend { font-weight: 700; padding: 0 0.25rem; }
  .choices { display: flex; flex-wrap: wrap; gap: 0 1.25rem; }
  label.choice { flex-direction: row; align-items: center; gap: 0.5rem; font-weight: 400; min-height: 44px; cursor: pointer; }
  label.choice input { flex: none; min-height: 0; width: 1.25rem; height: 1.25rem; margin: 0; accent-color: var(--nm-accent); }
  .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-end; margin: 0 0 0.75rem; }
  .row label { flex: 1 1 14rem; }
  .row label input, .row label select { width: 100%; }
  .ok { color: var(--nm-ok); font-weight: 600; }
  .hint { font-weight: 400; font-size: 0.9rem; color: var(--nm-muted); }
  ul.plain { margin: 0 0 0.75rem; padding-left: 1.25rem; }
  ul.plain li { margin: 0.2rem 0; }
  .notice { border-left: 4px solid var(--nm-accent); margin: 0 0 1rem; }
  .danger { border-color: var(--nm-bad); }
  button.destructive { border-color: var(--nm-bad); color: var(--nm-bad); font-weight: 600; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 1rem; margin: 0 0 1rem; }
  dt { font-weight: 600; }
  dd { margin: 0; overflow-wrap: anywhere; }
  dialog { background: var(--nm-surface); color: var(--nm-text); border: 1px solid var(--nm-border); border-radius: 0.75rem; padding: 1rem; width: min(30rem, calc(100% - 1.5rem)); }
  dialog::backdrop { background: rgb(0 0 0 / 0.5); }
  dialog h3 { margin-top: 0; }
  dialog button.destructive { background: var(--nm-bad); color: var(--nm-surface); }
`;
