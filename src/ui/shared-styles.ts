import { css } from 'lit';

/** Styles every page shares: buttons, form controls, focus rings, cards. Colours come from :root. */
export const sharedStyles = css`
  :host { display: block; }
  *, *::before, *::after { box-sizing: border-box; }
  h1 { font-size: 1.5rem; margin: 0.5rem 0 1rem; }
  h2 { font-size: 1.2rem; margin: 1.25rem 0 0.5rem; }
  a { color: var(--nm-accent); }
  a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible {
    outline: 3px solid var(--nm-focus);
    outline-offset: 2px;
  }
  button, .button {
    font: inherit;
    min-height: 44px;
    padding: 0.5rem 1rem;
    border-radius: 0.5rem;
    border: 1px solid var(--nm-border);
    background: var(--nm-surface);
    color: var(--nm-text);
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
  }
  button.primary, .button.primary { background: var(--nm-accent); color: var(--nm-accent-text); border-color: var(--nm-accent); }
  button[disabled] { opacity: 0.6; cursor: not-allowed; }
  button[aria-pressed='true'] { background: var(--nm-text); color: var(--nm-bg); }
  input, select, textarea {
    font: inherit;
    min-height: 44px;
    padding: 0.4rem 0.6rem;
    border-radius: 0.5rem;
    border: 1px solid var(--nm-muted);
    background: var(--nm-surface);
    color: var(--nm-text);
    max-width: 100%;
  }
  label { display: inline-flex; flex-direction: column; gap: 0.25rem; font-weight: 600; }
  .card { background: var(--nm-surface); border: 1px solid var(--nm-border); border-radius: 0.75rem; padding: 1rem; }
  .muted { color: var(--nm-muted); }
  /* Japanese text in the Japanese fonts wherever it is marked so, not a fallback found per character. */
  .jp, :lang(ja) { font-family: var(--nm-font-jp); }
  .level { display: inline-block; font-size: 0.8rem; font-weight: 700; padding: 0.1rem 0.5rem; border-radius: 999px; border: 1px solid currentColor; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .error { color: var(--nm-bad); font-weight: 600; }
  .load-error { border-color: var(--nm-bad); }
  .load-error p { margin: 0 0 0.75rem; }
  .load-error-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-bottom: 0.75rem; }
`;
