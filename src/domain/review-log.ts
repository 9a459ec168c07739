import { z } from 'zod';
import { EpochMsSchema } from './untrusted-text';
import { WORD_LIMITS } from './words';
import { KEY_SEPARATOR } from './words-key';

/**
 * Spaced review (issue 15) keeps no card state that syncs: every grade is an entry in an
 * append-only log, and a card's schedule is replayed from its entries in review-time order, so
 * two devices that reviewed the same card offline both count once they sync. Nothing is ever
 * deleted from the log:
 * - `review`: a grade (1 Again, 2 Hard, 3 Good, 4 Easy) given at `reviewedAt`;
 * - `undo`: takes back the entry `target` (the Review page's Undo of the last grade);
 * - `reset`: hides every entry of `cardKey` older than it ("reset this card"); with `cardKey` `*`,
 *   of every card ("Delete everything").
 */
export const REVIEW_LOG_KINDS = ['review', 'undo', 'reset'] as const;
export type ReviewLogKind = (typeof REVIEW_LOG_KINDS)[number];

/** `cardKey` of a reset that applies to every card. */
export const ALL_CARDS = '*';

export const REVIEW_RATINGS = [1, 2, 3, 4] as const;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];

const CardKeySchema = z
  .string()
  .min(1)
  .max(WORD_LIMITS.key)
  .refine((k) => k === ALL_CARDS || k.includes(KEY_SEPARATOR), 'not a card key (form|reading)');

/** Loose like the other synced rows: a newer version's fields survive an older device. */
export const ReviewLogEntrySchema = z
  .looseObject({
    id: z.uuid(),
    cardKey: CardKeySchema,
    kind: z.enum(REVIEW_LOG_KINDS),
    rating: z.union(REVIEW_RATINGS.map((r) => z.literal(r))).optional(),
    /** `undo` only: the id of the entry taken back. */
    target: z.uuid().optional(),
    /** When the learner graded (or reset); replay orders by it, then by id. */
    reviewedAt: EpochMsSchema,
  })
  .superRefine((entry, ctx) => {
    if (entry.kind === 'review' && entry.rating === undefined) ctx.addIssue({ code: 'custom', path: ['rating'], message: 'a review needs a rating 1–4' });
    if (entry.kind === 'review' && entry.cardKey === ALL_CARDS) ctx.addIssue({ code: 'custom', path: ['cardKey'], message: 'a review is of one card' });
    if (entry.kind === 'undo' && entry.target === undefined) ctx.addIssue({ code: 'custom', path: ['target'], message: 'an undo names the entry it takes back' });
  });

export type ReviewLogEntry = z.infer<typeof ReviewLogEntrySchema>;

/**
 * How far ahead of this device's clock an entry may be dated and still count now. An entry from a
 * device whose clock ran ahead (a dead clock battery, a manual change), or from this device before
 * its clock was set back, would otherwise push its card out of review for as long, and every grade
 * after it too (each is stamped after the newest entry). Such an entry stays in the log (nothing is
 * lost or rejected) but is not replayed or stamped after until its time comes.
 */
export const FUTURE_SLACK_MS = 86_400_000;

export function datedAhead(entry: Pick<ReviewLogEntry, 'reviewedAt'>, now: number): boolean {
  return entry.reviewedAt > now + FUTURE_SLACK_MS;
}
