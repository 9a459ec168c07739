import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { kanaRunRomajiAt } from '../../domain/romaji';

interface Pointed {
  target: Element;
  x: number;
  y: number;
}

/** Containers whose kana show their romaji on hover. */
export const KANA_HINT_ATTRIBUTE = 'data-kana-hint';

/**
 * The older app's hint: the romaji of any run of kana under the mouse, as the element's tooltip.
 * Found from the text under the pointer when the mouse moves, not kept in an element per run of
 * kana: those were a third of a story's elements, and building and laying them out held the
 * Reader's first paint (issue 12). A touch opens the word's popover instead, which has its romaji.
 */
export class KanaHint implements ReactiveController {
  /** The element whose title this set, cleared when the pointer leaves its kana. */
  private hinted: Element | null = null;
  private frame = 0;
  /** The last place the mouse was reported: its path is only there while the event is dispatched. */
  private last: Pointed | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('pointermove', this.onMove);
    this.host.addEventListener('pointerleave', this.clear);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('pointermove', this.onMove);
    this.host.removeEventListener('pointerleave', this.clear);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.clear();
  }

  private readonly onMove = (event: PointerEvent): void => {
    if (event.pointerType !== 'mouse') return;
    const target = event.composedPath()[0];
    this.last = target instanceof Element ? { target, x: event.clientX, y: event.clientY } : null;
    // One look per frame however often the mouse reports.
    if (!this.frame) this.frame = requestAnimationFrame(this.look);
  };

  private readonly look = (): void => {
    this.frame = 0;
    const hint = this.last ? hintUnder(this.last) : null;
    if (hint?.element !== this.hinted) this.clear();
    // Never take over a title the page set itself.
    if (!hint || (hint.element !== this.hinted && hint.element.hasAttribute('title'))) return;
    this.hinted = hint.element;
    hint.element.setAttribute('title', hint.romaji);
  };

  private readonly clear = (): void => {
    this.hinted?.removeAttribute('title');
    this.hinted = null;
  };
}

/** The element holding the kana under the pointer, and their romaji; null away from kana. */
function hintUnder({ target, x, y }: Pointed): { element: Element; romaji: string } | null {
  if (!target.isConnected || !target.closest(`[${KANA_HINT_ATTRIBUTE}]`)) return null;
  const under = textUnder(target, x, y);
  const romaji = under ? kanaRunRomajiAt(under.node.data, under.index) : null;
  const element = under?.node.parentElement;
  return romaji && element ? { element, romaji } : null;
}

/** The text node and the index of the character under the point, looking into the open shadow roots on the way. */
function textUnder(target: Element, x: number, y: number): { node: Text; index: number } | null {
  const shadowRoots: ShadowRoot[] = [];
  for (let root = target.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) shadowRoots.push(root);
  const caret = document.caretPositionFromPoint?.(x, y, { shadowRoots });
  const node = caret?.offsetNode;
  if (!caret || !(node instanceof Text) || !target.contains(node)) return null;
  // The caret sits between characters: the one under the point is just after it or just before.
  for (const index of [caret.offset, caret.offset - 1]) {
    if (index >= 0 && index < node.data.length && covers(node, index, x, y)) return { node, index };
  }
  return null;
}

function covers(node: Text, index: number, x: number, y: number): boolean {
  const range = document.createRange();
  range.setStart(node, index);
  range.setEnd(node, index + 1);
  return [...range.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
}
