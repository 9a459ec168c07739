import { css } from 'lit';

/** The word popover: a small card next to the word, as wide as the screen allows on a phone. */
export const wordPopoverStyles = css`
  .said:empty {
    margin: 0;
  }
  .said .undo {
    margin-inline-start: 0.5rem;
  }
  dialog {
    position: fixed;
    inset: auto;
    margin: 0;
    top: 0.5rem;
    left: 0.5rem;
    width: min(22rem, calc(100vw - 1rem));
    max-height: calc(100dvh - 1rem);
    overflow: auto;
    box-sizing: border-box;
    padding: 0.75rem 1rem 1rem;
    border: 1px solid var(--nm-border);
    border-radius: 0.75rem;
    background: var(--nm-surface);
    color: var(--nm-text);
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.25);
  }
  dialog::backdrop { background: rgb(0 0 0 / 0.12); }
  .head { display: flex; align-items: baseline; gap: 0.6rem; flex-wrap: wrap; }
  h2 { margin: 0; font-family: var(--nm-font-jp); font-size: 1.6rem; }
  h3 { margin: 0.75rem 0 0.25rem; font-size: 1rem; }
  .reading { font-family: var(--nm-font-jp); color: var(--nm-muted); }
  .head .reading { font-size: 1.1rem; }
  .close { margin-left: auto; align-self: flex-start; min-width: 44px; justify-content: center; font-size: 1.3rem; line-height: 1; }
  .romaji { margin: 0.15rem 0 0.5rem; color: var(--nm-muted); font-style: italic; }
  dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.25rem 0.75rem; margin: 0.5rem 0; }
  dl.facts dt { font-weight: 600; }
  dl.facts dd { margin: 0; overflow-wrap: anywhere; }
  .word-state { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0; }
  .on-device { border-top: 1px solid var(--nm-border); padding-top: 0.5rem; }
  .on-device p { margin: 0 0 0.5rem; }
  .sentence { border-top: 1px solid var(--nm-border); margin-top: 0.5rem; padding-top: 0.5rem; }
  .translation { margin: 0 0 0.5rem; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  .pending { margin: 0; font-style: italic; }
  /* Model output is plain text: its line breaks are kept, nothing in it is markup. */
  .explanation { margin: 0; white-space: pre-line; }
`;
