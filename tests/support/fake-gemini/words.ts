import { STORY_N3 } from './story-n3';
import { STORY_N5 } from './story-n5';
import type { RequestBody } from './types';

/**
 * The fake's answers to the app's annotate and explain requests (issue 13). Recognised by what the
 * app sends — a response schema with a `sentences` array of token tuples, a <sentence> block with a
 * plain-text answer — and answered from the sentences in the request itself, so the tokens always
 * add up to the sentences asked about. Written without the app's own code, on purpose: a fake
 * typed by the client it tests would hide a mismatch between the two.
 */

/** Readings and meanings the story fixtures know: a kanji word the fixtures read gets its reading. */
const READINGS = new Map<string, string>();
const GLOSSES = new Map<string, string>();
for (const story of [STORY_N5, STORY_N3]) {
  for (const segment of story.content) {
    for (const r of segment.readings) READINGS.set(r.text, r.reading);
    for (const v of segment.vocab) GLOSSES.set(v.word, v.meaning);
  }
}
let longestReading = Math.max(...[...READINGS.keys()].map((k) => k.length));

/**
 * A word the fake itself wrote into a story (a learning word, stories.ts): from then on its
 * tokenizer reads it as that word, as a model reads back its own words. A fixture word keeps its
 * fixture reading, so the fixtures' tokens never change.
 */
export function learnReading(text: string, reading: string): void {
  if (READINGS.has(text) || text === '') return;
  READINGS.set(text, reading);
  longestReading = Math.max(longestReading, text.length);
}

const PARTICLES: Readonly<Record<string, string>> = {
  は: 'topic marker',
  が: 'subject marker',
  を: 'object marker',
  に: 'at, to',
  で: 'at, by means of',
  と: 'and, with',
  へ: 'towards',
  も: 'also',
  の: 'possessive',
};

const HAN = /[\p{Script=Han}々]/u;
const HIRAGANA = /\p{Script=Hiragana}/u;
const KATAKANA = /[\p{Script=Katakana}ー]/u;

type Tuple = string[];

/** The tuple with trailing empty fields left out, as the app asks the model to write it. */
const tuple = (...fields: string[]): Tuple => {
  const out = [...fields];
  while (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out;
};

/** A run of the same script starting at `at`. */
function runAt(chars: readonly string[], at: number, script: RegExp): string {
  let end = at;
  while (end < chars.length && script.test(chars[end]!)) end++;
  return chars.slice(at, end).join('');
}

/** A deterministic splitter: fixture words first (longest match), then runs of kanji, kana or single marks. */
export function fakeTokens(jp: string): Tuple[] {
  const chars = Array.from(jp);
  const out: Tuple[] = [];
  let i = 0;
  while (i < chars.length) {
    const known = knownWordAt(chars, i);
    if (known) {
      out.push(tuple(known, READINGS.get(known) ?? '', '', '', 'noun', GLOSSES.get(known) ?? ''));
      i += Array.from(known).length;
      continue;
    }
    const c = chars[i]!;
    if (HAN.test(c)) {
      const run = runAt(chars, i, HAN);
      out.push(tuple(run, '', '', '', 'noun', GLOSSES.get(run) ?? ''));
      i += Array.from(run).length;
    } else if (HIRAGANA.test(c)) {
      const run = runAt(chars, i, HIRAGANA);
      const last = run.slice(-1);
      if (run.length > 1 && PARTICLES[last]) out.push(tuple(run.slice(0, -1), '', '', '', 'auxiliary'), tuple(last, '', '', '', 'particle', PARTICLES[last]));
      else out.push(PARTICLES[run] ? tuple(run, '', '', '', 'particle', PARTICLES[run]) : tuple(run, '', '', '', 'auxiliary'));
      i += run.length;
    } else if (KATAKANA.test(c)) {
      const run = runAt(chars, i, KATAKANA);
      out.push(tuple(run, '', '', '', 'noun'));
      i += run.length;
    } else {
      out.push(tuple(c, '', '', '', 'punctuation'));
      i += 1;
    }
  }
  return out;
}

function knownWordAt(chars: readonly string[], at: number): string | undefined {
  for (let n = Math.min(longestReading, chars.length - at); n > 0; n--) {
    const word = chars.slice(at, at + n).join('');
    if (READINGS.has(word)) return word;
  }
  return undefined;
}

/** The app's annotate request: a response schema whose top level is a `sentences` list. */
export function isAnnotateRequest(body: RequestBody | null): boolean {
  const schema = body?.generationConfig?.responseSchema as { properties?: Record<string, unknown> } | undefined;
  return schema?.properties?.sentences !== undefined;
}

/** The app's explain request: one sentence inside <sentence> tags, answered as plain text. */
export function isExplainRequest(body: RequestBody | null, prompt: string): boolean {
  return body?.generationConfig?.responseMimeType === 'text/plain' && /<sentence>[\s\S]*<\/sentence>/.test(prompt);
}

/** The sentences of an annotate request: one JSON object per line inside <sentences> tags. */
export function sentencesInPrompt(prompt: string): { id: number; jp: string }[] {
  const block = /<sentences>\n([\s\S]*?)\n<\/sentences>/.exec(prompt)?.[1] ?? '';
  return block
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { id: number; jp: string });
}

export function annotateAnswer(prompt: string): string {
  return JSON.stringify({ sentences: sentencesInPrompt(prompt).map((s) => ({ id: s.id, tokens: fakeTokens(s.jp) })) });
}

/** A teacher's note on the sentence sent: what its particles do, and any polite past undone. */
export function explainAnswer(prompt: string): string {
  const raw = /Japanese: (".*")/.exec(prompt)?.[1];
  const jp = raw ? (JSON.parse(raw) as string) : '';
  const lines = [`「${jp}」 is a plain statement in the polite style.`];
  const particles = Object.entries(PARTICLES).filter(([p]) => jp.includes(p));
  for (const [particle, role] of particles) lines.push(`- ${particle}: ${role}.`);
  if (jp.includes('ました')) lines.push('- ～ました is the polite past of a verb: 起きました → 起きる (to get up).');
  return lines.join('\n');
}
