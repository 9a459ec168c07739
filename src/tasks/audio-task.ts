import { type SpeechResult, type SynthesizeOptions, synthesizeSentence } from '../ai/tts';
import { mediaIndexes } from '../db/media-repo';
import { countOf } from '../domain/format';
import { estimateNarrationBytes, narrationPlan } from '../domain/media-plan';
import { parallelLimit } from '../domain/settings-options';
import type { TaskHandler, TaskOutcome } from '../jobs/registry';
import { geminiTarget } from './gemini-target';
import { commitMediaSummary, requireStory, storeMediaStep } from './media-step';
import { runMediaSteps } from './media-steps';
import { type StepCheckpoint, withFinished } from './step-checkpoint';
import { browserEstimate, type EstimateFn } from './storage-check';

/**
 * `audio` jobs: narrate a story sentence by sentence (one TTS call per segment, a few at a time),
 * each sentence's WAV stored as soon as it arrives, together with the checkpoint (media-steps.ts).
 * A resumed job — after a crash, a killed worker, a transient error — asks only for the sentences
 * not stored yet, so a worker killed mid-call costs at most the sentences that were in flight.
 *
 * Before the first call it checks the space left (storage-check.ts); a full disk mid-way fails the
 * job permanently and keeps the sentences already stored.
 */

export interface NarrationCheckpoint extends StepCheckpoint {
  /** The voice the first sentences were read with; the rest keep it even if Settings changed. */
  voice: string;
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
      const stored = await mediaIndexes(storyId, 'audio');
      const todo = narrationPlan(story, new Set(stored));
      await runMediaSteps(
        ctx,
        {
          total,
          todo,
          label: (done, total) => `${done} / ${countOf(total, 'sentence')}`,
          noun: 'sentences',
          prepare: async () => {
            const { target, settings } = await geminiTarget((s) => s.ttsModel);
            const voice = ctx.job.params.voice ?? checkpointVoice(ctx.job.checkpoint) ?? settings.voice;
            const texts = new Map(todo.map((i) => [i, story.content[i]?.jp ?? '']));
            return {
              neededBytes: estimateNarrationBytes([...texts.values()]),
              what: `narrating ${todo.length} sentences`,
              parallel: parallelLimit(settings.parallelRequests),
              produce: async (index) => {
                const speech = await synthesize({ ...target, voice, text: texts.get(index) ?? '', signal: ctx.signal });
                return { kind: 'audio', index, blob: speech.blob, bytes: speech.bytes };
              },
              checkpoint: (current, index): NarrationCheckpoint => ({ voice, ...withFinished(current, stored, index, total) }),
            };
          },
        },
        { estimate, store },
      );
      const outcome: TaskOutcome = {
        result: { storyId, sentences: total },
        tables: ['stories', 'media'],
        commit: (tx) => commitMediaSummary(tx, 'audio', storyId),
      };
      return outcome;
    },
  };
}

export const audioTask = createAudioTask();
