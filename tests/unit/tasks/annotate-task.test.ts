import { describe, expect, it } from 'vitest';
import { checkpointTokens, chunksToAsk } from '../../../src/tasks/annotate-task';

/** What a resumed annotate job trusts from its checkpoint, and what it asks for again. */
const story = {
  content: [{ jp: '雨が降っています。' }, { jp: '傘を持って出かけます。' }, { jp: 'ねこ。' }].map((s) => ({ ...s, readings: [], en: '', vocab: [] })),
};

describe('the annotate checkpoint', () => {
  it('keeps sentences whose tokens still spell them out, and drops the rest to be asked again', () => {
    const checkpoint = {
      tokens: {
        0: [{ surface: '雨', reading: 'あめ' }, { surface: 'が' }, { surface: '降っています' }, { surface: '。' }],
        // The story was edited since: these no longer add up.
        1: [{ surface: '傘を持って行きます。' }],
        // Kept as "no tokens" (they could not be made to fit): not paid for again.
        2: null,
        // Past the last sentence, and junk.
        7: [{ surface: 'x' }],
        x: 'junk',
      },
      done: 4,
      total: 3,
    };
    const done = checkpointTokens(checkpoint, story);
    expect([...done.keys()].sort()).toEqual([0, 2]);
    expect(done.get(0)?.[0]).toEqual({ surface: '雨', reading: 'あめ' });
    expect(chunksToAsk(story, done)).toEqual([[{ id: 1, jp: '傘を持って出かけます。' }]]);
  });

  it('reads nothing from a checkpoint of another shape (an older or newer version)', () => {
    for (const junk of [null, 3, 'done', { done: 2 }, { tokens: 'x' }]) expect(checkpointTokens(junk, story).size).toBe(0);
  });

  it('asks for the missing sentences in chunks of the given size, in order', () => {
    const long = { content: Array.from({ length: 25 }, (_, i) => ({ jp: `文${i}。`, readings: [], en: '', vocab: [] })) };
    const chunks = chunksToAsk(long, new Map([[3, null]]), 12);
    expect(chunks.map((c) => c.length)).toEqual([12, 12]);
    expect(chunks[0]?.[3]).toEqual({ id: 4, jp: '文4。' });
    expect(chunks[1]?.at(-1)).toEqual({ id: 24, jp: '文24。' });
  });
});
