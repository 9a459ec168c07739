import { maskedApiKey } from '../../app/api-key';
import { reportPageFault } from '../../app/error-handlers';
import { navigate } from '../../app/router';
import { showToast } from '../toast';

/**
 * "Write a story" from anywhere (Home, an empty Library search): one flow that ends in the
 * generator. With no API key on this device it first walks the learner through getting and saving
 * one (`<nm-key-step>`), then opens the generator. Both dialogs live in document.body, outside any
 * page, and load on first use: the first route pays nothing for them (zod, the topic list).
 *
 * The generator is the same `<nm-generator-dialog>` the Queue uses; its `topic` property presets
 * the topic (an empty search's words), and its `nm-generate` event queues the story.
 */
export interface WriteStoryOptions {
  /** Preset topic, e.g. what the learner searched the Library for. */
  topic?: string;
}

let generatorReady: Promise<HTMLElementTagNameMap['nm-generator-dialog']> | undefined;

function singleton<K extends keyof HTMLElementTagNameMap>(tag: K): HTMLElementTagNameMap[K] {
  const existing = document.body.querySelector(`:scope > ${tag}`) as HTMLElementTagNameMap[K] | null;
  if (existing) return existing;
  const el = document.createElement(tag);
  document.body.append(el);
  return el;
}

function generator(): Promise<HTMLElementTagNameMap['nm-generator-dialog']> {
  generatorReady ??= import('../generator/generator-dialog').then(() => {
    const dialog = singleton('nm-generator-dialog');
    dialog.addEventListener('nm-generate', (event) => void queueStory(event.detail));
    return dialog;
  });
  return generatorReady;
}

async function queueStory(request: HTMLElementEventMap['nm-generate']['detail']): Promise<void> {
  try {
    const { createStory } = await import('../../app/generate');
    await createStory(request);
  } catch (error: unknown) {
    reportPageFault('queueing a story from "Write a story"', error);
    showToast({ message: 'The story could not be queued. Try again, or use “New story” on the Queue page.' });
    return;
  }
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
  if (!(await ensureKey())) return;
  const dialog = await generator();
  dialog.offline = !navigator.onLine;
  if (options.topic !== undefined) dialog.topic = options.topic.trim();
  await dialog.show();
}
