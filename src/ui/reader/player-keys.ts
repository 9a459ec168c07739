/**
 * Keyboard shortcuts of the narration player, as a pure decision so it can be tested without a DOM.
 * The rule: never take a key from whatever the learner is typing in, and never take Space from a
 * control that Space activates (buttons, links, checkboxes, selects, summaries). So:
 * - Space toggles play/pause only when focus is on the page itself, a sentence, or the player box;
 * - K toggles, J goes to the previous sentence, L to the next, unless focus is in a text field;
 * - Enter on a focused sentence plays from that sentence;
 * - nothing with Ctrl, Alt or Meta held (those belong to the browser and the system).
 */

export type PlayerCommand = 'toggle' | 'previous' | 'next' | 'play-here';

/** Where the focus is, as far as shortcuts care. */
export type FocusKind = 'page' | 'sentence' | 'control' | 'text-entry';

export interface FocusedElement {
  tagName: string;
  type?: string | undefined;
  isContentEditable?: boolean | undefined;
  /** True for a Reader sentence (`li[data-index]`). */
  sentence?: boolean | undefined;
}

const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time', 'datetime-local', 'month', 'week']);
const CONTROLS = new Set(['BUTTON', 'A', 'SELECT', 'SUMMARY', 'INPUT', 'AUDIO', 'VIDEO', 'OPTION']);

export function classifyFocus(el: FocusedElement | null): FocusKind {
  if (el === null) return 'page';
  const tag = el.tagName.toUpperCase();
  if (el.isContentEditable || tag === 'TEXTAREA') return 'text-entry';
  if (tag === 'INPUT' && TEXT_INPUT_TYPES.has((el.type ?? '').toLowerCase())) return 'text-entry';
  if (el.sentence) return 'sentence';
  if (CONTROLS.has(tag)) return 'control';
  return 'page';
}

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

export function commandFor(press: KeyPress, focus: FocusKind): PlayerCommand | null {
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  if (focus === 'text-entry') return null;
  switch (press.key) {
    case ' ':
    case 'Spacebar':
      return focus === 'page' || focus === 'sentence' ? 'toggle' : null;
    case 'Enter':
      return focus === 'sentence' ? 'play-here' : null;
    case 'k':
    case 'K':
      return 'toggle';
    case 'j':
    case 'J':
      return 'previous';
    case 'l':
    case 'L':
      return 'next';
    default:
      return null;
  }
}

/** The focused element, looking through shadow roots (the Reader lives in two of them). */
export function deepActiveElement(doc: Document = document): Element | null {
  let el: Element | null = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el === null || el === doc.body || el === doc.documentElement ? null : el;
}

export function describeFocus(el: Element | null): FocusedElement | null {
  if (el === null) return null;
  return {
    tagName: el.tagName,
    type: el instanceof HTMLInputElement ? el.type : undefined,
    isContentEditable: el instanceof HTMLElement ? el.isContentEditable : false,
    sentence: el.matches('li[data-index]'),
  };
}

/** The shortcuts as the player's help lists them. */
export const SHORTCUTS: ReadonlyArray<{ keys: string[]; what: string }> = [
  { keys: ['Space', 'K'], what: 'play / pause (Space only when no button or field has focus)' },
  { keys: ['J'], what: 'previous sentence' },
  { keys: ['L'], what: 'next sentence' },
  { keys: ['Enter'], what: 'on a focused sentence: play from there' },
];

/** What the shortcuts drive (the NarrationPlayer). */
export interface ShortcutTarget {
  readonly hasAudio: boolean;
  run(command: PlayerCommand, index?: number): void;
}

/** Listens for the shortcuts on the window while a Reader is on screen; returns the unlisten. */
export function listenForPlayerKeys(target: ShortcutTarget): () => void {
  const onKey = (event: KeyboardEvent): void => {
    if (!target.hasAudio || event.defaultPrevented || event.repeat) return;
    const focused = deepActiveElement();
    const command = commandFor(event, classifyFocus(describeFocus(focused)));
    if (command === null) return;
    const index = focused instanceof HTMLElement ? Number(focused.dataset.index) : Number.NaN;
    event.preventDefault();
    target.run(command, Number.isInteger(index) ? index : undefined);
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
