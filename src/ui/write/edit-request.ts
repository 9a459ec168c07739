import { getDb } from '../../db/database';
import type { JobRow } from '../../domain/job';

type Generator = HTMLElementTagNameMap['nm-generator-dialog'];

/** What an edit leaves for the write flow: the jobs it replaces, and how to undo the prefill. */
export interface EditPrefill {
  replacing: string[];
  restore: () => void;
}

/**
 * "Edit and try again" for a refused story: fills the generator with the request's words (topic,
 * instructions, level, length, "use my learning words", the known-words target, and the extras
 * asked for with it) and names the failed jobs the
 * new request replaces. The story's narration and illustration failed with it, so they are part of
 * what is edited, and their presence is what ticks "also narrate / illustrate".
 */
export async function prefillForEdit(dialog: Generator, job: JobRow<'story'>): Promise<EditPrefill> {
  const group = job.groupId === null
    ? [job]
    : await getDb().jobs.where('groupId').equals(job.groupId).toArray();
  if (!group.some((j) => j.id === job.id)) group.push(job);
  // Cancelling the edit gives the next "Write a story" what it had before, not the refused words.
  const { topic, instructions, level, length, narrate, illustrate, useLearningWords, knownTarget } = dialog;
  const restore = (): void => {
    Object.assign(dialog, { topic, instructions, level, length, narrate, illustrate, useLearningWords, knownTarget });
  };
  // The dialog's fields are public properties: set before show(), they are what it opens with.
  dialog.topic = job.params.topic;
  dialog.instructions = job.params.instructions ?? '';
  dialog.level = job.params.level;
  dialog.length = job.params.length;
  dialog.narrate = group.some((j) => j.type === 'audio');
  dialog.illustrate = group.some((j) => j.type === 'image');
  // The fit choices too (issue 14); the words themselves are the learner's as they are now.
  dialog.useLearningWords = (job.params.learningWords?.length ?? 0) > 0;
  dialog.knownTarget = job.params.knownTarget;
  return { replacing: group.filter((j) => j.status === 'failed').map((j) => j.id), restore };
}
