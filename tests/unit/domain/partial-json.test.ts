import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePartialJson } from '../../../src/domain/partial-json';

/** True when `small` is `big` with members left off its end (objects: a subset of keys, values alike). */
function growsInto(small: unknown, big: unknown): boolean {
  if (small === undefined) return true;
  if (Array.isArray(small)) {
    if (!Array.isArray(big) || small.length > big.length) return false;
    // Only the last element may still be growing; every earlier one is final.
    return small.every((v, i) => (i === small.length - 1 ? growsInto(v, big[i]) : JSON.stringify(v) === JSON.stringify(big[i])));
  }
  if (typeof small === 'object' && small !== null) {
    if (typeof big !== 'object' || big === null || Array.isArray(big)) return false;
    return Object.entries(small).every(([k, v]) => Object.hasOwn(big, k) && growsInto(v, (big as Record<string, unknown>)[k]));
  }
  return Object.is(small, big);
}

describe('parsePartialJson', () => {
  it('reads complete JSON exactly as JSON.parse does', () => {
    fc.assert(
      // Wrapped: a bare number at the end of the text is never known to be complete ("1" of "12").
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify({ v: value });
        expect(parsePartialJson(text)).toEqual(JSON.parse(text));
      }),
    );
  });

  it('never throws on a prefix, and each prefix reads as a part of what the whole text reads as', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const whole = JSON.parse(text) as unknown;
        let previous: unknown;
        for (let end = 0; end <= text.length; end += 1) {
          const part = parsePartialJson(text.slice(0, end));
          expect(growsInto(part, whole)).toBe(true);
          expect(growsInto(previous, part)).toBe(true);
          previous = part;
        }
      }),
    );
  });

  it('leaves out a string, number or literal that may still go on', () => {
    expect(parsePartialJson('{"a":"tex')).toEqual({});
    expect(parsePartialJson('{"a":12')).toEqual({});
    expect(parsePartialJson('{"a":1.')).toEqual({});
    expect(parsePartialJson('{"a":tr')).toEqual({});
    expect(parsePartialJson('{"a":"x","b":[1,"y",{"c":')).toEqual({ a: 'x', b: [1, 'y', {}] });
    expect(parsePartialJson('["\\u30')).toEqual([]);
  });

  it('stops at text that is not JSON, keeping what came before, and never throws on any string', () => {
    expect(parsePartialJson('{"a":1,"b":oops,"c":2}')).toEqual({ a: 1 });
    expect(parsePartialJson('not json')).toBeUndefined();
    expect(parsePartialJson('['.repeat(100_000))).toBeDefined();
    fc.assert(fc.property(fc.string(), (text) => void parsePartialJson(text)));
  });

  it('keeps "__proto__" as a plain key, never as a prototype', () => {
    const value = parsePartialJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
  });
});
