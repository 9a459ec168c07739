import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { whenPageDrawn } from '../app/first-paint';

/**
 * The HTML's own copy of a first screen (prerendered by the build: Home's top, a first visit's
 * Library) stays on screen until the live page has drawn its own, and is then swapped for it in one
 * frame. Until then the shell's shadow root shows the copy through a `<slot>` and keeps its own
 * header and page `display: none` (`:host([data-prerendered])`): the live page renders unseen, a
 * read at a time, instead of the copy giving way to a "Loading…" or all of it being drawn in one
 * long task. Pages without a copy (app.html's empty `<main>`) start live, as before, and so do a
 * copy of another route (the learner followed one of its links before the shell was defined) and
 * browsers without CSS `@scope`, which never showed the copy (prerender-shell.ts).
 */
export class PrerenderedFirstScreen implements ReactiveController {
  /** True while the prerendered copy is what the learner sees. */
  showing: boolean;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    const copy = host.querySelector<HTMLElement>(':scope > main > .nm-page');
    this.showing = copy?.dataset.path === location.pathname && 'CSSScopeRule' in window;
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.showing) return;
    this.host.toggleAttribute('data-prerendered', true);
    // The page says when its content is drawn (or the bootstrap's fallback passes): the swap
    // happens before that frame paints, so no frame shows both copies or neither.
    void whenPageDrawn().then(() => this.reveal());
  }

  hostUpdated(): void {
    // Without a copy to keep, the header's (no longer rendered) is removed at once: its ids, its
    // disabled buttons and its badge elements are not left for scripts, tests and skip links to find.
    if (!this.showing && this.host.firstElementChild) this.host.replaceChildren();
  }

  /**
   * Shows the live shell and page instead of the copy; `leaving` when the learner goes to another
   * route. A keyboard learner may already be on one of the copy's links (the only things in it
   * that work): the focus moves to the live link to the same place instead of falling to the body.
   */
  readonly reveal = (leaving = false): void => {
    if (!this.showing) return;
    this.showing = false;
    const focused = document.activeElement;
    const link = !leaving && focused instanceof HTMLAnchorElement && this.host.contains(focused) ? focused : null;
    this.host.removeAttribute('data-prerendered');
    this.host.replaceChildren();
    if (link) liveLink(this.host.shadowRoot, link)?.focus({ preventScroll: true });
  };
}

/** The live link to where `copy` goes, with its text (Home's nav link and the brand both go to `/`), shadow roots included. */
function liveLink(root: ParentNode | null, copy: HTMLAnchorElement): HTMLAnchorElement | null {
  const links: HTMLAnchorElement[] = [];
  const collect = (from: ParentNode | null) => {
    for (const el of from?.querySelectorAll('*') ?? []) {
      if (el instanceof HTMLAnchorElement && el.getAttribute('href') === copy.getAttribute('href')) links.push(el);
      collect(el.shadowRoot);
    }
  };
  collect(root);
  const text = copy.textContent?.trim();
  return links.find((l) => l.textContent?.trim() === text) ?? links[0] ?? null;
}
