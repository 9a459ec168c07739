import { performance } from 'node:perf_hooks';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { getDb } from '../../src/db/database';
import { queueChanges } from '../../src/db/outbox-repo';
import { putStories } from '../../src/db/stories-repo';
import type { ReviewLogEntry } from '../../src/domain/review-log';
import type { WordEntry } from '../../src/domain/words';
import { type SupabaseDb, type SupabaseFront, startSupabaseDb, startSupabaseFront } from '../../tests/support/supabase';
import { type Device, newDevice, requestsTo } from '../../tests/support/sync-devices';
import { makeLibrary } from './library-data';
import type { BenchContext, BenchResult } from './types';

/**
 * Sync figures, measured in Node: the app's real sync code on fake-indexeddb against the Supabase
 * front on PGlite (tests/support/supabase), hence `-node` in every name. Absolute times include
 * PGlite and fake-indexeddb, both slower than a hosted project and a browser's IndexedDB; request
 * and row counts are what a real project would see.
 */
const N = 500;
/** Words the learner set (issue 14): the coverage budget's 5,000 known words. */
const WORDS = 5_000;
/** Review log entries (issue 15): four grades of each of those 5,000 words. */
const REVIEWS = 20_000;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Moves every stored row an hour back, as if the library had been synced long ago. */
async function ageServerRows(db: SupabaseDb): Promise<void> {
  await db.exclusive((pg) =>
    pg.transaction(async (tx) => {
      await tx.query('set local session_replication_role = replica'); // the stamp trigger stays out of it
      await tx.query(`update public.stories set updated_at = updated_at - interval '1 hour'`);
    }),
  );
}

/** What words-repo writes for WORDS words marked known, with their outbox rows, in one transaction. */
async function markWords(a: Device): Promise<void> {
  const at = Date.UTC(2026, 0, 1);
  const words = Array.from({ length: WORDS }, (_, i): WordEntry => {
    const base = `語${i}`;
    return { key: `${base}|ご${i}`, base, reading: `ご${i}`, state: 'known', firstSeen: { storyId: '00000000-0000-4000-8000-000000000001', segment: 0, at }, updatedAt: at };
  });
  await a.on(async () => {
    const db = getDb();
    await db.transaction('rw', db.words, db.outbox, db.syncState, async () => {
      await db.words.bulkPut(words);
      await queueChanges(db, 'words', words.map((w) => w.key), false);
    });
  });
}

/** What the Review page writes for REVIEWS grades, with their outbox rows, in one transaction. */
async function gradeCards(a: Device): Promise<void> {
  const at = Date.UTC(2026, 0, 2);
  const entries = Array.from({ length: REVIEWS }, (_, i): ReviewLogEntry => {
    const word = i % WORDS;
    return { id: crypto.randomUUID(), cardKey: `語${word}|ご${word}`, kind: 'review', rating: 3, reviewedAt: at + i };
  });
  await a.on(async () => {
    const db = getDb();
    await db.transaction('rw', db.reviewLogs, db.outbox, db.syncState, async () => {
      await db.reviewLogs.bulkPut(entries);
      await queueChanges(db, 'review_logs', entries.map((e) => e.id), false);
    });
  });
}

async function editAndPush(a: Device, i: number, stories: ReturnType<typeof makeLibrary>['stories']): Promise<void> {
  const story = stories[i]!;
  await a.on(() => putStories([{ ...story, titleEN: `${story.titleEN} (edited)`, updatedAt: story.updatedAt + 1 }]));
  await a.sync();
}

export async function benchSync(_ctx: BenchContext): Promise<BenchResult[]> {
  // Node has no IndexedDB: give Dexie fake-indexeddb (explicitly: other suites loaded Dexie first).
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  const db = await startSupabaseDb();
  let front: SupabaseFront | undefined;
  const devices: Device[] = [];
  try {
    front = await startSupabaseFront({ db });
    const a = await newDevice(front, 'bench-a');
    const b = await newDevice(front, 'bench-b');
    devices.push(a, b);
    await a.signUp('bench@example.test');
    await b.signIn('bench@example.test');
    await a.sync();
    await b.sync();
    const { stories } = makeLibrary(N);
    await a.on(() => putStories(stories));

    front.requests.length = 0;
    const push = await timed(() => a.sync());
    if (push.value.push?.sent !== N) throw new Error(`push sent ${push.value.push?.sent} of ${N} stories`);
    const pushRequests = requestsTo(front, 'POST', '/rest/v1/stories').length;

    const pull = await timed(() => b.sync());
    if (pull.value.pull?.stories.applied !== N) throw new Error(`pull applied ${pull.value.pull?.stories.applied} of ${N} stories`);

    // Right after the library was written, the overlap window re-reads all of it (applying none).
    await editAndPush(a, 7, stories);
    const fresh = (await b.sync()).pull?.stories;
    // A library synced earlier: the overlap holds only what changed in the last minute.
    await ageServerRows(db);
    await editAndPush(a, 8, stories);
    const aged = (await b.sync()).pull?.stories;
    if (fresh?.applied !== 1 || aged?.applied !== 1) throw new Error(`incremental pulls applied ${fresh?.applied} and ${aged?.applied} rows, not 1`);

    await markWords(a);
    front.requests.length = 0;
    const wordsPush = await timed(() => a.sync());
    if (wordsPush.value.push?.sent !== WORDS) throw new Error(`push sent ${wordsPush.value.push?.sent} of ${WORDS} words`);
    const wordsPushRequests = requestsTo(front, 'POST', '/rest/v1/words').length;
    const wordsPull = await timed(() => b.sync());
    if (wordsPull.value.pull?.words.applied !== WORDS) throw new Error(`pull applied ${wordsPull.value.pull?.words.applied} of ${WORDS} words`);

    await gradeCards(a);
    front.requests.length = 0;
    const reviewsPush = await timed(() => a.sync());
    if (reviewsPush.value.push?.sent !== REVIEWS) throw new Error(`push sent ${reviewsPush.value.push?.sent} of ${REVIEWS} reviews`);
    const reviewsPushRequests = requestsTo(front, 'POST', '/rest/v1/review_logs').length;
    const reviewsPull = await timed(() => b.sync());
    if (reviewsPull.value.pull?.review_logs.applied !== REVIEWS) throw new Error(`pull applied ${reviewsPull.value.pull?.review_logs.applied} of ${REVIEWS} reviews`);

    return [
      { name: 'sync-push-20000-reviews-requests-node', value: reviewsPushRequests, unit: 'requests', budget: null, better: 'lower' },
      { name: 'sync-push-20000-reviews-node', value: Math.round(reviewsPush.ms), unit: 'ms', budget: null, better: 'lower' },
      { name: 'sync-pull-20000-reviews-node', value: Math.round(reviewsPull.ms), unit: 'ms', budget: null, better: 'lower' },
      { name: 'sync-push-5000-words-requests-node', value: wordsPushRequests, unit: 'requests', budget: null, better: 'lower' },
      { name: 'sync-push-5000-words-node', value: Math.round(wordsPush.ms), unit: 'ms', budget: null, better: 'lower' },
      { name: 'sync-pull-5000-words-node', value: Math.round(wordsPull.ms), unit: 'ms', budget: null, better: 'lower' },
      { name: 'sync-push-500-stories-requests-node', value: pushRequests, unit: 'requests', budget: 5, better: 'lower' },
      { name: 'sync-push-500-stories-node', value: Math.round(push.ms), unit: 'ms', budget: null, better: 'lower' },
      { name: 'sync-pull-500-stories-empty-device-node', value: Math.round(pull.ms), unit: 'ms', budget: null, better: 'lower' },
      { name: 'sync-incremental-pull-rows-applied-node', value: aged.applied, unit: 'rows', budget: 1, better: 'lower' },
      { name: 'sync-incremental-pull-rows-transferred-node', value: aged.transferred, unit: 'rows', budget: null, better: 'lower' },
      { name: 'sync-incremental-pull-rows-transferred-within-overlap-node', value: fresh.transferred, unit: 'rows', budget: null, better: 'lower' },
    ];
  } finally {
    for (const d of devices) await d.close();
    await front?.close();
    await db.close();
  }
}
