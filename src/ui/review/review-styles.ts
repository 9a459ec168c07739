import { css } from 'lit';

export const reviewStyles = css`
  .progress { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; color: var(--nm-muted); margin: 0 0 0.75rem; }
  article.review-card { background: var(--nm-surface); border: 1px solid var(--nm-border); border-radius: 0.75rem; padding: 1rem; max-width: 40rem; }
  article.review-card:focus { outline: none; }
  article.review-card:focus-visible { outline: 3px solid var(--nm-focus); outline-offset: 2px; }
  .sentence { font-family: var(--nm-font-jp); font-size: 1.5rem; line-height: 2.2; margin: 0 0 0.5rem; overflow-wrap: anywhere; }
  mark { background: var(--nm-accent); color: var(--nm-accent-text); border-radius: 0.25rem; padding: 0 0.15em; }
  rt { font-size: 0.55em; }
  .back { border-top: 1px solid var(--nm-border); margin-top: 0.75rem; padding-top: 0.75rem; }
  .answer { font-size: 1.4rem; margin: 0 0 0.25rem; }
  .word, .reading { font-family: var(--nm-font-jp); }
  .meaning { font-size: 1.1rem; margin: 0 0 0.5rem; }
  .translation { font-style: italic; margin: 0 0 0.75rem; }
  audio { width: 100%; margin: 0 0 0.75rem; }
  nm-story-image.cover { max-width: 16rem; margin: 0 0 0.75rem; }
  .actions { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 0.5rem; margin-top: 1rem; max-width: 40rem; }
  .actions button { justify-content: center; flex-direction: column; gap: 0; padding: 0.4rem 0.25rem; }
  .actions kbd, .show kbd { font-size: 0.75rem; color: inherit; opacity: 0.8; font-family: inherit; }
  .show { margin-top: 1rem; width: 100%; max-width: 40rem; justify-content: center; }
  .last { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; margin: 1rem 0 0; max-width: 40rem; }
  .last p { margin: 0; flex: 1 1 12rem; }
  .muted { color: var(--nm-muted); }
  .hint { color: var(--nm-muted); font-size: 0.9rem; }
  .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
