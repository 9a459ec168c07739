import { css, unsafeCSS } from 'lit';
import { storyCardStyles } from '../story-card';

/**
 * Styles of `<nm-library-page>`, in one place with two users: the page's shadow root and the build,
 * which prerenders the Library's first screen into `library.html` (scripts/build/prerender-shell.ts).
 */
export const libraryStyles = css`
  ${unsafeCSS(storyCardStyles)}
  form { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-bottom: 1rem; align-items: flex-end; }
  form label { flex: 1 1 10rem; }
  form label.search { flex: 3 1 16rem; }
  input, select { width: 100%; }
  .count { margin: 0 0 0.75rem; }
  .more { margin: 1rem auto; display: flex; }
  .bar { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; margin-bottom: 0.75rem; }
  .bar .count { margin: 0; }
  .views { display: flex; gap: 0.25rem; }
  .empty { display: grid; gap: 0.5rem; justify-items: start; }
  .empty p { margin: 0; }
  .empty .row { display: flex; flex-wrap: wrap; gap: 0.5rem; }
`;
