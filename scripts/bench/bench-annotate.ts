import 'fake-indexeddb/auto';
import { encodeToken } from '../../src/ai/annotate-codec';
import { getAnnotation } from '../../src/db/annotations-repo';
import { getDb } from '../../src/db/database';
import { setApiKey } from '../../src/db/secrets-repo';
import { saveSettings } from '../../src/db/settings-repo';
import { putStories } from '../../src/db/stories-repo';
import type { Token } from '../../src/domain/tokens';
import { enqueue } from '../../src/jobs/enqueue';
import { inProcessLockProvider } from '../../src/jobs/lock';
import { runQueue } from '../../src/jobs/runner';
import { taskHandlers } from '../../src/tasks/handlers';
import { fixtureSentences, startFakeGemini } from '../../tests/support/fake-gemini';
import { makeStory } from '../../tests/support/fixtures/library';
import type { BenchContext, BenchResult } from './types';

/**
 * The annotate job (issue 13) for a 20-sentence story against the fake Gemini answering each
 * request in CALL_MS: how many requests it makes, the bytes sent and received, and the wall time
 * from enqueue to the stored annotation. It runs the real engine and handler in Node (on
 * fake-indexeddb), like the integration tests: the job's cost is its requests, not the page.
 * For context, the model's answer text, and the size the same words would take as one JSON
 * object per token (what the compact tuples save).
 */

const SENTENCES = 20;
const CALL_MS = 1_000;

export async function benchAnnotate(_ctx: BenchContext): Promise<BenchResult[]> {
  const gemini = await startFakeGemini();
  try {
    gemini.setLatency(CALL_MS);
    await saveSettings({ geminiBaseUrl: gemini.url });
    await setApiKey(gemini.apiKey);
    const story = makeStory(1, { id: crypto.randomUUID(), content: fixtureSentences(SENTENCES) });
    await putStories([story]);

    const start = Date.now();
    const job = await enqueue('annotate', { storyId: story.id });
    await runQueue({ owner: 'bench', handlers: taskHandlers(), isOnline: () => true, lock: inProcessLockProvider() });
    const wallMs = Date.now() - start;

    const done = await getDb().jobs.get(job.id);
    const annotation = await getAnnotation(story.id);
    if (done?.status !== 'completed' || !annotation) throw new Error(`the annotate job ended ${done?.status}: ${done?.error?.message ?? 'no annotation'}`);
    const calls = gemini.calls.filter((c) => c.kind === 'generate');
    const requestBytes = calls.reduce((n, c) => n + (c.requestBytes ?? 0), 0);
    const responseBytes = calls.reduce((n, c) => n + (c.responseBytes ?? 0), 0);
    // The model's answer text in the compact tuples, and the same words as one object per token.
    const answer = (encode: (t: Token) => unknown) =>
      Buffer.byteLength(JSON.stringify({ sentences: annotation.segments.map((tokens, id) => ({ id, tokens: (tokens ?? []).map(encode) })) }));
    const name = `annotate-${SENTENCES}-sentences`;
    return [
      { name: `${name}-requests`, value: calls.length, unit: 'requests', budget: 2, better: 'lower' },
      { name: `${name}-request-bytes`, value: requestBytes, unit: 'bytes', budget: null, better: 'lower' },
      { name: `${name}-response-bytes`, value: responseBytes, unit: 'bytes', budget: null, better: 'lower' },
      { name: `${name}-answer-text-bytes`, value: answer(encodeToken), unit: 'bytes', budget: null, better: 'lower' },
      { name: `${name}-answer-as-json-objects-bytes`, value: answer((t) => t), unit: 'bytes', budget: null, better: 'lower' },
      { name: `${name}-wall-at-${CALL_MS}ms-per-call`, value: wallMs, unit: 'ms', budget: null, better: 'lower' },
    ];
  } finally {
    await gemini.close();
  }
}
