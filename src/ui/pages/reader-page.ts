import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { afterNextPaint, pageShown } from '../../app/first-paint';
import { mediaJobsFor } from '../../app/narration';
import { updatePreferences } from '../../app/preferences';
import { loadReadingProgress, saveReadingProgress } from '../../app/reading-progress';
import { getAnnotation } from '../../db/annotations-read';
import { type StoredMedia, storedMedia } from '../../db/media-repo';
import { loadSettings } from '../../db/settings-repo';
import { getStory } from '../../db/stories-repo';
import { type WordStateKeys, wordStateKeys } from '../../db/words-repo';
import type { Annotation } from '../../domain/annotations';
import { DEFAULT_SETTINGS } from '../../domain/default-settings';
import { COVER_INDEX } from '../../domain/media-plan';
import type { ReadingPosition, ReadingProgress } from '../../domain/progress';
import { finishStory, progressAt, samePlace, withQuizAnswer } from '../../domain/progress-ops';
import type { Settings } from '../../domain/settings';
import { furiganaModeOf } from '../../domain/settings-options';
import type { Segment, Story, Vocab } from '../../domain/story';
import { coverageText } from '../../domain/words-comfort';
import { LiveQueryController } from '../live-query-controller';
import { readFailure } from '../load-error';
import { isActive } from '../queue/describe-job';
import { currentPosition, linkedSegment, restorePosition } from '../reader/reading-position';
import '../delete-story-button';
import '../reader/story-image';
import '../queue/story-draft';
import '../reader/media-panel';
import { NarrationPlayer } from '../reader/player';
import { playerStyles, renderPlayerBar } from '../reader/player-bar';
import '../reader/reader-quiz';
import { progressBarStyles, renderFinish, renderProgressBar } from '../reader/progress-bar';
import { KanaHint } from '../reader/kana-hint';
import { ReadingActivity } from '../reader/reading-activity';
import { renderReaderToolbar, renderSegmentItem, renderStoryHeading } from '../reader/reader-parts';
import { readerStyles } from '../reader/reader-styles';
import { SentenceBatches } from '../reader/sentence-batches';
import { renderPlainSentence, renderSentenceWords } from '../reader/sentence-words';
import { StoryWordsMemo } from '../reader/story-coverage';
import { WordJobsController } from '../reader/word-jobs-controller';
import { lookByKey, type WordLook } from '../reader/word-look';
import { WordOpener } from '../reader/word-opener';
import { changeWordState, markRestKnown } from '../reader/word-state-actions';
import { sharedStyles } from '../shared-styles';

const SAVE_EVERY_MS = 400;

/**
 * `<nm-reader-page>` at /story/<id>: furigana and translation toggles, side-by-side or stacked,
 * font size, vocabulary, quiz, and the reading position saved while scrolling and restored on open.
 * Narration: a player over the stored sentences (the current one highlighted and scrolled into
 * view, click or Enter on a sentence plays from it) and, where media are missing, the offer to
 * narrate or illustrate (never started by opening the story). Pictures: the cover on top and each
 * paragraph's beside it, when "Pictures" is on. Words (issue 13): every word opens a popover with its
 * reading and meaning (tap, click, or the keyboard: one tab stop per sentence, arrows between words).
 * What you know (issue 14): the popover sets a word learning or known, furigana follow the mode
 * (all, words not known, none) at every occurrence at once, learning words are underlined, the
 * story's coverage sits under the title, and its end offers to mark the rest of its words known.
 */
export class NmReaderPage extends LitElement {
  static override properties = { storyId: { type: String }, progress: { state: true }, offerTop: { state: true } };
  declare storyId: string;
  declare progress: ReadingProgress | undefined;
  /** The story opened at a saved place below its top, unfinished: "Start from the top" is offered. */
  declare offerTop: boolean;

  static override styles = [sharedStyles, readerStyles, playerStyles, progressBarStyles];

  private readonly story = new LiveQueryController<Story | undefined>(this, () => getStory(this.storyId), (story) =>
    this.player.setTotal(story?.content.length ?? 0),
  );
  private readonly settings = new LiveQueryController<Settings>(this, loadSettings, (s) => this.player.setSpeed(s.playbackSpeed));
  private readonly player = new NarrationPlayer(this);
  /** Which sentences and pictures are stored (keys only); feeds the player and the offers. */
  private readonly media = new LiveQueryController<StoredMedia>(this, () => storedMedia(this.storyId), (m) =>
    this.player.setSource(this.storyId, m.audio, this.story.value?.content.length),
  );
  /** A narration on its way: the player waits for its sentences instead of stopping at the first missing one. */
  /** The story's words and grammar notes (issue 13), live: an annotate or explain job's result shows at once. */
  private readonly annotation = new LiveQueryController<Annotation | undefined>(this, () => getAnnotation(this.storyId));
  /** The learning and known words' keys (index keys only), live: a state change redraws every occurrence. */
  private readonly states = new LiveQueryController<WordStateKeys>(this, wordStateKeys);
  private readonly storyWords = new StoryWordsMemo();
  /** The romaji of the kana under the mouse, as a tooltip (the older app's hint). */
  readonly kanaHint = new KanaHint(this);
  /** The first sentences paint first; the rest, then what follows the story, come a frame each. */
  private readonly batches = new SentenceBatches(this);
  /** Every word opens its popover (tap, click, Enter); each sentence's words are one tab stop. */
  private readonly words = new WordOpener(
    this,
    () =>
      this.story.value
        ? { story: this.story.value, annotation: this.annotation.value, narrated: new Set(this.media.value?.audio), states: this.states.value }
        : undefined,
    (segment) => void this.player.playFrom(segment),
    (key, state, segment, say) => void changeWordState(key, state, { storyId: this.storyId, segment, at: Date.now() }, say),
  );
  /** "Explain this sentence" and "Add word details" become jobs; their pending state follows the jobs. */
  private readonly wordJobs = new WordJobsController(this, () => this.storyId, this.words);
  private readonly narrating = new LiveQueryController<boolean>(
    this,
    async () => (await mediaJobsFor(this.storyId)).some((job) => job.type === 'audio' && isActive(job)),
    (arriving) => this.player.setArriving(arriving),
  );
  /** The reading habit (issue 15): active minutes, characters and stories finished, per local day. */
  readonly habit = new ReadingActivity(this, () => ({ storyId: this.storyId, story: this.story.value, progress: this.progress, busy: this.player.state === 'playing' }));
  /** The sentence last scrolled to, so the player scrolls once per sentence. */
  private scrolledTo = -1;
  private restoring = false;
  /** Until the saved position is restored, scroll events must not overwrite it. */
  private restored = false;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Where the page itself left the screen after restoring. Until the learner moves away from it, a
   * scroll event is the page's own (the restore, the browser keeping the text in view while a
   * picture loads) and saving it would rewrite the saved place with this screen's measure of it.
   */
  private baseline: { y: number; place: ReadingPosition } | null = null;

  constructor() {
    super();
    this.storyId = '';
    this.progress = undefined;
    this.offerTop = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('storyId') && changed.get('storyId') !== undefined) {
      this.restored = false;
      this.restoring = false;
      this.baseline = null;
      this.offerTop = false;
      this.player.stop();
      this.story.refresh();
      this.media.refresh();
      this.annotation.refresh();
      this.narrating.refresh();
      this.words.reset();
      this.wordJobs.refresh();
    }
    if (changed.has('storyId')) void this.loadProgress();
  }

  private async loadProgress(): Promise<void> {
    const id = this.storyId;
    const p = await loadReadingProgress(id);
    if (id === this.storyId) this.progress = p;
  }

  private readonly onScroll = () => {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.savePosition(), SAVE_EVERY_MS);
  };

  /** The header is sticky on wide screens only: the progress bar sticks just below it. */
  private readonly onResize = () => {
    this.style.setProperty('--nm-sticky-top', `${headerBottom()}px`);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('scroll', this.onScroll, { passive: true });
    window.addEventListener('resize', this.onResize, { passive: true });
    window.addEventListener('pagehide', this.onScroll);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('scroll', this.onScroll);
    window.removeEventListener('resize', this.onResize);
    window.removeEventListener('pagehide', this.onScroll);
    clearTimeout(this.saveTimer);
    super.disconnectedCallback();
  }

  /** The top of the screen's reading area: below the sticky header (wide screens) and the progress bar. */
  private readingTop(): number {
    const bar = this.renderRoot.querySelector('.read-progress')?.getBoundingClientRect().height ?? 0;
    return headerBottom() + bar;
  }

  private segments(): Element[] {
    return [...(this.renderRoot.querySelectorAll('ol.segments > li') ?? [])];
  }

  private async savePosition(): Promise<void> {
    if (!this.restored || !this.progress || !this.story.value) return;
    const pos = currentPosition(this.segments(), this.readingTop());
    if (this.baseline) {
      if (Math.abs(window.scrollY - this.baseline.y) < 2 || samePlace(pos, this.baseline.place)) return;
      this.baseline = null;
    }
    this.progress = progressAt(this.progress, pos, Date.now());
    await saveReadingProgress(this.progress);
  }

  protected override updated(): void {
    this.followPlayer();
    // The app's background chores wait for the story's text (first-paint.ts).
    if (this.textReady()) pageShown();
    // Only once the sentences are on screen (the article waits for the media keys too).
    const story = this.story.value;
    if (this.restoring || !story || !this.progress || !this.textReady()) return;
    this.restoring = true;
    const saved = this.progress;
    // Decided before the restore measures the screen: the offer is in the sticky bar, and its
    // arrival afterwards would shift the text under a place already restored.
    this.offerTop = !saved.completed && saved.lastReadAt > 0 && (saved.segmentIndex > 0 || saved.segmentOffset > 0);
    const linked = linkedSegment(location.hash, story.content.length);
    if (linked === null && !saved.completed && saved.lastReadAt === 0) {
      // A story never opened: nothing to move, so nothing to measure now. Measuring would force
      // the style and layout of every ruby the render just added in this task (~300 ms at 4× CPU);
      // after the paint the browser does anyway, the sticky bar's offset costs next to nothing.
      this.baseline = null;
      this.restored = true;
      void afterNextPaint().then(this.onResize);
      return;
    }
    // Every sentence where it will be before measuring (the first paint draws only the first ones).
    this.batches.showAll();
    // Japanese fonts may still be loading; line heights (and so positions) settle only after them.
    // The restore lands before the first paint, so the text is never seen at the top first.
    void document.fonts.ready.then(() => requestAnimationFrame(() => this.restoreTo(saved, linked)));
  }

  /** Scrolls to the saved place (or the linked sentence, or the top of a finished story). */
  private restoreTo(saved: ReadingProgress, linked: number | null): void {
    this.onResize();
    const top = this.readingTop();
    // A finished story opens at the top, to be read again; the place it was left stays saved.
    // A link to one sentence (`#s<N>`, e.g. from a Review card) opens there, whatever was saved.
    if (linked !== null) {
      restorePosition(this.segments(), { percent: 0, segmentIndex: linked, segmentOffset: 0 }, top);
      this.habit.rebase(linked);
    } else if (saved.completed) window.scrollTo({ top: 0, behavior: 'instant' });
    else restorePosition(this.segments(), saved, top);
    // Only where the page moved the screen itself; a story never opened is the learner's to scroll at once.
    this.baseline = { y: window.scrollY, place: currentPosition(this.segments(), top) };
    this.restored = true;
  }

  /** Every read the sentences wait for has answered (render and the position restore agree on it). */
  private textReady(): boolean {
    return this.story.loaded && this.settings.loaded && this.media.loaded && this.annotation.loaded && this.states.loaded;
  }

  private async finish(): Promise<void> {
    if (!this.progress) return;
    this.progress = finishStory(this.progress, Date.now());
    await saveReadingProgress(this.progress);
  }

  private async answer(index: number, option: number): Promise<void> {
    if (!this.progress) return;
    this.progress = withQuizAnswer(this.progress, index, option, Date.now());
    await saveReadingProgress(this.progress);
  }

  override render(): TemplateResult {
    const failure = readFailure('this story', this.story, this.settings, this.media, this.annotation, this.states);
    if (failure) return html`<h1>This story could not be opened</h1>${failure}`;
    // The media keys come with the story (one keys-only read), so the narrate/illustrate offer is
    // there from the first paint instead of pushing the text down when it arrives.
    // The words too: sentences drawn from the device's segmentation first and from stored tokens a
    // moment later would move their furigana under the learner.
    // And what the learner knows: furigana in "words not known" mode depend on it.
    if (!this.textReady()) return html`<p class="muted">Opening the story…</p>`;
    const story = this.story.value;
    // A story still being written (its id is its job's): the draft so far, live (issue 12).
    if (!story) return html`<nm-story-draft story-id=${this.storyId} variant="page"><h1>Story not found</h1><p>This story is not in your library on this device. <a href="/library">Back to the library</a></p></nm-story-draft>`;
    const s = this.settings.value ?? DEFAULT_SETTINGS;
    const media = this.media.value ?? { audio: [], images: [] };
    const images = new Set(s.showImages ? media.images : []);
    const narrated = new Set(media.audio);
    const look = lookByKey(furiganaModeOf(s), s.highlightLearning !== false, this.states.value);
    const words = this.storyWords.of(this.annotation.value, this.states.value);
    this.batches.drawing(story.id, story.content.length);
    return html`<article class=${s.viewMode} lang="en" @focusin=${this.batches.all} @keydown=${this.batches.all}>
      ${renderProgressBar(this.progress, this.offerTop ? () => { this.offerTop = false; } : undefined)}
      ${renderStoryHeading(story, words ? coverageText(words.coverage) : null)}
      ${images.has(COVER_INDEX)
        ? html`<nm-story-image class="cover" .storyId=${story.id} index=${COVER_INDEX} alt="Cover picture: ${story.titleEN || story.titleJP}"></nm-story-image>`
        : null}
      ${renderReaderToolbar(s, media.images.length > 0, html`<nm-delete-story-button story-id=${this.storyId}></nm-delete-story-button>`, this.updatePreferences)}
      <nm-media-panel .story=${story} .stored=${media}></nm-media-panel>
      <ol class="segments" aria-busy=${this.batches.complete ? nothing : 'true'} @click=${this.onSentenceClick} @keydown=${this.words.keydown} @pointerdown=${this.words.warm} @focusin=${this.words.warm}>
        ${story.content.slice(0, this.batches.count).map((seg, i) => this.renderSegment(seg, i, s, look, narrated.has(i), images.has(i)))}
      </ol>
      ${this.words.renderPopover()}
      ${this.player.hasAudio
        ? renderPlayerBar(this.player, story.content.length, (speed) => void updatePreferences({ playbackSpeed: speed }))
        : null}
      ${this.renderAfterStory(story, !!words?.rest)}
    </article>`;
  }

  /** The end of the story, its vocabulary and quiz: a part per frame after its last sentence (sentence-batches.ts). */
  private renderAfterStory(story: Story, wordsLeft: boolean): TemplateResult {
    const drawn = (part: number) => this.batches.afterStory(part);
    return html`${drawn(0) ? renderFinish(this.progress, () => void this.finish(), wordsLeft ? () => void markRestKnown(this.storyId) : undefined) : null}
      ${drawn(1) ? this.renderVocab(story) : null}
      ${drawn(2) && story.questions.length ? html`<section aria-labelledby="quiz-h"><h2 id="quiz-h">Quiz</h2>
        <nm-reader-quiz .questions=${story.questions} .answers=${this.progress?.quizAnswers ?? {}}
          @nm-quiz-answer=${(e: HTMLElementEventMap['nm-quiz-answer']) => void this.answer(e.detail.index, e.detail.option)}></nm-reader-quiz></section>` : null}`;
  }

  private renderSegment(seg: Segment, i: number, s: Settings, look: (key: string) => WordLook, narrated: boolean, picture: boolean): TemplateResult {
    const speaking = this.player.current === i && this.player.state !== 'idle';
    const words = this.words.wordsOf(seg, this.annotation.value?.segments[i]);
    const text = this.batches.asWords(i)
      ? renderSentenceWords(words, i, this.words.currentWord(i), seg.readings, look)
      : renderPlainSentence(words, seg.readings, look);
    return renderSegmentItem(seg, i, { narrated, speaking, showEnglish: s.showEnglish }, text, picture
      ? html`<nm-story-image class="seg-img" .storyId=${this.storyId} index=${i} alt=${seg.imagePrompt || `Picture for sentence ${i + 1}`}></nm-story-image>`
      : null);
  }

  /** Click or tap on a word opens it; elsewhere on a narrated sentence plays from it (unless the learner was selecting text). */
  private readonly onSentenceClick = (event: Event): void => {
    if (this.words.click(event)) return;
    const li = event.composedPath().find((el): el is HTMLLIElement => el instanceof HTMLLIElement);
    if (!li?.classList.contains('narrated')) return;
    if ((window.getSelection()?.toString() ?? '') !== '') return;
    void this.player.playFrom(Number(li.dataset.index));
  };

  /** Keeps the sentence being read in view, scrolling once per sentence. */
  private followPlayer(): void {
    const { current, state } = this.player;
    if (state === 'idle' || current < 0) {
      this.scrolledTo = -1;
      return;
    }
    if (current === this.scrolledTo) return;
    this.scrolledTo = current;
    const li = this.renderRoot.querySelector(`ol.segments > li[data-index="${current}"]`);
    const smooth = !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    li?.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
  }

  private readonly updatePreferences = (patch: Partial<Settings>): void => void updatePreferences(patch);

  private renderVocab(story: Story): TemplateResult | null {
    const seen = new Map<string, Vocab>();
    for (const v of story.content.flatMap((c) => c.vocab)) if (!seen.has(v.word)) seen.set(v.word, v);
    if (!seen.size) return null;
    return html`<section aria-labelledby="vocab-h"><h2 id="vocab-h">Vocabulary</h2>
      <dl class="vocab">${[...seen.values()].map((v) => html`<dt lang="ja">${v.word}${v.reading && v.reading !== v.word ? html`<span class="reading">${v.reading}</span>` : null}</dt><dd>${v.meaning}</dd>`)}</dl>
    </section>`;
  }
}

/** A sticky header (wide screens) covers the top of the viewport; positions are measured below it. */
function headerBottom(): number {
  const header = document.querySelector('nm-app')?.shadowRoot?.querySelector('header');
  if (!header || getComputedStyle(header).position !== 'sticky') return 0;
  return Math.max(0, header.getBoundingClientRect().bottom);
}

customElements.define('nm-reader-page', NmReaderPage);
declare global {
  interface HTMLElementTagNameMap { 'nm-reader-page': NmReaderPage }
}
