import type { JobRow } from '../../domain/job';
import { asSentence, factOf, MESSAGES } from '../../jobs/messages';

const NOUNS: Record<JobRow['type'], string> = { story: 'Story', audio: 'Narration', image: 'Illustration', annotate: 'Word list', explain: 'Grammar note' };

/** "sentence 3": segments count from 1 for the learner. */
export function sentenceOf(job: JobRow<'explain'>): string {
  return `sentence ${job.params.segment + 1}`;
}

/**
 * What the learner calls this job: "Story: 雨の朝" once the story exists, "Story: a day at the beach
 * (N5, short)" before; "Narration: 雨の朝", "Word list: 雨の朝", "Grammar note on sentence 3: 雨の朝". `storyTitle` is the title of the story the job made or
 * works on, when it is known.
 */
export function jobTitle(job: JobRow, storyTitle?: string): string {
  const of = storyTitle ? `: ${storyTitle}` : ' of the story';
  switch (job.type) {
    case 'story': {
      if (storyTitle) return `${NOUNS.story}: ${storyTitle}`;
      const p = job.params as JobRow<'story'>['params'];
      return `${NOUNS.story}: ${p.topic} (${p.level}, ${p.length})`;
    }
    case 'audio':
      return `${NOUNS.audio}${of}`;
    case 'image': {
      const p = job.params as JobRow<'image'>['params'];
      return `${NOUNS.image}${of} (${p.scope === 'paragraphs' ? 'cover and paragraphs' : 'cover'})`;
    }
    case 'annotate':
      return `${NOUNS.annotate}${of}`;
    case 'explain':
      return `${NOUNS.explain} on ${sentenceOf(job as JobRow<'explain'>)}${of}`;
  }
}

/** What a story job was asked for, shown under its title once the title replaced the topic. */
export function jobRequestLine(job: JobRow): string | null {
  if (job.type !== 'story') return null;
  const p = job.params as JobRow<'story'>['params'];
  return `Topic: ${p.topic} · ${p.level} · ${p.length}`;
}

/**
 * A finished story job that asked to fit the learner (issue 14: learning words or a known-words
 * target): its row says how well the story did, once the story's words exist.
 */
export function askedToFit(job: JobRow): boolean {
  if (job.type !== 'story' || job.status !== 'completed') return false;
  const p = job.params as JobRow<'story'>['params'];
  return (p.learningWords?.length ?? 0) > 0 || p.knownTarget !== undefined;
}

/** The story a job made or works on: a story job's own id, every other job's storyId. */
export function jobStoryId(job: JobRow): string {
  return job.type === 'story' ? job.id : (job.params as JobRow<'audio'>['params']).storyId;
}

/**
 * Where a job stands, as a state (`text`, which changes only when the state does, so it is what a
 * screen reader is told) and a live `countdown` ("Retrying in 24 s.") that ticks every second.
 */
export interface JobStatus {
  text: string;
  countdown: string | null;
}

/** What a job whose runner is gone says until another runner takes it over. */
export const INTERRUPTED_TEXT = 'Interrupted — it will resume by itself.';

export interface StatusContext {
  /** The runner that holds this processing job is gone (worker killed, tab closed). */
  interrupted?: boolean;
}

/** Where the job stands, in words (no codes). `now` makes countdowns testable. */
export function jobStatus(job: JobRow, now: number, context: StatusContext = {}): JobStatus {
  switch (job.status) {
    case 'completed':
      return state(job.finishedAt === null ? 'Done' : `Done in ${formatSeconds(Math.max(1, Math.round((job.finishedAt - job.createdAt) / 1000)))}`);
    case 'cancelled':
      return state('Cancelled');
    case 'failed':
      return state(job.error ? failedText(job.error.message) : 'Failed');
    case 'processing':
      if (context.interrupted) return state(INTERRUPTED_TEXT);
      return state(job.progress?.label || 'Working…');
    case 'pending':
      return pendingStatus(job, now);
  }
}

/** One line: the state and its countdown. */
export function jobStatusText(job: JobRow, now: number, context: StatusContext = {}): string {
  const { text, countdown } = jobStatus(job, now, context);
  return countdown ? `${text} ${countdown}` : text;
}

const state = (text: string): JobStatus => ({ text, countdown: null });

/** Rows older versions wrote say "Gave up after 5 tries: Gemini is overloaded; retrying…". */
function failedText(message: string): string {
  const legacy = /^Gave up after (\d+) tries: ([\s\S]*)$/.exec(message);
  return legacy ? MESSAGES.gaveUp(Number(legacy[1]), legacy[2] ?? '') : message;
}

function pendingStatus(job: JobRow, now: number): JobStatus {
  if (job.waitingFor === 'network') return state('Waiting for network — it starts by itself when you are back online.');
  if (job.waitingFor === 'dependency') return state('Waiting for the story to be written first.');
  const seconds = Math.ceil((job.runAfter - now) / 1000);
  if (job.waitingFor === 'storage') {
    const why = job.error?.message ?? 'Ready, but this device is out of storage space to save it.';
    return seconds > 0 ? { text: why, countdown: `Checking for space again in ${formatSeconds(seconds)}.` } : state(`${why} Saving it now…`);
  }
  if (seconds > 0) {
    const why = job.error?.message ? asSentence(factOf(job.error.message)) : 'Waiting before the next try.';
    return { text: why, countdown: `Retrying in ${formatSeconds(seconds)}.` };
  }
  return state('Queued — starting soon.');
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s ? `${m} min ${s} s` : `${m} min`;
}

export function isActive(job: JobRow): boolean {
  return job.status === 'pending' || job.status === 'processing';
}
