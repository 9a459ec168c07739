import { parseArgs } from 'node:util';
import { startAppServer } from '../../tests/support/app-server';
import { launchBrowser } from '../../tests/support/browser';
import buildDist from '../../tests/support/e2e-global-setup';
import { startFakeGemini } from '../../tests/support/fake-gemini';
import { type Soak, summarise, type Trial } from './harness';
import { LOOPS } from './loops';

/**
 * `npm run soak [-- --trials N] [--only name,name] [--max-minutes M]`: builds the production bundle
 * and runs each loop N times (default 20) in headless Chromium against the fake Gemini, everything
 * on loopback. Prints one JSON line per loop:
 *   {"name","trials","completed","lost","duplicated","completedWithoutReopen","medianResumeMs"}
 * Bounded: each trial has a time limit (a hung one counts as lost), and once the whole run passes
 * --max-minutes (default 20) the remaining trials are skipped (the line shows how many ran).
 * Exit code 1 when any trial lost or duplicated a job. Not part of `npm test`.
 */
const TRIAL_LIMIT_MS = 90_000;

const { values } = parseArgs({
  options: { trials: { type: 'string', default: '20' }, only: { type: 'string' }, 'max-minutes': { type: 'string', default: '20' } },
});
const trials = Number(values.trials);
const maxMs = Number(values['max-minutes']) * 60_000;
if (!Number.isInteger(trials) || trials < 1 || trials > 500) throw new Error(`--trials must be an integer in 1..500, got ${values.trials}`);
if (!(maxMs > 0)) throw new Error(`--max-minutes must be positive, got ${values['max-minutes']}`);
const only = values.only?.split(',').filter(Boolean);
const unknown = only?.filter((name) => !LOOPS.some((l) => l.name === name)) ?? [];
if (unknown.length > 0) throw new Error(`Unknown loop(s) ${unknown.join(', ')}; choose from ${LOOPS.map((l) => l.name).join(', ')}`);

const lostTrial: Trial = { completed: false, duplicated: false, completedWithoutReopen: false, resumeMs: null };

/** One trial under a time limit; a trial that throws or hangs counts as lost, with its reason on stderr. */
async function bounded(run: () => Promise<Trial>, label: string): Promise<Trial> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`over ${TRIAL_LIMIT_MS} ms`)), TRIAL_LIMIT_MS);
  });
  try {
    return await Promise.race([run(), limit]);
  } catch (error) {
    console.error(`${label}: ${error instanceof Error ? error.message : String(error)}`);
    return lostTrial;
  } finally {
    clearTimeout(timer);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  buildDist();
  const soak: Soak = { browser: await launchBrowser(), server: await startAppServer(), gemini: await startFakeGemini({ streamChunkDelayMs: 5 }) };
  let bad = 0;
  try {
    for (const loop of LOOPS.filter((l) => only === undefined || only.includes(l.name))) {
      const results: Trial[] = [];
      for (let i = 0; i < trials && Date.now() - started < maxMs; i++) {
        soak.gemini.reset();
        results.push(await bounded(() => loop.trial(soak, i), `${loop.name} #${i + 1}`));
      }
      const summary = summarise(loop.name, results);
      bad += summary.lost + summary.duplicated;
      console.log(JSON.stringify(summary));
    }
  } finally {
    await soak.browser.close();
    await soak.server.close();
    await soak.gemini.close();
  }
  console.error(`soak: ${Math.round((Date.now() - started) / 1000)} s`);
  if (bad > 0) process.exitCode = 1;
}

await main();
