import type { JobRow } from '../../domain/job';

const NOUNS: Record<JobRow['type'], string> = { story: 'Story', audio: 'Narration', image: 'Illustration' };

/**
 * What the learner calls this job: "Story: a day at the beach (N5, short)", "Narration: 雨の朝".
 * `storyTitle` names the story a narration or illustration belongs to, when it is known.
 */
export function jobTitle(job: JobRow, storyTitle?: string): string {
  const of = storyTitle ? `: ${storyTitle}` : ' of the story';
  switch (job.type) {
    case 'story': {
      const p = job.params as JobRow<'story'>['params'];
      return `${NOUNS.story}: ${p.topic} (${p.level}, ${p.length})`;
    }
    case 'audio':
      return `${NOUNS.audio}${of}`;
    case 'image': {
      const p = job.params as JobRow<'image'>['params'];
      return `${NOUNS.image}${of} (${p.scope === 'paragraphs' ? 'cover and paragraphs' : 'cover'})`;
    }
  }
}

/** The story a job made or works on: a story job's own id, a narration's or illustration's storyId. */
export function jobStoryId(job: JobRow): string {
  return job.type === 'story' ? job.id : (job.params as JobRow<'audio'>['params']).storyId;
}

/** One line saying where the job stands, in words (no codes). `now` makes countdowns testable. */
export function jobStatusText(job: JobRow, now: number): string {
  switch (job.status) {
    case 'completed':
      return 'Done';
    case 'cancelled':
      return 'Cancelled';
    case 'failed':
      return job.error?.message ?? 'Failed';
    case 'processing':
      return job.progress?.label || 'Working…';
    case 'pending':
      return pendingText(job, now);
  }
}

function pendingText(job: JobRow, now: number): string {
  if (job.waitingFor === 'network') return 'Waiting for network — it starts by itself when you are back online.';
  if (job.waitingFor === 'dependency') return 'Waiting for the story to be written first.';
  if (job.waitingFor === 'storage') return storageText(job, now);
  const seconds = Math.ceil((job.runAfter - now) / 1000);
  if (seconds > 0) {
    const why = job.error?.message ? `${job.error.message} ` : '';
    return `${why}Retrying in ${formatSeconds(seconds)}.`;
  }
  return 'Queued — starting soon.';
}

/** A finished result kept until there is room to save it (src/jobs/storage-wait.ts). */
function storageText(job: JobRow, now: number): string {
  const why = job.error?.message ?? 'Ready, but this device is out of storage space to save it.';
  const seconds = Math.ceil((job.runAfter - now) / 1000);
  return seconds > 0 ? `${why} Checking for space again in ${formatSeconds(seconds)}.` : `${why} Saving it now…`;
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
