import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { whenPageDrawn } from '../app/first-paint';

/**
 * The HTML's own copy of a first screen (prerendered by the build: Home's top, a first visit's
 * Library) stays on screen until the live page has drawn its own, and is then swapped for it in one
 * frame. Until then the shell's shadow root shows the copy through a `<slot>` and keeps its own
 * header and page `display: none` (`:host([data-prerendered])`): the live page renders unseen, a
 * read at a time, instead of the copy giving way to a "Loading…" or all of it being drawn in one
 * long task. Pages without a copy (app.html's empty `<main>`) start live, as before.
 */
export class PrerenderedFirstScreen implements ReactiveController {
  /** True while the prerendered copy is what the learner sees. */
  showing: boolean;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    this.showing = host.querySelector(':scope > main > .nm-page') !== null;
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.showing) return;
    this.host.toggleAttribute('data-prerendered', true);
    // The page says when its content is drawn (or the bootstrap's fallback passes): the swap
    // happens before that frame paints, so no frame shows both copies or neither.
    void whenPageDrawn().then(this.reveal);
  }

  hostUpdated(): void {
    // Without a copy to keep, the header's (no longer rendered) is removed at once: its ids, its
    // disabled buttons and its badge elements are not left for scripts, tests and skip links to find.
    if (!this.showing && this.host.firstElementChild) this.host.replaceChildren();
  }

  /**
   * Shows the live shell and page instead of the copy (also when the learner leaves for another
   * route). A keyboard learner may already be on one of the copy's links (the only things in it
   * that work): the focus moves to the live link to the same place instead of falling to the body.
   */
  readonly reveal = (): void => {
    if (!this.showing) return;
    this.showing = false;
    const focused = document.activeElement;
    const href = focused instanceof HTMLAnchorElement && this.host.contains(focused) ? focused.getAttribute('href') : null;
    this.host.removeAttribute('data-prerendered');
    this.host.replaceChildren();
    if (href !== null) liveLink(this.host.shadowRoot, href)?.focus();
  };
}

/** The first link to `href` in document order, shadow roots included. */
function liveLink(root: ParentNode | null, href: string): HTMLAnchorElement | null {
  if (!root) return null;
  for (const el of root.querySelectorAll('*')) {
    if (el instanceof HTMLAnchorElement && el.getAttribute('href') === href) return el;
    const inner = liveLink(el.shadowRoot, href);
    if (inner) return inner;
  }
  return null;
}
