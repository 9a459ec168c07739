import { describe, expect, it } from 'vitest';
import { type ActiveState, activity, type Credit, IDLE_CAP_MS, settle, startActive, visibility } from '../../../src/domain/reading-habit-active';

/** Runs events through the state machine and adds up the credited milliseconds. */
function run(events: Array<[kind: 'act' | 'settle' | 'hide' | 'show', at: number]>, start = 0): { ms: number; credits: Credit[] } {
  let state: ActiveState = startActive(start, true);
  const credits: Credit[] = [];
  for (const [kind, at] of events) {
    const step = kind === 'act' ? activity(state, at) : kind === 'settle' ? settle(state, at) : visibility(state, at, kind === 'show');
    state = step.state;
    if (step.credit) credits.push(step.credit);
  }
  return { ms: credits.reduce((sum, c) => sum + c.to - c.from, 0), credits };
}

describe('active reading time', () => {
  it('counts the time between activities while the learner keeps acting', () => {
    expect(run([['act', 20_000], ['act', 45_000], ['act', 90_000]]).ms).toBe(90_000);
  });

  it('counts only the cap of a gap longer than the idle cap', () => {
    expect(run([['act', 10_000], ['act', 10_000 + 5 * 60_000]]).ms).toBe(10_000 + IDLE_CAP_MS);
  });

  it('credits a flush up to now, and after the cap nothing more until the learner acts again', () => {
    expect(run([['settle', 30_000]]).ms).toBe(30_000);
    expect(run([['settle', 30_000], ['settle', 50_000], ['settle', 10 * 60_000]]).ms).toBe(IDLE_CAP_MS);
    // Flushes in between never credit the same time twice.
    expect(run([['settle', 15_000], ['act', 20_000], ['settle', 35_000], ['act', 40_000]]).ms).toBe(40_000);
  });

  it('never counts hidden time, and coming back starts a fresh count', () => {
    const r = run([['act', 10_000], ['hide', 25_000], ['act', 60_000], ['settle', 10 * 60_000], ['show', 20 * 60_000], ['act', 20 * 60_000 + 30_000]]);
    expect(r.ms).toBe(25_000 + 30_000);
  });

  it('credits nothing when the clock jumps backwards', () => {
    expect(run([['act', 30_000], ['act', 10_000], ['act', 20_000]]).ms).toBe(30_000 + 10_000);
  });
});
