/**
 * A tolerant reader for a JSON text that is still arriving (a streamed model answer). It never
 * throws: it returns the value the text has spelt out so far, where
 * - an object or array that is not closed yet holds the members completed so far;
 * - a string, number or literal that may still go on (no closing quote yet, or a number at the very
 *   end of the text, which the next chunk could lengthen) is left out, with its key;
 * - anything that is not JSON ends the reading there, keeping what came before it.
 * So the result for a longer prefix of the same text only adds to the result for a shorter one,
 * which is what lets a page show sentences as they arrive without one ever changing or vanishing.
 * No maintained partial-JSON library is installed, hence this small one (tests/unit/domain).
 */

/** Thrown inside only, to stop at the end of the text or at the first thing that is not JSON. */
class Stop extends Error {}
const STOP = new Stop();

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS: Record<string, unknown> = { true: true, false: false, null: null };

/** Deeper than any story; bounds the recursion a looping answer ("[[[[…") could ask for. */
const MAX_DEPTH = 32;
/** What may follow a number in JSON; anything else ("1." of "1.5") means it is not finished. */
const AFTER_NUMBER = new Set([' ', '\t', '\n', '\r', ',', '}', ']']);

class Reader {
  i = 0;
  private depth = 0;
  constructor(private readonly s: string) {}

  private skip(): void {
    while (this.i < this.s.length && ' \t\n\r'.includes(this.s[this.i]!)) this.i += 1;
    if (this.i >= this.s.length) throw STOP;
  }

  /** Reads one value; containers are handed to `attach` as soon as they open, so they survive a stop. */
  value(attach: (v: unknown) => void): void {
    this.skip();
    const c = this.s[this.i]!;
    if (c === '{' || c === '[') {
      if (this.depth >= MAX_DEPTH) throw STOP;
      this.depth += 1;
      if (c === '{') this.object(attach);
      else this.array(attach);
      this.depth -= 1;
      return;
    }
    attach(c === '"' ? this.string() : this.scalar());
  }

  private object(attach: (v: unknown) => void): void {
    const out: Record<string, unknown> = {};
    attach(out);
    this.i += 1;
    this.skip();
    if (this.s[this.i] === '}') {
      this.i += 1;
      return;
    }
    for (;;) {
      this.skip();
      if (this.s[this.i] !== '"') throw STOP;
      const key = this.string();
      this.skip();
      if (this.s[this.i] !== ':') throw STOP;
      this.i += 1;
      // Own data property even for "__proto__": never a prototype change from model output.
      this.value((v) => Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true }));
      if (this.close('}')) return;
    }
  }

  private array(attach: (v: unknown) => void): void {
    const out: unknown[] = [];
    attach(out);
    this.i += 1;
    this.skip();
    if (this.s[this.i] === ']') {
      this.i += 1;
      return;
    }
    for (;;) {
      this.value((v) => out.push(v));
      if (this.close(']')) return;
    }
  }

  /** After a member: true at the closing bracket, false after a comma, a stop otherwise. */
  private close(bracket: '}' | ']'): boolean {
    this.skip();
    const c = this.s[this.i];
    this.i += 1;
    if (c === bracket) return true;
    if (c === ',') return false;
    throw STOP;
  }

  private string(): string {
    let out = '';
    this.i += 1;
    for (;;) {
      if (this.i >= this.s.length) throw STOP;
      const c = this.s[this.i]!;
      if (c === '"') {
        this.i += 1;
        return out;
      }
      if (c === '\\') {
        const e = this.s[this.i + 1];
        if (e === undefined) throw STOP;
        if (e === 'u') {
          const hex = this.s.slice(this.i + 2, this.i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw STOP;
          out += String.fromCharCode(Number.parseInt(hex, 16));
          this.i += 6;
          continue;
        }
        const plain = ESCAPES[e];
        if (plain === undefined) throw STOP;
        out += plain;
        this.i += 2;
        continue;
      }
      if (c < ' ') throw STOP;
      out += c;
      this.i += 1;
    }
  }

  private scalar(): unknown {
    NUMBER.lastIndex = this.i;
    const number = NUMBER.exec(this.s);
    if (number) {
      this.i += number[0].length;
      // At the very end a number may still grow ("12" of "123", "1" of "1.5"): not known yet.
      if (this.i >= this.s.length || !AFTER_NUMBER.has(this.s[this.i]!)) throw STOP;
      return Number(number[0]);
    }
    for (const [word, v] of Object.entries(LITERALS)) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return v;
      }
    }
    throw STOP;
  }
}

/** The value spelt out so far by `text` (see above), or undefined when not even its start is there. */
export function parsePartialJson(text: string): unknown {
  let root: unknown;
  const reader = new Reader(text);
  try {
    reader.value((v) => {
      root = v;
    });
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  return root;
}
