import { type SpeechResult, type SynthesizeOptions, synthesizeSentence } from '../ai/tts';
import { mediaIndexes } from '../db/media-repo';
import { estimateNarrationBytes, narrationPlan } from '../domain/media-plan';
import type { TaskHandler, TaskOutcome } from '../jobs/registry';
import { toJobFailure } from './ai-failure';
import { geminiTarget } from './gemini-target';
import { commitMediaSummary, requireStory, storeMediaStep } from './media-step';
import { browserEstimate, type EstimateFn, ensureSpace, isQuotaError, storageFullFailure } from './storage-check';

/**
 * `audio` jobs: narrate a story sentence by sentence (one TTS call per segment), each sentence's WAV
 * stored as soon as it arrives, together with the checkpoint (media-step.ts). A resumed job — after a
 * crash, a killed worker, a transient error — asks only for the sentences not stored yet, so a
 * worker killed mid-call costs at most the sentence that was in flight.
 *
 * Before the first call it checks the space left (storage-check.ts); a full disk mid-way fails the
 * job permanently and keeps the sentences already stored.
 */

export interface NarrationCheckpoint {
  /** The voice the first sentences were read with; the rest keep it even if Settings changed. */
  voice: string;
  done: number;
  total: number;
}

function checkpointVoice(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const voice = (value as Partial<NarrationCheckpoint>).voice;
  return typeof voice === 'string' && voice.length > 0 ? voice : undefined;
}

export interface AudioTaskDeps {
  synthesize?: (options: SynthesizeOptions) => Promise<SpeechResult>;
  estimate?: EstimateFn;
  store?: typeof storeMediaStep;
}

export function sentencesLabel(done: number, total: number): string {
  return `${done} / ${total} sentence${total === 1 ? '' : 's'}`;
}

export function createAudioTask(deps: AudioTaskDeps = {}): TaskHandler<'audio'> {
  const synthesize = deps.synthesize ?? synthesizeSentence;
  const estimate = deps.estimate ?? browserEstimate;
  const store = deps.store ?? storeMediaStep;
  return {
    type: 'audio',
    async run(ctx) {
      const { storyId } = ctx.job.params;
      const story = await requireStory('audio', storyId);
      const total = story.content.length;
      const todo = narrationPlan(story, new Set(await mediaIndexes(storyId, 'audio')));
      let done = total - todo.length;
      ctx.progress(done, total, sentencesLabel(done, total));
      const outcome: TaskOutcome = {
        result: { storyId, sentences: total },
        tables: ['stories', 'media'],
        commit: (tx) => commitMediaSummary(tx, 'audio', storyId),
      };
      if (todo.length === 0) return outcome;

      const { target, settings } = await geminiTarget((s) => s.ttsModel);
      const texts = todo.map((i) => story.content[i]?.jp ?? '');
      await ensureSpace(estimateNarrationBytes(texts), `narrating ${todo.length} sentences`, estimate);
      const voice = ctx.job.params.voice ?? checkpointVoice(ctx.job.checkpoint) ?? settings.voice;

      for (const [n, index] of todo.entries()) {
        let speech: SpeechResult;
        try {
          speech = await synthesize({ ...target, voice, text: texts[n] ?? '', signal: ctx.signal });
        } catch (error) {
          throw toJobFailure(error);
        }
        const checkpoint: NarrationCheckpoint = { voice, done: done + 1, total };
        try {
          await store(ctx, { kind: 'audio', index, blob: speech.blob, bytes: speech.bytes }, checkpoint);
        } catch (error) {
          if (isQuotaError(error)) throw storageFullFailure(done, total, 'sentences');
          throw error;
        }
        done += 1;
        ctx.progress(done, total, sentencesLabel(done, total));
      }
      return outcome;
    },
  };
}

export const audioTask = createAudioTask();
