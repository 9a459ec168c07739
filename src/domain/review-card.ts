/**
 * A review card's current schedule: a device-local cache, replayed from the review log
 * (src/domain/review-log.ts) whenever its entries change, never synced itself. One card per word
 * key being learned; `due` is indexed, so the Review queue is a range read.
 */
export interface ReviewCard {
  /** The word key (dictionary form|reading), as in `words`. */
  key: string;
  /**
   * Epoch ms when the card is next due; NEW_CARD_DUE (0) for a card never reviewed, so the new
   * cards are one range of the index and the header counts them from keys alone.
   */
  due: number;
  /** Epoch ms the card joined the review queue. */
  addedAt: number;
  /** Reviews counted in the replayed schedule (0: a new card). */
  reps: number;
  /** ts-fsrs `Card` fields as replayed (stability, difficulty, state, lapses, …), JSON-safe. */
  fsrs: Record<string, unknown>;
  /** Epoch ms of the first and the last counted review (absent on a new card). */
  firstReviewAt?: number;
  lastReviewAt?: number;
  /** Id of the last counted review entry: what "Undo" takes back. */
  lastEntryId?: string;
  /** Easy grades in a row at the end of the history: at EASY_STREAK_KNOWN, the page offers "Mark as known". */
  easyStreak?: number;
}

/** `due` of a new card: before every real time, so a new card is always due. */
export const NEW_CARD_DUE = 0;

/** Easy answers in a row after which a card offers to mark its word known. */
export const EASY_STREAK_KNOWN = 3;
