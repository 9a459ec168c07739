import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type AnkiCard, ankiField, ankiFile } from '../../../src/domain/anki-export';

/**
 * The Anki file against a hand-checked golden file, and read back by a parser written from Anki's
 * documented import rules (not from the writer): `#key:value` header lines first; then records of
 * tab-separated fields, where a field in double quotes may hold tabs and line breaks and writes a
 * quote as two; a line starting with `#` outside quotes is a comment.
 */
function parseAnkiText(text: string): { headers: Map<string, string>; records: string[][] } {
  const headers = new Map<string, string>();
  let rest = text;
  for (let line = /^#([^\n:]+):([^\n]*)\n/.exec(rest); line; line = /^#([^\n:]+):([^\n]*)\n/.exec(rest)) {
    headers.set(line[1] ?? '', line[2] ?? '');
    rest = rest.slice(line[0].length);
  }
  const records: string[][] = [];
  let i = 0;
  while (i < rest.length) {
    if (rest[i] === '#') throw new Error(`a record would be read as a comment at ${i}`);
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (rest[i] === '"') {
        i += 1;
        for (;;) {
          if (i >= rest.length) throw new Error('unclosed quote');
          if (rest[i] === '"' && rest[i + 1] === '"') { field += '"'; i += 2; }
          else if (rest[i] === '"') { i += 1; break; }
          else { field += rest[i]; i += 1; }
        }
      } else {
        while (i < rest.length && rest[i] !== '\t' && rest[i] !== '\n') {
          if (rest[i] === '"') throw new Error(`a bare quote inside an unquoted field at ${i}`);
          field += rest[i]; i += 1;
        }
      }
      record.push(field);
      if (rest[i] === '\t') { i += 1; continue; }
      if (rest[i] === '\n' || i >= rest.length) { i += 1; break; }
      throw new Error(`text after a closing quote at ${i}`);
    }
    records.push(record);
  }
  return { headers, records };
}

const card = (over: Partial<AnkiCard>): AnkiCard => ({
  key: '', word: '', reading: '', meaning: '', sentence: '', tokens: [], wordToken: -1, readings: [], translation: '', storyTitle: '', level: '', ...over,
});

const CARDS: AnkiCard[] = [
  card({
    key: '猫|ねこ', word: '猫', reading: 'ねこ', meaning: 'cat', sentence: '猫が好きです。',
    tokens: [{ surface: '猫', reading: 'ねこ' }, { surface: 'が' }, { surface: '好き', reading: 'すき' }, { surface: 'です' }, { surface: '。' }],
    wordToken: 0, translation: 'I like "cats".', storyTitle: '猫の話', level: 'N5',
  }),
  card({
    key: '食べる|たべる', word: '食べる', reading: 'たべる', meaning: 'to eat <food> & drink', sentence: 'パンを食べました。',
    readings: [{ text: '食', reading: 'た' }], translation: 'I ate\tbread.\nThen I slept.', storyTitle: 'パンの朝', level: 'Beginner',
  }),
  card({ key: '学校|がっこう', word: '学校', reading: 'がっこう' }),
];

describe('Anki export file', () => {
  it('is byte for byte the hand-checked golden file', () => {
    const golden = readFileSync(new URL('../../fixtures/anki/learning-words.txt', import.meta.url), 'utf8');
    expect(ankiFile(CARDS)).toBe(golden);
  });

  it('says everything Anki needs in its headers, so nothing is mapped by hand', () => {
    const { headers } = parseAnkiText(ankiFile(CARDS));
    expect(Object.fromEntries(headers)).toEqual({ separator: 'tab', html: 'true', notetype: 'Basic', deck: 'Nihongo Monogatari', 'tags column': '3' });
  });

  it('gives every card exactly front, back and tags, with tabs, line breaks and quotes read back intact', () => {
    const { records } = parseAnkiText(ankiFile(CARDS));
    expect(records).toHaveLength(3);
    for (const r of records) expect(r).toHaveLength(3);
    expect(records[0]?.[1]).toContain('I like "cats".');
    expect(records[1]?.[1]).toContain('I ate\tbread.\nThen I slept.');
    expect(records.map((r) => r[2])).toEqual(['nihongo-monogatari N5', 'nihongo-monogatari Beginner', 'nihongo-monogatari']);
  });

  it('round-trips any awkward field text', () => {
    const samples = ['plain', 'a\tb', 'line\nbreak', 'cr\r\nlf', '"quoted"', '""', '#not a comment', 'end"', '\t', ''];
    const text = `${samples.map((s) => [ankiField(s), ankiField(s), 'tag'].join('\t')).join('\n')}\n`;
    const { records } = parseAnkiText(text);
    expect(records.map((r) => r[0])).toEqual(samples);
    for (const r of records) expect(r).toHaveLength(3);
  });

  it('keeps the front the same for a word however often it is exported', () => {
    const again = ankiFile([{ ...CARDS[0] as AnkiCard, meaning: 'a cat, changed' }]);
    expect(parseAnkiText(again).records[0]?.[0]).toBe(parseAnkiText(ankiFile(CARDS)).records[0]?.[0]);
  });

  it('writes story text as text, never as markup', () => {
    const { records } = parseAnkiText(ankiFile([card({ word: '<i>', sentence: 'a<i>&b', storyTitle: '<script>' })]));
    expect(records[0]?.[0]).toBe('a<b>&lt;i&gt;</b>&amp;b');
    expect(records[0]?.[1]).toBe('&lt;i&gt;<br>a&lt;i&gt;&amp;b<br><small>&lt;script&gt;</small>');
  });
});
