import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { reportPageFault } from '../../app/error-handlers';
import { markCardKnown, type ReviewFace, ReviewSession, reviewFace } from '../../app/review-session';
import type { QueueHead } from '../../db/review-repo';
import { resetCard } from '../../db/review-resets';
import { getMedia } from '../../db/media-repo';
import { countOf } from '../../domain/format';
import { EASY_STREAK_KNOWN, type ReviewCard } from '../../domain/review-card';
import type { ReviewLogEntry, ReviewRating } from '../../domain/review-log';
import { dueIn, RATING_LABELS } from '../../domain/review-words';
import { cardBack, cardFront } from '../review/review-card-view';
import { reviewKeyAction } from '../review/review-keys';
import { REVIEW_DUE_EVENT } from '../review-badge';
import { reviewStyles } from '../review/review-styles';
import { sharedStyles } from '../shared-styles';

/** The last grade, for Undo and for "Mark as known". */
interface LastGrade {
  entry: ReviewLogEntry;
  word: string;
  rating: ReviewRating;
  easyStreak: number;
  /** The word has been marked known since (Undo no longer applies). */
  known: boolean;
}

/** Cards due again within this long (a learning step) are waited for on the page. */
const WAIT_FOR_STEP_MS = 20 * 60_000;

/**
 * `<nm-review-page>` at /review (issue 15): the words being learned, one card at a time. Space
 * shows the answer, 1–4 grade (Again, Hard, Good, Easy), U or Ctrl+Z undoes the last grade; each
 * grade is said in a live region. A card answered Easy several times in a row offers to mark its
 * word known. The page holds the queue it read; when it runs out it reads again (a card in a
 * learning step comes back once due). Loaded lazily with ts-fsrs.
 */
export class NmReviewPage extends LitElement {
  static override properties = {
    phase: { state: true }, queue: { state: true }, face: { state: true }, shown: { state: true },
    last: { state: true }, said: { state: true }, nextDue: { state: true }, heldBack: { state: true }, reviewed: { state: true }, audioUrl: { state: true },
    more: { state: true }, counted: { state: true },
  };
  declare phase: 'loading' | 'ready' | 'failed';
  declare queue: ReviewCard[];
  /** Cards due beyond the ones held (read when those run out). */
  declare more: number;
  /** False until `more` is known (the page shows "50+ cards due" meanwhile). */
  declare counted: boolean;
  declare face: ReviewFace | undefined;
  declare shown: boolean;
  declare last: LastGrade | null;
  declare said: string;
  declare nextDue: number | undefined;
  /** New cards waiting for another day (the daily limit is reached). */
  declare heldBack: number;
  declare reviewed: number;
  declare audioUrl: string | null;

  static override styles = [sharedStyles, reviewStyles];

  private session: ReviewSession | undefined;
  private busy = false;
  /** Card faces read ahead: the next card's sentence is read while the learner looks at this one. */
  private faces = new Map<string, Promise<ReviewFace | undefined>>();
  private waitTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.phase = 'loading';
    this.queue = [];
    this.more = 0;
    this.counted = true;
    this.face = undefined;
    this.shown = false;
    this.last = null;
    this.said = '';
    this.nextDue = undefined;
    this.heldBack = 0;
    this.reviewed = 0;
    this.audioUrl = null;
  }

  private readonly onKey = (event: KeyboardEvent) => {
    const action = reviewKeyAction(event);
    if (!action || this.phase !== 'ready') return;
    if (action.kind === 'show' && this.face && !this.shown) this.show();
    else if (action.kind === 'grade' && this.face && this.shown) void this.grade(action.rating);
    else if (action.kind === 'undo' && this.last && !this.last.known) void this.undo();
    else return;
    event.preventDefault();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    void this.start();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.onKey);
    clearTimeout(this.waitTimer);
    this.setAudio(null);
    super.disconnectedCallback();
  }

  override updated(changed: Map<PropertyKey, unknown>): void {
    if (this.phase === 'ready' && this.counted && (changed.has('queue') || changed.has('more') || changed.has('phase') || changed.has('counted'))) {
      window.dispatchEvent(new CustomEvent(REVIEW_DUE_EVENT, { detail: this.queue.length + this.more }));
    }
  }

  private async start(): Promise<void> {
    try {
      const session = await ReviewSession.open();
      this.session = session;
      // The cards already there are shown first; the reconcile (thousands of keys compared) follows.
      const head = await session.queue();
      if (head.cards.length > 0) {
        await this.showHead(head);
        void this.catchUp(session);
      } else {
        await session.reconcile();
        await this.showHead(await session.queue());
      }
      this.phase = 'ready';
    } catch (error) {
      reportPageFault('opening Review', error);
      this.phase = 'failed';
    }
  }

  /** After the reconcile: words that became learning join the queue behind the card on screen. */
  private async catchUp(session: ReviewSession): Promise<void> {
    try {
      const changed = await session.reconcile();
      if (changed.added + changed.removed === 0) return;
      const head = await session.queue();
      const current = this.queue[0];
      if (!current) return await this.showHead(head);
      this.queue = [current, ...head.cards.filter((c) => c.key !== current.key)];
      if (head.more === undefined) {
        this.counted = false;
        void this.countRest();
      } else this.more = Math.max(0, head.cards.length + head.more - this.queue.length);
    } catch (error) {
      reportPageFault('bringing review cards up to date', error);
    }
  }

  private async showHead(head: QueueHead): Promise<void> {
    this.more = head.more ?? 0;
    this.counted = head.more !== undefined;
    await this.showQueue(head.cards);
    // After the card is drawn: the count walks the whole due range, and the card's own reads would queue behind it.
    if (!this.counted) void this.updateComplete.then(() => this.countRest());
  }

  /** More cards are due than the page holds: they are counted once the first card is up. */
  private async countRest(): Promise<void> {
    try {
      const total = (await this.session?.countDue()) ?? 0;
      this.more = Math.max(0, total - this.queue.length);
      this.counted = true;
    } catch (error) {
      reportPageFault('counting review cards', error);
    }
  }

  /** Puts the queue's first card on screen (front side), or the empty state. */
  private async showQueue(queue: ReviewCard[]): Promise<void> {
    const head = queue[0];
    const face = head ? await this.faceOf(head.key) : undefined;
    if (head && !face) return this.showQueue(queue.slice(1));
    const next = queue[1];
    if (next) void this.faceOf(next.key);
    // All at once, after the read: a key pressed meanwhile must never act on the card going away.
    this.queue = queue;
    this.face = face;
    this.shown = false;
    this.setAudio(null);
    clearTimeout(this.waitTimer);
    if (!head) {
      const empty = await this.session?.whenEmpty();
      this.nextDue = empty?.nextDue;
      this.heldBack = empty?.heldBack ?? 0;
      const wait = this.nextDue === undefined ? Infinity : this.nextDue - Date.now();
      if (wait < WAIT_FOR_STEP_MS) this.waitTimer = setTimeout(() => void this.reload(), Math.max(0, wait) + 250);
    }
  }

  private faceOf(key: string): Promise<ReviewFace | undefined> {
    let face = this.faces.get(key);
    if (!face) {
      face = reviewFace(key);
      this.faces.set(key, face);
      // A read that failed is tried again next time, not remembered.
      face.catch(() => this.faces.delete(key));
    }
    return face;
  }

  private async reload(): Promise<void> {
    if (!this.session) return;
    this.faces.clear();
    await this.showHead(await this.session.refresh());
  }

  private show(): void {
    this.shown = true;
    const face = this.face;
    if (face?.hasAudio && face.storyId) {
      void getMedia(face.storyId, 'audio', face.segment).then((row) => {
        if (row && this.face === face) this.setAudio(URL.createObjectURL(row.blob));
      });
    }
    void this.updateComplete.then(() => this.focusCard());
  }

  private async grade(rating: ReviewRating): Promise<void> {
    const head = this.queue[0];
    const face = this.face;
    if (!this.session || !head || !face || this.busy) return;
    this.busy = true;
    try {
      const { entry, card } = await this.session.grade(head.key, rating);
      this.reviewed++;
      this.last = { entry, word: face.word, rating, easyStreak: card.easyStreak ?? 0, known: false };
      const rest = this.queue.slice(1).filter((c) => c.key !== head.key);
      await this.advance(rest);
      this.said = `${RATING_LABELS[rating]}: ${face.word} comes back ${dueIn(card.due, Date.now())}. ${this.leftText()}`;
    } catch (error) {
      reportPageFault('saving a review', error);
      this.said = 'This grade could not be saved on this device. Try again.';
    } finally {
      this.busy = false;
    }
  }

  private async advance(rest: ReviewCard[]): Promise<void> {
    if (rest.length > 0) await this.showQueue(rest);
    else await this.reload();
    void this.updateComplete.then(() => this.focusCard());
  }

  private async undo(): Promise<void> {
    const last = this.last;
    if (!this.session || !last || this.busy) return;
    this.busy = true;
    try {
      const card = await this.session.undo(last.entry);
      this.reviewed = Math.max(0, this.reviewed - 1);
      this.last = null;
      await this.showQueue([card, ...this.queue.filter((c) => c.key !== card.key)]);
      this.said = `Undone: ${last.word} is back, ungraded. ${this.leftText()}`;
      void this.updateComplete.then(() => this.focusCard());
    } catch (error) {
      reportPageFault('undoing a review', error);
      this.said = 'The last grade could not be undone on this device. Try again.';
    } finally {
      this.busy = false;
    }
  }

  private async markKnown(): Promise<void> {
    const last = this.last;
    if (!last) return;
    try {
      await markCardKnown(last.entry.cardKey);
      this.last = { ...last, known: true };
      const rest = this.queue.filter((c) => c.key !== last.entry.cardKey);
      if (rest.length !== this.queue.length) await this.showQueue(rest);
      this.said = `${last.word} is known now and has left Review.`;
    } catch (error) {
      reportPageFault('marking a reviewed word known', error);
      this.said = `${last.word} could not be saved on this device. Try again.`;
    }
  }

  /** "Reset this card": a reset marker hides its history (kept in the log); it comes back as a new card. */
  private async resetLast(): Promise<void> {
    const last = this.last;
    if (!this.session || !last || this.busy) return;
    this.busy = true;
    try {
      await resetCard(last.entry.cardKey);
      await this.session.reconcile();
      this.last = null;
      this.said = `${last.word} was reset: it is a new card again, its earlier reviews set aside.`;
    } catch (error) {
      reportPageFault('resetting a review card', error);
      this.said = `${last.word} could not be reset on this device. Try again.`;
    } finally {
      this.busy = false;
    }
  }

  private setAudio(url: string | null): void {
    if (this.audioUrl) URL.revokeObjectURL(this.audioUrl);
    this.audioUrl = url;
  }

  private focusCard(): void {
    (this.renderRoot.querySelector('article.review-card') as HTMLElement | null)?.focus({ preventScroll: true });
  }

  private leftText(): string {
    const left = this.queue.length + this.more;
    if (!this.counted) return `${this.queue.length}+ cards left.`;
    return left > 0 ? `${countOf(left, 'card')} left.` : 'No more cards due now.';
  }

  override render(): TemplateResult {
    return html`<h1>Review</h1>
      ${this.renderBody()}
      ${this.renderLast()}
      <p class="sr" role="status">${this.said}</p>`;
  }

  private renderBody(): TemplateResult {
    if (this.phase === 'loading') return html`<p class="muted" role="status" aria-busy="true">Loading your cards…</p>`;
    if (this.phase === 'failed') return html`<p role="alert">Your review cards could not be read on this device. Reload the page to try again.</p>`;
    const face = this.face;
    if (!face) return this.renderEmpty();
    return html`<p class="progress"><span>${this.counted ? countOf(this.queue.length + this.more, 'card') : `${this.queue.length}+ cards`} due</span>${this.reviewed ? html`<span>${this.reviewed} reviewed</span>` : nothing}</p>
      <article class="review-card" tabindex="-1" data-key=${face.key} aria-label=${this.shown ? 'Card, answer shown' : 'Card: which word is marked?'}>
        ${cardFront(face)}
        ${this.shown ? cardBack(face, this.audioUrl) : nothing}
      </article>
      ${this.shown
        ? html`<div class="actions" role="group" aria-label="How well did you remember it?">
            ${([1, 2, 3, 4] as const).map((r) => html`<button type="button" class=${r === 3 ? 'primary' : ''} aria-keyshortcuts=${String(r)} @click=${() => void this.grade(r)}>
              ${RATING_LABELS[r]}<kbd aria-hidden="true">${r}</kbd></button>`)}
          </div>`
        : html`<button type="button" class="show primary" aria-keyshortcuts="Space" @click=${() => this.show()}>Show answer <kbd aria-hidden="true">Space</kbd></button>`}
      <p class="hint">Keys: Space shows the answer, 1–4 grade it, U undoes the last grade.</p>`;
  }

  private renderEmpty(): TemplateResult {
    const held = this.heldBack
      ? html`<p>${countOf(this.heldBack, 'new card')} ${this.heldBack === 1 ? 'waits' : 'wait'} for tomorrow: you have started today's new cards. Settings → Review sets how many a day.</p>`
      : nothing;
    if (this.nextDue === undefined && held !== nothing) return held;
    if (this.nextDue === undefined) {
      return html`<p>Mark words as Learning in a story to review them: tap a word while you read and choose “Learning”.</p>
        <p><a href="/library">Open the library</a></p>`;
    }
    const when = new Date(this.nextDue).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    return html`<p>Nothing due — next card due ${dueIn(this.nextDue, Date.now())} (${when}).</p>${held}
      ${this.reviewed ? html`<p>${countOf(this.reviewed, 'card')} reviewed in this session.</p>` : nothing}`;
  }

  private renderLast(): TemplateResult | typeof nothing {
    const last = this.last;
    if (!last) return nothing;
    const offerKnown = !last.known && last.rating === 4 && last.easyStreak >= EASY_STREAK_KNOWN;
    return html`<div class="last">
      <p>${last.known ? html`<span lang="ja">${last.word}</span> is known now.` : html`Last: <span lang="ja">${last.word}</span> — ${RATING_LABELS[last.rating]}.`}</p>
      ${last.known ? nothing : html`<button type="button" aria-keyshortcuts="U Control+Z" @click=${() => void this.undo()}>Undo</button>`}
      ${offerKnown ? html`<button type="button" @click=${() => void this.markKnown()}>Easy ${last.easyStreak} times in a row: mark as known</button>` : nothing}
      ${last.known ? nothing : html`<button type="button" @click=${() => void this.resetLast()}>Reset this card</button>`}
    </div>`;
  }
}

customElements.define('nm-review-page', NmReviewPage);
declare global {
  interface HTMLElementTagNameMap { 'nm-review-page': NmReviewPage }
}
