import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { WordStateKeys } from '../../db/words-repo';
import type { Annotation } from '../../domain/annotations';
import type { Segment, Story, Vocab } from '../../domain/story';
import type { Token } from '../../domain/tokens';
import type { WordState } from '../../domain/words-key';
import { showToast } from '../toast';
import { rovingTarget } from './roving-focus';
import { offsetOfWord, type SentenceWords, sentenceWords, wordAtOffset } from './sentence-words';
import { stateOf } from './word-look';
import type { Anchor, StateSaid, WordPopoverData } from './word-popover';

/** What the Reader knows at the moment a popover renders. */
export interface WordSource {
  story: Story;
  annotation: Annotation | undefined;
  /** Sentences with stored narration. */
  narrated: ReadonlySet<number>;
  /** What the learner knows (live): the popover shows the word's state from it. */
  states: WordStateKeys | undefined;
}

type Host = ReactiveControllerHost & { readonly renderRoot: ParentNode; readonly updateComplete: Promise<boolean> };

/** Loaded on the first open only: the popover is not part of the Reader's first paint. */
let popoverModule: Promise<unknown> | undefined;
export function loadWordPopover(): Promise<unknown> {
  popoverModule ??= import('./word-popover');
  return popoverModule;
}

/**
 * The Reader's words, as a controller so the page only wires it: which word of each sentence is the
 * tab stop (roving tabindex), tap/click and Enter/Space to open a word, arrows/Home/End to move, the
 * lazily loaded `<nm-word-popover>` and focus back on the word when it closes. Also what was asked
 * and not yet arrived ("Explaining…", "Adding word details…"): set when the request event is sent;
 * the page may set it from the job's state too (`setExplaining`, `setAnnotating`).
 */
export class WordOpener implements ReactiveController {
  /** The current word (tab stop) of each sentence; a sentence not listed starts at its first word. */
  private readonly current = new Map<number, number>();
  private readonly cache = new WeakMap<Segment, { stored: readonly Token[] | null | undefined; words: SentenceWords }>();
  /**
   * The open word, also by where it starts in the sentence: when the stored tokens replace the
   * device's split ("Add word details" while the popover is open), the same place finds the word
   * again even though its index changed.
   */
  private opened: { segment: number; word: number; offset: number; anchor: Anchor } | null = null;
  /** What the last state change in the open popover did (its Undo), shown inside it. */
  private said: StateSaid | null = null;
  private readonly explaining = new Set<number>();
  private annotating = false;

  constructor(
    private readonly host: Host,
    private readonly source: () => WordSource | undefined,
    private readonly play: (segment: number) => void,
    /** "I know this", "Learning", "Back to new" in the popover (the page writes it). */
    private readonly setState: (key: string, state: WordState, segment: number, say: (said: StateSaid) => void) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** A new story: nothing open, every sentence back at its first word. */
  reset(): void {
    this.current.clear();
    this.explaining.clear();
    this.annotating = false;
    this.opened = null;
    this.said = null;
  }

  /** The sentence's words, worked out once per sentence and tokens (segmentation is not free). */
  wordsOf(segment: Segment, stored: readonly Token[] | null | undefined): SentenceWords {
    const hit = this.cache.get(segment);
    if (hit && hit.stored === stored) return hit.words;
    const words = sentenceWords(segment, stored);
    this.cache.set(segment, { stored, words });
    return words;
  }

  currentWord(segment: number): number {
    return this.current.get(segment) ?? 0;
  }

  setExplaining(segment: number, pending: boolean): void {
    if (pending) this.explaining.add(segment);
    else this.explaining.delete(segment);
    this.host.requestUpdate();
  }

  /** Exactly these sentences are waiting for a grammar note (the page follows the jobs). */
  setExplainingOnly(segments: ReadonlySet<number>): void {
    this.explaining.clear();
    for (const segment of segments) this.explaining.add(segment);
    this.host.requestUpdate();
  }

  setAnnotating(pending: boolean): void {
    this.annotating = pending;
    this.host.requestUpdate();
  }

  /** Starts loading the popover as a finger or the focus reaches a word, before the click lands. */
  readonly warm = (event: Event): void => {
    if (wordIn(event)) void loadWordPopover();
  };

  /** A click or tap on a word opens it; true when it did (the sentence then does not start playing). */
  click(event: Event): boolean {
    const el = wordIn(event);
    if (!el) return false;
    void this.open(el);
    return true;
  }

  readonly keydown = (event: KeyboardEvent): void => {
    const el = wordIn(event);
    if (!el || event.ctrlKey || event.altKey || event.metaKey) return;
    const { segment, word } = position(el);
    if (event.key === 'Enter' || event.key === ' ') {
      // Taken from the player's shortcuts too (they skip a handled key): Space here opens, not plays.
      event.preventDefault();
      void this.open(el);
      return;
    }
    const stops = this.host.renderRoot.querySelectorAll<HTMLElement>(`.word[data-segment="${segment}"]`);
    const target = rovingTarget(event.key, word, stops.length);
    if (target === null) return;
    event.preventDefault();
    this.current.set(segment, target);
    for (const stop of stops) stop.tabIndex = Number(stop.dataset.word) === target ? 0 : -1;
    stops[target]?.focus();
    this.host.requestUpdate();
  };

  private async open(el: HTMLElement): Promise<void> {
    const { segment, word } = position(el);
    this.current.set(segment, word);
    const box = el.getBoundingClientRect();
    await loadWordPopover();
    const words = this.sentenceAt(segment);
    const offset = words ? offsetOfWord(words, word) : 0;
    this.opened = { segment, word, offset, anchor: { top: box.top, bottom: box.bottom, left: box.left } };
    this.said = null;
    this.host.requestUpdate();
  }

  private sentenceAt(segment: number): SentenceWords | undefined {
    const source = this.source();
    const content = source?.story.content[segment];
    return content ? this.wordsOf(content, source?.annotation?.segments[segment]) : undefined;
  }

  private readonly onClose = async (): Promise<void> => {
    const opened = this.opened;
    const said = this.said;
    this.opened = null;
    this.said = null;
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (opened) this.wordElement(opened.segment, opened.word)?.focus();
    // An Undo not used yet stays within reach once the dialog is gone: as a toast.
    if (said?.undo) this.say(said);
  };

  /**
   * What a state change did: inside the popover while it is open (a modal dialog makes everything
   * outside it unreachable), as a toast with its Undo once it is closed.
   */
  private readonly say = (said: StateSaid): void => {
    if (this.opened) {
      this.said = said;
      this.host.requestUpdate();
      return;
    }
    const undo = said.undo;
    showToast(undo ? { message: said.message, action: { label: 'Undo', run: undo } } : { message: said.message, durationMs: 4_000 });
  };

  private readonly onExplain = (event: HTMLElementEventMap['nm-explain-request']): void => {
    this.setExplaining(event.detail.segment, true);
  };

  private readonly onAnnotate = (): void => {
    this.setAnnotating(true);
  };

  private readonly onPlay = (event: HTMLElementEventMap['nm-play-sentence']): void => {
    this.play(event.detail.segment);
  };

  private readonly onWordState = (event: HTMLElementEventMap['nm-word-state']): void => {
    this.setState(event.detail.key, event.detail.state, event.detail.segment, this.say);
  };

  private wordElement(segment: number, word: number): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(`.word[data-segment="${segment}"][data-word="${word}"]`);
  }

  /** The open popover, or nothing; rendered by the page after its sentences. */
  renderPopover(): TemplateResult | null {
    const opened = this.opened;
    const source = this.source();
    const segment = opened ? source?.story.content[opened.segment] : undefined;
    if (!opened || !source || !segment) return null;
    const stored = source.annotation?.segments[opened.segment];
    const words = this.wordsOf(segment, stored);
    const word = wordAtOffset(words, opened.offset);
    if (word?.word === null || word?.word === undefined || !word.key) {
      // The word is gone (the sentence's words changed under it): close as Escape would, so focus
      // goes back to the sentence rather than to the document.
      queueMicrotask(() => void this.onClose());
      return null;
    }
    if (word.word !== opened.word) {
      opened.word = word.word;
      this.current.set(opened.segment, word.word);
    }
    const token = word.token;
    const explanation = source.annotation?.explanations?.[String(opened.segment)]?.text;
    const data: WordPopoverData = {
      storyId: source.story.id,
      segment: opened.segment,
      token,
      vocab: storyVocab(source.story, opened.segment),
      translation: segment.en,
      narrated: source.narrated.has(opened.segment),
      explanation,
      explaining: this.explaining.has(opened.segment) && !explanation,
      onDevice: words.onDevice,
      annotating: this.annotating && words.onDevice,
      wordKey: word.key,
      state: stateOf(source.states, word.key),
      said: this.said,
    };
    return html`<nm-word-popover .data=${data} .anchor=${opened.anchor} @nm-word-popover-close=${this.onClose}
      @nm-explain-request=${this.onExplain} @nm-annotate-request=${this.onAnnotate} @nm-play-sentence=${this.onPlay}
      @nm-word-state=${this.onWordState}></nm-word-popover>`;
  }
}

/** The sentence's own vocabulary first, then the rest of the story's (a word listed once, elsewhere). */
function storyVocab(story: Story, segment: number): Vocab[] {
  const own = story.content[segment]?.vocab ?? [];
  return [...own, ...story.content.flatMap((s, i) => (i === segment ? [] : s.vocab))];
}

function wordIn(event: Event): HTMLElement | undefined {
  return event.composedPath().find((el): el is HTMLElement => el instanceof HTMLElement && el.classList.contains('word'));
}

function position(el: HTMLElement): { segment: number; word: number } {
  return { segment: Number(el.dataset.segment), word: Number(el.dataset.word) };
}
