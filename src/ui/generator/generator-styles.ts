import { css } from 'lit';

/** Styles of `<nm-generator-dialog>`. Fits a 360 px screen and scrolls inside when tall. */
export const generatorStyles = css`
  :host { display: contents; }
  dialog {
    width: min(32rem, 100vw - 1.5rem);
    max-width: none;
    max-height: calc(100dvh - 1.5rem);
    overflow: auto;
    overscroll-behavior: contain;
    padding: 0;
    border: 1px solid var(--nm-border);
    border-radius: 0.75rem;
    background: var(--nm-surface);
    color: var(--nm-text);
  }
  dialog::backdrop { background: var(--nm-scrim, rgb(0 0 0 / 0.5)); }
  form { display: grid; gap: 1rem; padding: 1rem; }
  h2 { margin: 0; }
  .head { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem; }
  .head .close { min-width: 44px; min-height: 44px; padding: 0; justify-content: center; font-size: 1.1rem; line-height: 1; }
  .note { margin: 0; padding: 0.5rem 0.75rem; border-left: 4px solid var(--nm-accent); background: var(--nm-bg); border-radius: 0.25rem; }
  .field { display: grid; gap: 0.3rem; min-width: 0; }
  .field > label { display: block; }
  .field > label, legend { font-weight: 600; }
  .field input, .field select, .field textarea { width: 100%; }
  textarea { min-height: 5.5rem; resize: vertical; }
  .topic-row { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  .topic-row input { flex: 1 1 8rem; width: auto; min-width: 0; }
  .topic-row button { flex: 0 0 auto; }
  fieldset { border: 1px solid var(--nm-border); border-radius: 0.5rem; margin: 0; padding: 0.5rem 0.75rem 0.75rem; min-width: 0; display: grid; gap: 0.25rem; }
  legend { padding: 0 0.25rem; }
  label.choice { display: flex; flex-direction: row; align-items: center; gap: 0.6rem; font-weight: 400; min-height: 44px; cursor: pointer; }
  label.choice input { min-height: 0; width: 1.25rem; height: 1.25rem; padding: 0; margin: 0; flex: none; accent-color: var(--nm-accent); }
  .hint { margin: 0; font-size: 0.9rem; }
  .choice-hint { margin: -0.4rem 0 0.25rem 1.85rem; font-size: 0.9rem; }
  .error { margin: 0; }
  /* Empty messages take no room but stay rendered, so a message appearing is announced. */
  .error:empty { position: absolute; }
  [aria-invalid='true'] { border-color: var(--nm-bad); border-width: 2px; }
  fieldset[aria-invalid='true'] { border-color: var(--nm-bad); }
  .total { margin: 0.25rem 0 0; }
  .actions { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 0.5rem; }
  @media (max-width: 24rem) {
    form { padding: 0.75rem; }
    .actions button { flex: 1 1 auto; justify-content: center; }
  }
`;
