import { writeAnnotationIn } from '../db/annotations-repo';
import { getDb } from '../db/database';
import { type Annotation, AnnotationSchema } from '../domain/annotations';
import { dropSuperseded, ensureQueued } from './apply-queue';
import { SYNC_STATE_KEYS } from './constants';
import type { AnnotationRecord } from './rows';
import { type Watermark, writeWatermark } from './state';

/**
 * Applying a pulled page of annotations (a story's words, issue 13), in one transaction with its
 * cursor, like the other tables (apply.ts). A row goes through the same merge as an import
 * (writeAnnotationIn: the newer tokens win, every explanation is kept), so a note written on either
 * device survives; when the merged row differs from the server's, it is queued, and both converge.
 *
 * A row whose story this device has not stored yet (pushed by another device between this sync's
 * story pull and its annotation pull) is kept aside in `syncState` and written when the story
 * arrives (settleWaitingAnnotations, called by applyStories): the cursor has moved past it.
 */
export interface PulledRejection {
  key: string;
  reason: string;
}

export interface ApplyOutcome {
  /** Rows that changed this device. */
  applied: number;
  /** Rows this version cannot read, each with its reason; they changed nothing here. */
  rejected: PulledRejection[];
}

type Waiting = Record<string, Annotation>;

export async function applyAnnotations(rows: readonly AnnotationRecord[], watermark: Watermark): Promise<ApplyOutcome> {
  const db = getDb();
  return db.transaction('rw', [db.stories, db.annotations, db.storyWords, db.tombstones, db.outbox, db.syncState], async () => {
    const waiting = await readWaiting();
    const outcome: ApplyOutcome = { applied: 0, rejected: [] };
    for (const row of rows) {
      const id = row.story_id;
      if (row.deleted) {
        delete waiting[id];
        await dropSuperseded('annotations', id);
        if (await db.annotations.get(id)) {
          await Promise.all([db.annotations.delete(id), db.storyWords.delete(id)]);
          outcome.applied++;
        }
        continue;
      }
      const pulled = annotationFromRow(row);
      if (typeof pulled === 'string') {
        outcome.rejected.push({ key: id, reason: pulled });
        continue;
      }
      if (await db.stories.get(id)) {
        if (await mergePulled(pulled)) outcome.applied++;
      } else if (!(await db.tombstones.get(id))) {
        waiting[id] = pulled;
      }
    }
    await writeWaiting(waiting);
    await writeWatermark('annotations', watermark);
    return outcome;
  });
}

/** The Annotation in a pulled row, or the reason this version cannot take it. */
export function annotationFromRow(row: AnnotationRecord): Annotation | string {
  const parsed = AnnotationSchema.safeParse(row.content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    return `Word details this version cannot read (${where}${issue?.message ?? 'invalid'}); this device's copy is kept.`;
  }
  if (parsed.data.storyId !== row.story_id) return `Word details filed under another story (${parsed.data.storyId}); this device's copy is kept.`;
  return parsed.data;
}

/**
 * Merges a pulled annotation into the stored one (inside the caller's transaction) and queues this
 * device's row when it has something the server lacks. @returns whether this device changed.
 */
async function mergePulled(remote: Annotation): Promise<boolean> {
  const db = getDb();
  const result = await writeAnnotationIn(db, remote);
  const local = await db.annotations.get(remote.storyId);
  if (local && !sameJson(local, remote)) await ensureQueued('annotations', remote.storyId, false);
  else await dropSuperseded('annotations', remote.storyId);
  return result.saved;
}

/**
 * Writes the waiting annotations whose story is now stored, and forgets those of stories deleted
 * here. Inside applyStories' transaction, after its page.
 */
export async function settleWaitingAnnotations(): Promise<void> {
  const db = getDb();
  const waiting = await readWaiting();
  const ids = Object.keys(waiting);
  if (ids.length === 0) return;
  const [stories, tombstones] = await Promise.all([db.stories.bulkGet(ids), db.tombstones.bulkGet(ids)]);
  for (const [i, id] of ids.entries()) {
    const annotation = waiting[id];
    if (stories[i] && annotation) await mergePulled(annotation);
    if (stories[i] || tombstones[i]) delete waiting[id];
  }
  await writeWaiting(waiting);
}

async function readWaiting(): Promise<Waiting> {
  const value = (await getDb().syncState.get(SYNC_STATE_KEYS.waitingAnnotations))?.value;
  return typeof value === 'object' && value !== null ? { ...(value as Waiting) } : {};
}

async function writeWaiting(waiting: Waiting): Promise<void> {
  const key = SYNC_STATE_KEYS.waitingAnnotations;
  if (Object.keys(waiting).length === 0) await getDb().syncState.delete(key);
  else await getDb().syncState.put({ key, value: waiting });
}

/** Equal as JSON whatever the key order (jsonb stores keys in its own order). */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortedKeys(a)) === JSON.stringify(sortedKeys(b));
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, sortedKeys(v)]));
}
