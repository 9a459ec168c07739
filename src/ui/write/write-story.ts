import { maskedApiKey } from '../../app/api-key';
import { reportPageFault } from '../../app/error-handlers';
import { navigate } from '../../app/router';
import type { JobRow } from '../../domain/job';
import { showToast } from '../toast';
import { prefillForEdit } from './edit-request';

/**
 * "Write a story" from anywhere (Home, the Library, the Queue): one flow that ends in the
 * generator. With no API key on this device it first walks the learner through getting and saving
 * one (`<nm-key-step>`), then opens the generator. Both dialogs live in document.body, outside any
 * page, and load on first use: the first route pays nothing for them (zod, the topic list).
 *
 * There is one `<nm-generator-dialog>` for the whole app, so Home's and the Queue's "Edit and try
 * again" are the same flow: the dialog opens with the refused request's words, and the request the
 * learner sends replaces it (its failed jobs are dismissed once the new one is queued).
 */
export interface WriteStoryOptions {
  /** Preset topic, e.g. what the learner searched the Library for. */
  topic?: string;
  /** A refused story job: "Edit and try again" prefills the generator with it and replaces it. */
  edit?: JobRow<'story'>;
  /**
   * Whether a missing key sends the learner to the key step first (default). The Queue's "New
   * story" says no: there a story may be queued before the key is saved, and waits for it.
   */
  askForKey?: boolean;
}

type Generator = HTMLElementTagNameMap['nm-generator-dialog'];
type Request = HTMLElementEventMap['nm-generate']['detail'];
type CreateStory = typeof import('../../app/generate')['createStory'];

let generatorReady: Promise<Generator> | undefined;
/** The failed jobs of the request being edited: dismissed once its replacement is queued. */
let replacing: string[] = [];
/** Gives the dialog back what it had before an edit that was cancelled. */
let restore: (() => void) | null = null;

function singleton<K extends keyof HTMLElementTagNameMap>(tag: K): HTMLElementTagNameMap[K] {
  const existing = document.body.querySelector(`:scope > ${tag}`) as HTMLElementTagNameMap[K] | null;
  if (existing) return existing;
  const el = document.createElement(tag);
  document.body.append(el);
  return el;
}

function generator(): Promise<Generator> {
  // The enqueue code loads with the dialog, not after "Create story": a tab closed the moment the
  // click returns must already have started writing the job.
  generatorReady ??= Promise.all([import('../generator/generator-dialog'), import('../../app/generate')]).then(([, { createStory }]) => {
    const dialog = singleton('nm-generator-dialog');
    dialog.addEventListener('nm-generate', (event) => {
      const replaced = replacing;
      replacing = [];
      restore = null;
      void queueStory(createStory, event.detail, replaced);
    });
    dialog.addEventListener('nm-generator-close', (event) => {
      if (event.detail.submitted) return;
      replacing = [];
      restore?.();
      restore = null;
    });
    return dialog;
  });
  return generatorReady;
}

async function queueStory(createStory: CreateStory, request: Request, replaced: readonly string[]): Promise<void> {
  try {
    await createStory(request);
  } catch (error: unknown) {
    reportPageFault('queueing a story from "Write a story"', error);
    showToast({ message: 'The story could not be queued. Try again in a moment.' });
    return;
  }
  try {
    // The refused request is superseded by the edited one: keeping it would offer a second fix.
    const { dismissJob } = await import('../../app/queue-actions');
    for (const id of replaced) await dismissJob(id);
  } catch (error: unknown) {
    reportPageFault('removing the refused request after "Edit and try again"', error);
  }
  // On the Queue the new row is the confirmation; elsewhere a toast says where to follow it.
  if (location.pathname === '/queue') return;
  showToast({
    message: `Writing “${request.params.topic}”. It appears in your library when it is ready.`,
    action: { label: 'Follow it in the Queue', run: () => navigate('/queue') },
  });
}

/** Whether a key is saved, asking for one first when it is not. False when the learner stopped. */
async function ensureKey(): Promise<boolean> {
  if (await maskedApiKey()) return true;
  await import('./key-step');
  const step = singleton('nm-key-step');
  return (await step.ask()) === 'saved';
}

export async function openWriteStory(options: WriteStoryOptions = {}): Promise<void> {
  if (options.askForKey !== false && !(await ensureKey())) return;
  const dialog = await generator();
  if (dialog.open) return;
  dialog.offline = !navigator.onLine;
  replacing = [];
  restore = null;
  await loadLearnerWords(dialog);
  if (options.edit) ({ replacing, restore } = await prefillForEdit(dialog, options.edit));
  else if (options.topic !== undefined) dialog.topic = options.topic.trim();
  await dialog.show();
}

/**
 * The learner's newest learning words and a sample of known ones, read each time the generator
 * opens (issue 14), so "Use my learning words (N)" counts what the learner has now. A failed read
 * leaves the lists empty: the story can still be asked for, just not fitted.
 */
async function loadLearnerWords(dialog: Generator): Promise<void> {
  try {
    const [{ recentWordRefs }, { FIT_LIMITS }] = await Promise.all([import('../../db/words-repo'), import('../../domain/job')]);
    const [learning, known] = await Promise.all([
      recentWordRefs('learning', FIT_LIMITS.learningWords),
      recentWordRefs('known', FIT_LIMITS.knownWords),
    ]);
    dialog.learningWords = learning;
    dialog.knownWords = known;
  } catch (error: unknown) {
    reportPageFault('reading the learner’s words for the generator', error);
    dialog.learningWords = [];
    dialog.knownWords = [];
  }
}
