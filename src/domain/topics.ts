import { type Level, rulesLevel } from './levels';

/**
 * Curated story topics for the generator's "Random topic" button: short English phrases (2–6 words)
 * a learner might ask a story about, grouped by category, and within each category by a rough
 * difficulty band: `basic` topics use everyday words that suit N5–N4 stories; `intermediate` and
 * `advanced` ones need more vocabulary (N3 and up), though any topic can be written at any level.
 *
 * The list itself is a data asset (topics/topics.json, some 1,600 phrases) loaded on the first draw:
 * it is a chunk of its own, so the first route does not carry it, and the service worker precaches
 * it with every other built script, so "Random topic" works offline.
 */
export const TOPIC_BANDS = ['basic', 'intermediate', 'advanced'] as const;
export type TopicBand = (typeof TOPIC_BANDS)[number];

export type TopicCategory = { readonly category: string } & { readonly [B in TopicBand]: readonly string[] };

export interface TopicCatalog {
  readonly categories: readonly TopicCategory[];
}

let loading: Promise<TopicCatalog> | undefined;

/** The topic list, loaded once; a failed load (offline before the chunk was cached) is tried again next time. */
export function loadTopics(): Promise<TopicCatalog> {
  loading ??= import('./topics/topics.json').then(
    (module) => module.default as TopicCatalog,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

interface Band {
  readonly topics: readonly string[];
  /** normalizeTopic of each topic, for the "never the same topic twice" comparison. */
  readonly keys: readonly string[];
}

/** Flattened once per catalog: a draw then costs one scan for the excluded topic, not 1,600 regexes. */
const prepared = new WeakMap<TopicCatalog, Readonly<Record<TopicBand, Band>>>();

function bandsOf(catalog: TopicCatalog): Readonly<Record<TopicBand, Band>> {
  let bands = prepared.get(catalog);
  if (!bands) {
    const band = (b: TopicBand): Band => {
      const topics = catalog.categories.flatMap((c) => c[b]);
      return { topics, keys: topics.map(normalizeTopic) };
    };
    bands = { basic: band('basic'), intermediate: band('intermediate'), advanced: band('advanced') };
    prepared.set(catalog, bands);
  }
  return bands;
}

/** Every topic of one band, in category order. */
export function bandTopics(catalog: TopicCatalog, band: TopicBand): readonly string[] {
  return bandsOf(catalog)[band].topics;
}

/** Every topic, band by band (basic first), each band in category order. */
export function allTopics(catalog: TopicCatalog): readonly string[] {
  return TOPIC_BANDS.flatMap((band) => bandTopics(catalog, band));
}

/**
 * How often each band is drawn at a level. N5/N4 (and Beginner) draw only basic topics, N3 adds
 * intermediate ones; N2 and N1 draw from every band but lean towards the harder ones, which a
 * uniform draw over all topics would not (basic ones are the most numerous).
 */
export function bandWeights(level: Level | undefined): Readonly<Record<TopicBand, number>> {
  if (!level) return { basic: 1, intermediate: 1, advanced: 1 };
  switch (rulesLevel(level)) {
    case 'N5':
    case 'N4':
      return { basic: 1, intermediate: 0, advanced: 0 };
    case 'N3':
      return { basic: 1, intermediate: 1, advanced: 0 };
    case 'N2':
      return { basic: 1, intermediate: 2, advanced: 1 };
    default:
      return { basic: 1, intermediate: 1, advanced: 2 };
  }
}

/** The topics that suit a level: those of every band it draws from (all of them without a level). */
export function topicsFor(catalog: TopicCatalog, level?: Level): readonly string[] {
  const weights = bandWeights(level);
  return TOPIC_BANDS.filter((band) => weights[band] > 0).flatMap((band) => bandTopics(catalog, band));
}

/** Case, spacing and punctuation do not make a different topic ("A Lost Cat!" is "a lost cat"). */
export function normalizeTopic(topic: string): string {
  return topic
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A topic drawn with `random` (a function returning [0, 1), like Math.random), one call per draw:
 * the number picks a band by the level's weights, then a topic within it. Never returns `exclude`
 * (compared as normalizeTopic does), so pressing "Random topic" twice always changes the field.
 */
export function pickTopic(catalog: TopicCatalog, random: () => number = Math.random, exclude?: string, level?: Level): string {
  const excluded = exclude === undefined ? undefined : normalizeTopic(exclude);
  const weights = bandWeights(level);
  const bands = bandsOf(catalog);
  const pools = TOPIC_BANDS.map((band) => {
    const { topics, keys } = bands[band];
    const skip = excluded === undefined ? -1 : keys.indexOf(excluded);
    return { weight: weights[band], topics, skip, size: topics.length - (skip === -1 ? 0 : 1) };
  }).filter((p) => p.weight > 0 && p.size > 0);
  const total = pools.reduce((sum, p) => sum + p.weight, 0);
  const raw = random();
  const r = Math.min(1 - Number.EPSILON, Math.max(0, Number.isFinite(raw) ? raw : 0)) * total;
  let start = 0;
  for (const pool of pools) {
    if (r < start + pool.weight || pool === pools.at(-1)) {
      const within = Math.min(1 - Number.EPSILON, Math.max(0, (r - start) / pool.weight));
      const index = Math.floor(within * pool.size);
      // Indexes from the excluded topic on shift by one, so it is never drawn and its neighbours are not favoured.
      return pool.topics[pool.skip !== -1 && index >= pool.skip ? index + 1 : index]!;
    }
    start += pool.weight;
  }
  throw new Error('The topic list is empty');
}

/** `pickTopic` over the topic list, loading it on first use. */
export async function randomTopic(random: () => number = Math.random, exclude?: string, level?: Level): Promise<string> {
  return pickTopic(await loadTopics(), random, exclude, level);
}
