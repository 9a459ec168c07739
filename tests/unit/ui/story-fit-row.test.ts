import { describe, expect, it } from 'vitest';
import { buildJobRow } from '../../../src/jobs/enqueue';
import { askedToFit } from '../../../src/ui/queue/describe-job';

/** Which Queue rows carry the "Used k of your n learning words · NN % known for you" line (issue 14). */
const request = { topic: 'a rainy day', level: 'N5', length: 'short' } as const;
const done = <T extends object>(row: T) => ({ ...row, status: 'completed' as const });

describe('askedToFit', () => {
  it('is true for a finished story that asked for learning words or a known-words target', () => {
    expect(askedToFit(done(buildJobRow('story', { ...request, learningWords: [{ base: '猫', reading: 'ねこ' }] })))).toBe(true);
    expect(askedToFit(done(buildJobRow('story', { ...request, knownTarget: 0.98 })))).toBe(true);
  });

  it('is false for a plain request, one still running, and other jobs', () => {
    expect(askedToFit(done(buildJobRow('story', request)))).toBe(false);
    expect(askedToFit(done(buildJobRow('story', { ...request, learningWords: [] })))).toBe(false);
    expect(askedToFit(buildJobRow('story', { ...request, knownTarget: 0.9 }))).toBe(false);
    expect(askedToFit(done(buildJobRow('annotate', { storyId: crypto.randomUUID() })))).toBe(false);
  });
});
