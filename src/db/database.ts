import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Annotation } from '../domain/annotations';
import type { ReadingDay } from '../domain/reading-day';
import type { ReviewCard } from '../domain/review-card';
import type { ReviewLogEntry } from '../domain/review-log';
import { type JobRow, queueRank } from '../domain/job-row';
import type { Story } from '../domain/story';
import type { DraftRow } from '../domain/story-draft';
import { type StorySummary, toSummary } from '../domain/summary';
import type { WordEntry } from '../domain/words';
import { type StoryWords, storyWordKeys } from '../domain/words-coverage';
import { DB_NAME } from './names';
import type { MediaRow, OutboxRow, ProgressRow, SecretRow, SettingsRow, SyncStateRow, TombstoneRow } from './rows';

/**
 * Every schema version the app ever shipped stays here, in order: Dexie needs the history to upgrade
 * a learner's database from whatever version they last opened. tests/unit/db/upgrade.test.ts opens
 * each older version with data and proves the current code keeps it.
 */
export const DB_VERSIONS = {
  /** v1: the reader — stories, reading progress, settings. */
  1: {
    stories: 'id, updatedAt',
    progress: 'storyId, updatedAt',
    settings: 'key',
  },
  /** v2: list summaries, background jobs, media blobs, device secrets and sync bookkeeping. */
  2: {
    stories: 'id, updatedAt, legacyId',
    storySummaries: 'id, createdAt, updatedAt, difficulty, level',
    progress: 'storyId, updatedAt, lastReadAt',
    settings: 'key',
    secrets: 'key',
    jobs: 'id, status, type, createdAt, updatedAt, groupId, *dependsOn',
    media: '[storyId+kind+index], storyId',
    outbox: 'id, queuedAt',
    syncState: 'key',
    tombstones: 'storyId, deletedAt',
  },
  /**
   * v3: jobs indexed by [status+priority+createdAt], so a claim reads the queue's order from the
   * index (keys only) instead of deserializing every pending job on every claim.
   */
  3: {
    stories: 'id, updatedAt, legacyId',
    storySummaries: 'id, createdAt, updatedAt, difficulty, level',
    progress: 'storyId, updatedAt, lastReadAt',
    settings: 'key',
    secrets: 'key',
    jobs: 'id, status, type, createdAt, updatedAt, groupId, *dependsOn, [status+priority+createdAt]',
    media: '[storyId+kind+index], storyId',
    outbox: 'id, queuedAt',
    syncState: 'key',
    tombstones: 'storyId, deletedAt',
  },
  /**
   * v4: the queue index becomes [status+rank+createdAt] with rank = −priority, so ascending index
   * order IS the run order (highest priority, then oldest) and one read gives a claim its candidates.
   */
  4: {
    stories: 'id, updatedAt, legacyId',
    storySummaries: 'id, createdAt, updatedAt, difficulty, level',
    progress: 'storyId, updatedAt, lastReadAt',
    settings: 'key',
    secrets: 'key',
    jobs: 'id, status, type, createdAt, updatedAt, groupId, *dependsOn, [status+rank+createdAt]',
    media: '[storyId+kind+index], storyId',
    outbox: 'id, queuedAt',
    syncState: 'key',
    tombstones: 'storyId, deletedAt',
  },
  /**
   * v5: a story's words (issue 13) in rows of their own keyed by story, so the annotate job and a
   * sync of the story never write the same row.
   */
  5: {
    stories: 'id, updatedAt, legacyId',
    storySummaries: 'id, createdAt, updatedAt, difficulty, level',
    progress: 'storyId, updatedAt, lastReadAt',
    settings: 'key',
    secrets: 'key',
    jobs: 'id, status, type, createdAt, updatedAt, groupId, *dependsOn, [status+rank+createdAt]',
    media: '[storyId+kind+index], storyId',
    outbox: 'id, queuedAt',
    syncState: 'key',
    tombstones: 'storyId, deletedAt',
    annotations: 'storyId, updatedAt',
  },
  /**
   * v6: `drafts`, what a running story job has written so far (src/domain/story-draft.ts), keyed by
   * job id. A table of its own rather than the job row: the Queue's liveQuery reads every job row on
   * every change, and a growing story in a row would make each update (every ~250 ms) re-read and
   * re-render all of it. Device-only and temporary: never synced, exported or backed up.
   */
  6: {
    stories: 'id, updatedAt, legacyId',
    storySummaries: 'id, createdAt, updatedAt, difficulty, level',
    progress: 'storyId, updatedAt, lastReadAt',
    settings: 'key',
    secrets: 'key',
    jobs: 'id, status, type, createdAt, updatedAt, groupId, *dependsOn, [status+rank+createdAt]',
    media: '[storyId+kind+index], storyId',
    outbox: 'id, queuedAt',
    syncState: 'key',
    tombstones: 'storyId, deletedAt',
    annotations: 'storyId, updatedAt',
    drafts: 'jobId',
  },
  /**
   * v7: what the learner knows (issue 14). `words`, one entry per word key (dictionary form +
   * reading) whose state was set; `storyWords`, each story's running-word keys with counts, written
   * with its tokens, so a Library of thousands of stories computes coverage by lookup, not by parse.
   */
  7: {
    stories: 'id, updatedAt, legacyId',
    storySummaries: 'id, createdAt, updatedAt, difficulty, level',
    progress: 'storyId, updatedAt, lastReadAt',
    settings: 'key',
    secrets: 'key',
    jobs: 'id, status, type, createdAt, updatedAt, groupId, *dependsOn, [status+rank+createdAt]',
    media: '[storyId+kind+index], storyId',
    outbox: 'id, queuedAt',
    syncState: 'key',
    tombstones: 'storyId, deletedAt',
    annotations: 'storyId, updatedAt',
    drafts: 'jobId',
    storyWords: 'storyId',
    words: 'key, state, updatedAt',
  },
  /**
   * v8: spaced review and the reading habit (issue 15). `reviewLogs`, the append-only log every
   * card's schedule is replayed from (synced); `cards`, that schedule cached per word key with its
   * `due` indexed so the queue is a range read (device-only); `readingDays`, one row per (day,
   * device) of minutes, characters and stories read (synced; displays sum the devices).
   */
  8: {
    stories: 'id, updatedAt, legacyId',
    storySummaries: 'id, createdAt, updatedAt, difficulty, level',
    progress: 'storyId, updatedAt, lastReadAt',
    settings: 'key',
    secrets: 'key',
    jobs: 'id, status, type, createdAt, updatedAt, groupId, *dependsOn, [status+rank+createdAt]',
    media: '[storyId+kind+index], storyId',
    outbox: 'id, queuedAt',
    syncState: 'key',
    tombstones: 'storyId, deletedAt',
    annotations: 'storyId, updatedAt',
    drafts: 'jobId',
    storyWords: 'storyId',
    words: 'key, state, updatedAt',
    reviewLogs: 'id, cardKey, reviewedAt',
    cards: 'key, due',
    readingDays: 'key, day',
  },
} as const;

export class NihongoDb extends Dexie {
  stories!: EntityTable<Story, 'id'>;
  storySummaries!: EntityTable<StorySummary, 'id'>;
  progress!: EntityTable<ProgressRow, 'storyId'>;
  settings!: EntityTable<SettingsRow, 'key'>;
  secrets!: EntityTable<SecretRow, 'key'>;
  jobs!: EntityTable<JobRow, 'id'>;
  media!: Table<MediaRow, [string, string, number]>;
  outbox!: EntityTable<OutboxRow, 'id'>;
  syncState!: EntityTable<SyncStateRow, 'key'>;
  tombstones!: EntityTable<TombstoneRow, 'storyId'>;
  annotations!: EntityTable<Annotation, 'storyId'>;
  drafts!: EntityTable<DraftRow, 'jobId'>;
  storyWords!: EntityTable<StoryWords, 'storyId'>;
  words!: EntityTable<WordEntry, 'key'>;
  reviewLogs!: EntityTable<ReviewLogEntry, 'id'>;
  cards!: EntityTable<ReviewCard, 'key'>;
  readingDays!: EntityTable<ReadingDay, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(DB_VERSIONS[1]);
    this.version(2)
      .stores(DB_VERSIONS[2])
      .upgrade(async (tx) => {
        const summaries = tx.table<StorySummary, string>('storySummaries');
        await tx
          .table<Story, string>('stories')
          .each((story) => summaries.put(toSummary(story)));
      });
    this.version(3).stores(DB_VERSIONS[3]);
    this.version(4)
      .stores(DB_VERSIONS[4])
      .upgrade(async (tx) => {
        await tx
          .table<JobRow, string>('jobs')
          .toCollection()
          .modify((job) => {
            job.rank = queueRank(job.priority);
          });
      });
    this.version(5).stores(DB_VERSIONS[5]);
    // A new, empty table: nothing to carry over.
    this.version(6).stores(DB_VERSIONS[6]);
    // Stories annotated before v7 get their word keys now, so the Library shows their coverage at once.
    this.version(7)
      .stores(DB_VERSIONS[7])
      .upgrade(async (tx) => {
        const storyWords = tx.table<StoryWords, string>('storyWords');
        // Read first, then one bulk write (Dexie's each() callback must not write); a row whose keys
        // cannot be worked out is skipped, so one odd row never stops the database from opening.
        const annotations = await tx.table<Annotation, string>('annotations').toArray();
        await storyWords.bulkPut(annotations.flatMap((annotation) => safeStoryWordKeys(annotation)));
      });
    // New tables only: cards are built from the learning words when the Review page first opens.
    this.version(8).stores(DB_VERSIONS[8]);
  }
}

function safeStoryWordKeys(annotation: Annotation): StoryWords[] {
  try {
    return [storyWordKeys(annotation)];
  } catch {
    return [];
  }
}

let shared: NihongoDb | undefined;

/**
 * The one database connection of this context (page or worker). When another context upgrades the
 * schema, Dexie closes this connection (versionchange); the page then reloads (see src/app/main.ts).
 */
export function getDb(): NihongoDb {
  shared ??= new NihongoDb();
  return shared;
}

/** Tests: swap in a fresh database (fake-indexeddb) between cases. */
export function setDbForTests(db: NihongoDb | undefined): void {
  shared = db;
}
