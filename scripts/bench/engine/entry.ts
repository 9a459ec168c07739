import { NihongoDb, setDbForTests } from '../../../src/db/database';
import { buildJobRow, insertJobs } from '../../../src/jobs/enqueue';
import { runQueue } from '../../../src/jobs/runner';

/**
 * The real job engine in Chromium's IndexedDB with a no-op handler: what the queue itself costs per
 * job (claim transaction, lease, completion transaction), apart from any Gemini call.
 */
async function benchEngine(n: number): Promise<{ ran: number; ms: number }> {
  const db = new NihongoDb(`bench-engine-${crypto.randomUUID()}`);
  setDbForTests(db);
  await db.open();
  const rows = Array.from({ length: n }, (_, i) => buildJobRow('story', { topic: `topic ${i}`, level: 'N5', length: 'short' }));
  await insertJobs(rows);
  const t0 = performance.now();
  const result = await runQueue({
    owner: 'bench',
    handlers: [{ type: 'story', run: async () => ({}) }],
    isOnline: () => true,
  });
  const ms = performance.now() - t0;
  await db.delete();
  return { ran: result.ran, ms };
}

(window as unknown as { benchEngine: typeof benchEngine }).benchEngine = benchEngine;
document.title = 'ready';
