import { describe, expect, it } from 'vitest';
import { allTopics, bandTopics, loadTopics, normalizeTopic, TOPIC_BANDS, type TopicCatalog, topicsFor } from '../../../src/domain/topics';

/**
 * The curated topic list (src/domain/topics/topics.json): size, shape and no repeats. A repeat is a
 * topic equal to another after normalising case and punctuation, or one made of the same content
 * words ("A cat in the rain" / "The cat and the rain"): drawing either would feel like a repeat.
 */
const catalog: TopicCatalog = await loadTopics();
const topics = allTopics(catalog);

/** Words that carry no topic of their own: articles, pronouns, prepositions, linking verbs. */
const STOP_WORDS = new Set(
  ('a an the and or but of in on at to for from with without by about into onto over under after before ' +
    'during than then as is are was were be been being it its this that these those my your his her our their ' +
    'me you him them we they i who what which when where how why s all every some no not one first new old ' +
    'very so too up down out off again just day time').split(' '),
);

/** The content words of a topic, singular (a trailing "s" dropped), as a sorted set. */
function contentKey(topic: string): string {
  const words = normalizeTopic(topic)
    .split(' ')
    .filter((w) => w && !STOP_WORDS.has(w))
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
  return [...new Set(words)].sort().join(' ');
}

/** Groups of topics that share a key; any group of two or more is a repeat. */
function repeats(key: (t: string) => string): string[][] {
  const groups = new Map<string, string[]>();
  for (const t of topics) groups.set(key(t), [...(groups.get(key(t)) ?? []), t]);
  return [...groups.values()].filter((g) => g.length > 1);
}

describe('topic list', () => {
  it('holds more topics than the older app (1,655) in at least 15 categories, at least 300 per band', () => {
    expect(topics.length).toBeGreaterThan(1655);
    expect(catalog.categories.length).toBeGreaterThanOrEqual(15);
    for (const band of TOPIC_BANDS) expect(bandTopics(catalog, band).length, band).toBeGreaterThanOrEqual(300);
  });

  it('gives every category topics in every band, and a fair share of the list', () => {
    for (const c of catalog.categories) {
      for (const band of TOPIC_BANDS) expect(c[band].length, `${c.category} ${band}`).toBeGreaterThanOrEqual(10);
      const size = TOPIC_BANDS.reduce((n, band) => n + c[band].length, 0);
      expect(size, c.category).toBeGreaterThanOrEqual(50);
    }
    const names = catalog.categories.map((c) => normalizeTopic(c.category));
    expect(new Set(names).size).toBe(names.length);
  });

  it('has no duplicates once case and punctuation are normalised', () => {
    expect(repeats(normalizeTopic)).toEqual([]);
  });

  it('has no near-duplicates: no two topics share all their content words', () => {
    expect(topics.filter((t) => contentKey(t) === ''), 'topics with no content word').toEqual([]);
    expect(repeats(contentKey)).toEqual([]);
  });

  it('the repeat checks catch what they are meant to', () => {
    expect(normalizeTopic('  Who ate the last pudding?! ')).toBe(normalizeTopic('who ate the LAST pudding'));
    expect(contentKey('A cat in the rain')).toBe(contentKey('The cats and the rain'));
    expect(contentKey('A cat in the rain')).not.toBe(contentKey('A cat in the snow'));
  });

  it('is trimmed, single-spaced, 2–6 words, under the topic limit, plain text', () => {
    for (const t of topics) {
      expect(t, t).toBe(t.trim());
      expect(t, t).not.toMatch(/\s{2,}|[<>{}\\]|https?:/);
      const words = t.split(' ').length;
      expect(words, t).toBeGreaterThanOrEqual(2);
      expect(words, t).toBeLessThanOrEqual(6);
      expect(t.length, t).toBeLessThanOrEqual(60);
    }
  });

  it('offers a large pool at every level, only basic topics for beginners', () => {
    const basic = bandTopics(catalog, 'basic');
    expect(topicsFor(catalog, 'N5')).toEqual(basic);
    expect(topicsFor(catalog, 'N4')).toEqual(basic);
    expect(topicsFor(catalog, 'Beginner')).toEqual(basic);
    expect(topicsFor(catalog, 'N3')).toEqual([...basic, ...bandTopics(catalog, 'intermediate')]);
    expect(topicsFor(catalog, 'N1')).toEqual(topics);
    expect(topicsFor(catalog)).toEqual(topics);
    expect(basic).toContain('A lost cat comes home');
    expect(bandTopics(catalog, 'intermediate')).toContain('A day trip to Kyoto');
    expect(bandTopics(catalog, 'advanced')).toContain('The legend of Momotaro');
    expect(bandTopics(catalog, 'advanced')).toContain('A robot that wants friends');
  });
});
