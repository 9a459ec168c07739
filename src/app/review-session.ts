import type { FSRS } from 'ts-fsrs';
import { getAnnotation } from '../db/annotations-repo';
import { getDb } from '../db/database';
import { dueCount, dueKeys, heldBack, nextDueAt } from '../db/review-due';
import { ensureCards, gradeCard, type QueueHead, type Reconciled, reviewQueueHead, undoGrade } from '../db/review-repo';
import { loadSettings } from '../db/settings-repo';
import { getStory } from '../db/stories-repo';
import { setWordState } from '../db/words-repo';
import type { AnkiCard } from '../domain/anki-export';
import { COVER_INDEX } from '../domain/media-plan';
import type { ReviewCard } from '../domain/review-card';
import type { ReviewLogEntry, ReviewRating } from '../domain/review-log';
import { scheduler } from '../domain/review-schedule';
import { cardFor } from './anki-cards';

/**
 * The Review page's session (issue 15): the scheduler built from the synced settings, the queue
 * after a reconcile, each card's face (from the sentence the word was first met in, as the Anki
 * export has it, plus whether that sentence is narrated and the story illustrated), grading and
 * undo. Only the Review page imports this module: it brings ts-fsrs with it.
 */
export interface ReviewFace extends AnkiCard {
  storyId: string | null;
  segment: number;
  /** The sentence's narration is stored on this device. */
  hasAudio: boolean;
  /** The story's cover picture is stored on this device. */
  hasCover: boolean;
}

export class ReviewSession {
  private constructor(private readonly f: FSRS) {}

  /** The scheduler for the synced settings; call reconcile() before or after the first queue read. */
  static async open(): Promise<ReviewSession> {
    return new ReviewSession(scheduler(await loadSettings()));
  }

  /** Brings the cards in line with the learning words and the log (see ensureCards). */
  reconcile(): Promise<Reconciled> {
    return ensureCards(this.f);
  }

  /** The next cards to review now, in order, and how many more are due. */
  queue(now = Date.now()): Promise<QueueHead> {
    return reviewQueueHead(now);
  }

  /** Every card due now (the header's count): what the page shows once a page's worth is on screen. */
  countDue(now = Date.now()): Promise<number> {
    return dueCount(now);
  }

  /** Reconciles again (another tab or a sync may have changed the words or the log), then reads the queue. */
  async refresh(): Promise<QueueHead> {
    await ensureCards(this.f);
    return reviewQueueHead();
  }

  grade(key: string, rating: ReviewRating): Promise<{ entry: ReviewLogEntry; card: ReviewCard }> {
    return gradeCard(key, rating, this.f);
  }

  undo(entry: ReviewLogEntry): Promise<ReviewCard> {
    return undoGrade(entry, this.f);
  }

  /** What the empty state says: when the next card is due, and new cards held back by the daily limit. */
  async whenEmpty(now = Date.now()): Promise<{ nextDue: number | undefined; heldBack: number }> {
    const [next, due] = await Promise.all([nextDueAt(now), dueKeys(now)]);
    return { nextDue: next, heldBack: heldBack(due) };
  }
}

/** What a card shows; undefined when its word is gone. */
export async function reviewFace(key: string): Promise<ReviewFace | undefined> {
  const db = getDb();
  const word = await db.words.get(key);
  if (!word) return undefined;
  const { storyId, segment } = word.firstSeen;
  const [story, annotation, audio, cover] = await Promise.all([
    getStory(storyId),
    getAnnotation(storyId),
    db.media.where('[storyId+kind+index]').equals([storyId, 'audio', segment]).count(),
    db.media.where('[storyId+kind+index]').equals([storyId, 'image', COVER_INDEX]).count(),
  ]);
  const card = cardFor(word, story, annotation);
  return { ...card, storyId: story ? storyId : null, segment, hasAudio: audio > 0, hasCover: cover > 0 };
}

/** "Mark as known" from a card answered Easy again and again: it leaves the review queue. */
export async function markCardKnown(key: string): Promise<void> {
  const word = await getDb().words.get(key);
  const where = word ? { storyId: word.firstSeen.storyId, segment: word.firstSeen.segment, at: Date.now() } : null;
  if (where) await setWordState(key, 'known', where);
  await getDb().cards.delete(key);
}
