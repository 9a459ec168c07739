import { writeDraft } from '../db/drafts-repo';
import { draftFromText } from '../domain/partial-story';

/** At most one draft write per this many ms: live enough to read along, cheap enough to ignore. */
export const DRAFT_EVERY_MS = 250;

export interface DraftWriterOptions {
  jobId: string;
  /** The lease owner the job was claimed by: a draft is written only while it still holds the job. */
  owner: string;
  now: () => number;
  everyMs?: number;
}

export interface DraftWriter {
  /** A new chunk arrived; `answer` gives the whole answer so far (read only when a write is due). */
  offer(answer: () => string): void;
  /** Starts no more writes and waits for those begun; the draft itself ends with the job (src/jobs/). */
  stop(): Promise<void>;
}

/**
 * Writes a running story job's draft (its title and finished sentences) to the `drafts` table,
 * throttled: the first write at once, then at most one per `everyMs`, the latest text always
 * written last. A draft equal to the last one written is not written again. Writes never throw into
 * the generation: a draft is a courtesy, the story is what was paid for.
 */
export function createDraftWriter(options: DraftWriterOptions): DraftWriter {
  const everyMs = options.everyMs ?? DRAFT_EVERY_MS;
  let lastAt = Number.NEGATIVE_INFINITY;
  let latest: (() => string) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let written = '';
  let stopped = false;
  let writes: Promise<void> = Promise.resolve();

  const flush = () => {
    timer = undefined;
    const answer = latest;
    latest = null;
    if (stopped || !answer) return;
    lastAt = options.now();
    const draft = draftFromText(answer());
    if (!draft) return;
    const key = JSON.stringify(draft);
    if (key === written) return;
    written = key;
    // Queued writes run even after stop(): the lease check inside makes a late one a no-op.
    writes = writes.then(() => writeDraft(options.jobId, options.owner, draft, options.now())).then(
      () => undefined,
      () => undefined,
    );
  };

  return {
    offer(answer) {
      if (stopped) return;
      latest = answer;
      if (timer !== undefined) return;
      const wait = lastAt + everyMs - options.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await writes;
    },
  };
}

