import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../../src/domain/levels';
import { bandTopics, bandWeights, loadTopics, pickTopic, randomTopic, type TopicCatalog, topicsFor } from '../../../src/domain/topics';

/** Drawing a topic: deterministic for an injected random, never the excluded one, harder topics at harder levels. */
const catalog: TopicCatalog = await loadTopics();

/** A deterministic source of [0, 1) numbers (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const inBand = (band: 'basic' | 'intermediate' | 'advanced') => new Set(bandTopics(catalog, band));

describe('pickTopic', () => {
  it('is deterministic for an injected random, and spreads over the list', () => {
    const basic = bandTopics(catalog, 'basic');
    expect(pickTopic(catalog, () => 0, undefined, 'N5')).toBe(basic[0]);
    expect(pickTopic(catalog, () => 0.999999999, undefined, 'N5')).toBe(basic.at(-1));
    const a = seeded(42);
    const b = seeded(42);
    const first = Array.from({ length: 20 }, () => pickTopic(catalog, a));
    expect(Array.from({ length: 20 }, () => pickTopic(catalog, b))).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(15);
  });

  it('never returns the excluded topic, whatever its case, spacing or punctuation', () => {
    const [first, second] = bandTopics(catalog, 'basic');
    expect(pickTopic(catalog, () => 0, first, 'N5')).toBe(second);
    expect(pickTopic(catalog, () => 0, `  ${first!.toUpperCase()}! `, 'N5')).toBe(second);
    expect(pickTopic(catalog, () => 0, 'not a listed topic', 'N5')).toBe(first);
  });

  it('stays in range when random misbehaves (1, negative, NaN)', () => {
    for (const r of [1, -0.5, Number.NaN, 2]) expect(topicsFor(catalog)).toContain(pickTopic(catalog, () => r));
  });

  it('draws beginners only basic topics, and N1 mostly harder ones', () => {
    const random = seeded(3);
    const draws = (level: (typeof LEVELS)[number]) => Array.from({ length: 2000 }, () => pickTopic(catalog, random, undefined, level));
    const basic = inBand('basic');
    expect(draws('N5').every((t) => basic.has(t))).toBe(true);
    expect(draws('Beginner').every((t) => basic.has(t))).toBe(true);
    const n3 = draws('N3');
    expect(n3.some((t) => inBand('intermediate').has(t))).toBe(true);
    expect(n3.some((t) => inBand('advanced').has(t))).toBe(false);
    const n1 = draws('N1');
    const share = n1.filter((t) => inBand('advanced').has(t)).length / n1.length;
    // Weights 1:1:2 give advanced topics half the draws, though they are the fewest in the list.
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.6);
    expect(bandWeights('N2').intermediate).toBeGreaterThan(bandWeights('N2').basic);
  });

  it('property: any random value, excluded topic and level yield a different topic that suits the level', () => {
    const all = topicsFor(catalog);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.nat({ max: all.length - 1 }),
        fc.option(fc.constantFrom(...LEVELS), { nil: undefined }),
        (r, i, level) => {
          const exclude = all[i]!;
          const topic = pickTopic(catalog, () => r, exclude, level);
          expect(topic).not.toBe(exclude);
          expect(topicsFor(catalog, level)).toContain(topic);
        },
      ),
    );
  });

  it('pressing the button twice always changes the topic', async () => {
    const random = seeded(7);
    let topic = await randomTopic(random, undefined, 'N5');
    for (let i = 0; i < 500; i++) {
      const next = await randomTopic(random, topic, 'N5');
      expect(next).not.toBe(topic);
      topic = next;
    }
  });
});
