import { css } from 'lit';

export const readerStyles = css`
  /* Its own formatting context: the first child's margin stays inside, so the page's box starts at the
     same place whether it holds "Opening the story…" or the story, and swapping them moves nothing. */
  :host { display: flow-root; }
  .toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-end; margin: 0.5rem 0 1rem; }
  .toolbar label { font-weight: 600; }
  h1 .en { display: block; font-size: 1rem; font-weight: 400; color: var(--nm-muted); }
  ol.segments { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.9rem; }
  ol.segments li { display: grid; gap: 0.2rem 1.25rem; scroll-margin-top: 5rem; }
  .side-by-side ol.segments li { grid-template-columns: 1fr 1fr; }
  @media (max-width: 40rem) { .side-by-side ol.segments li { grid-template-columns: 1fr; } }
  .seg-jp { font-family: var(--nm-font-jp); font-size: var(--nm-reader-size); line-height: 2.1; margin: 0; }
  .seg-en { margin: 0; color: var(--nm-muted); line-height: 1.5; }
  rt { font-size: 0.55em; color: var(--nm-muted); }
  /* A word is a tap target without a box of its own: no padding or margin, so the text sets as before. */
  .word { cursor: pointer; border-radius: 0.2em; }
  .word:hover { background: color-mix(in srgb, var(--nm-accent) 12%, transparent); }
  /* A word being learnt: a dotted underline (a shape, not colour alone) in the link colour, which
     contrasts with the page in both themes; below the text so furigana and line height stay put. */
  .learning { text-decoration: underline dotted var(--nm-accent); text-decoration-thickness: 2px; text-underline-offset: 0.3em; }
  .word:focus-visible { outline: 2px solid var(--nm-focus); outline-offset: 1px; }
  /* The word's name for screen readers (sentence-words.ts): out of sight, and left out of a copied sentence. */
  .word-name { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; user-select: none; }
  dl.vocab { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: 0.35rem 1rem; margin: 0; }
  dl.vocab dt, dl.vocab dd { overflow-wrap: anywhere; min-width: 0; }
  dl.vocab dt { font-family: var(--nm-font-jp); font-weight: 700; }
  dl.vocab dt .reading { font-weight: 400; color: var(--nm-muted); margin-left: 0.4rem; }
  dl.vocab dd { margin: 0; }
  .meta { display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; }
  /* A line of its own, kept from the first paint (the words may arrive a moment later): nothing moves. */
  .meta .coverage { flex-basis: 100%; min-height: 1.3em; line-height: 1.3; font-variant-numeric: tabular-nums; }
`;
