import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../../src/domain/levels';
import { randomTopic, TOPIC_GROUPS, TOPICS, topicsFor } from '../../../src/domain/topics';

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

describe('topic list', () => {
  it('holds at least 300 topics', () => {
    expect(TOPICS.length).toBeGreaterThanOrEqual(300);
  });

  it('lists every group’s topics, group by group in order', () => {
    // Written out by hand: the first and last topics, and one from each end of the difficulty range.
    expect(TOPICS[0]).toBe('A morning alarm that fails');
    expect(TOPICS.at(-1)).toBe('Trouble parking my bicycle');
    for (const topic of ['Making onigiri for a picnic', 'A day trip to Kyoto', 'The legend of Momotaro', 'A robot that wants friends', 'Who rang the temple bell?']) {
      expect(TOPICS, topic).toContain(topic);
    }
    expect(TOPICS.indexOf('Moving to a new apartment')).toBeLessThan(TOPICS.indexOf('Making onigiri for a picnic'));
    expect(TOPICS.indexOf('A day trip to Kyoto')).toBeLessThan(TOPICS.indexOf('The legend of Momotaro'));
  });

  it('has no duplicates, compared case-insensitively', () => {
    const keys = TOPICS.map((t) => t.toLowerCase());
    const dupes = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(dupes).toEqual([]);
  });

  it('is trimmed, single-spaced and 2–6 words per topic', () => {
    for (const t of TOPICS) {
      expect(t, t).toBe(t.trim());
      expect(t, t).not.toMatch(/\s{2,}/);
      const words = t.split(' ').length;
      expect(words, t).toBeGreaterThanOrEqual(2);
      expect(words, t).toBeLessThanOrEqual(6);
    }
  });

  it('fits the story topic limit and spans many categories', () => {
    expect(Math.max(...TOPICS.map((t) => t.length))).toBeLessThanOrEqual(200);
    expect(TOPIC_GROUPS.length).toBeGreaterThanOrEqual(15);
  });

  it('offers a large pool at every level, easiest topics first for beginners', () => {
    for (const level of LEVELS) expect(topicsFor(level).length, level).toBeGreaterThanOrEqual(150);
    expect(topicsFor('N1')).toEqual(TOPICS);
    expect(topicsFor('Beginner')).toEqual(topicsFor('N5'));
    expect(topicsFor('N5').length).toBeLessThan(topicsFor('N3').length);
    expect(topicsFor('N5')).toContain('A lost cat comes home');
    expect(topicsFor('N5')).not.toContain('The legend of Momotaro');
    expect(topicsFor('N5')).not.toContain('A day trip to Kyoto');
    expect(topicsFor('N3')).toContain('A day trip to Kyoto');
    expect(topicsFor('N3')).not.toContain('A robot that wants friends');
  });
});

describe('randomTopic', () => {
  it('is deterministic for an injected random', () => {
    expect(randomTopic(() => 0)).toBe(TOPICS[0]);
    expect(randomTopic(() => 0.999999)).toBe(TOPICS.at(-1));
    const a = seeded(42);
    const b = seeded(42);
    const first = Array.from({ length: 20 }, () => randomTopic(a));
    expect(Array.from({ length: 20 }, () => randomTopic(b))).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(10);
  });

  it('never returns the excluded topic, whatever its case or spacing', () => {
    const first = TOPICS[0]!;
    expect(randomTopic(() => 0, first)).toBe(TOPICS[1]);
    expect(randomTopic(() => 0, `  ${first.toUpperCase()} `)).toBe(TOPICS[1]);
    expect(randomTopic(() => 0, 'not a listed topic')).toBe(first);
  });

  it('stays in range when random misbehaves (1, negative, NaN)', () => {
    for (const r of [1, -0.5, Number.NaN, 2]) expect(TOPICS).toContain(randomTopic(() => r));
  });

  it('property: any random value and any excluded topic yield a different listed topic', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.nat({ max: TOPICS.length - 1 }),
        fc.option(fc.constantFrom(...LEVELS), { nil: undefined }),
        (r, i, level) => {
          const exclude = TOPICS[i]!;
          const topic = randomTopic(() => r, exclude, level);
          expect(topic).not.toBe(exclude);
          expect(topicsFor(level)).toContain(topic);
        },
      ),
    );
  });

  it('pressing the button twice always changes the topic', () => {
    const random = seeded(7);
    let topic = randomTopic(random);
    for (let i = 0; i < 500; i++) {
      const next = randomTopic(random, topic, 'N5');
      expect(next).not.toBe(topic);
      topic = next;
    }
  });
});
