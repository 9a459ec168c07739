/**
 * PostgREST's URL grammar, the part supabase-js produces for plain tables: `select=a,b`, column
 * filters `col=[not.]op.value`, logic trees `or=(a.gt.1,and(b.eq.2,c.gt.3))`, `order=a.asc,b.desc`,
 * `limit`, `offset`, `on_conflict`, `columns`. Parsing only; names are checked against the schema
 * later, and values only ever reach SQL as parameters.
 */

export const OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'is', 'in'] as const;
export type Operator = (typeof OPERATORS)[number];

export type Filter =
  | { kind: 'cond'; column: string; op: Operator; negate: boolean; value: string; list: string[] }
  | { kind: 'logic'; op: 'and' | 'or'; negate: boolean; children: Filter[] };

export interface OrderTerm {
  column: string;
  descending: boolean;
  nulls: 'first' | 'last' | undefined;
}

export class QueryParseError extends Error {}

/** Query parameters that are not column filters. */
export const RESERVED = new Set(['select', 'order', 'limit', 'offset', 'on_conflict', 'columns', 'apikey']);

/** `[not.]op.value` of a column filter; `in` values are a parenthesised, optionally quoted list. */
export function parseCondition(column: string, raw: string): Filter {
  let rest = raw;
  let negate = false;
  if (rest.startsWith('not.')) {
    negate = true;
    rest = rest.slice(4);
  }
  const dot = rest.indexOf('.');
  const op = (dot < 0 ? rest : rest.slice(0, dot)) as Operator;
  if (dot < 0 || !OPERATORS.includes(op)) throw new QueryParseError(`failed to parse filter (${raw})`);
  const value = rest.slice(dot + 1);
  const list = op === 'in' ? parseList(value, raw) : [];
  return { kind: 'cond', column, op, negate, value, list };
}

function parseList(value: string, raw: string): string[] {
  if (!value.startsWith('(') || !value.endsWith(')')) throw new QueryParseError(`failed to parse filter (${raw})`);
  const inner = value.slice(1, -1);
  if (inner === '') return [];
  const reader = new Reader(inner);
  const items: string[] = [];
  for (;;) {
    items.push(reader.value(','));
    if (reader.done()) return items;
    reader.expect(',');
  }
}

/** `(item,item,...)` where an item is `and(...)`, `or(...)`, `not.and(...)` or `col.[not.]op.value`. */
export function parseLogic(op: 'and' | 'or', negate: boolean, raw: string): Filter {
  const reader = new Reader(raw);
  const tree = reader.group(op, negate);
  if (!reader.done()) throw new QueryParseError(`failed to parse logic tree (${raw})`);
  return tree;
}

class Reader {
  private at = 0;

  constructor(private readonly text: string) {}

  done(): boolean {
    return this.at >= this.text.length;
  }

  expect(char: string): void {
    if (this.text[this.at] !== char) throw new QueryParseError(`failed to parse logic tree (${this.text})`);
    this.at += 1;
  }

  group(op: 'and' | 'or', negate: boolean): Filter {
    this.expect('(');
    const children: Filter[] = [];
    for (;;) {
      children.push(this.item());
      if (this.text[this.at] === ')') break;
      this.expect(',');
    }
    this.expect(')');
    return { kind: 'logic', op, negate, children };
  }

  private item(): Filter {
    const nested = /^(not\.)?(and|or)\(/.exec(this.text.slice(this.at));
    if (nested) {
      this.at += nested[0].length - 1;
      return this.group(nested[2] as 'and' | 'or', nested[1] !== undefined);
    }
    const head = /^([A-Za-z_][A-Za-z0-9_]*)\.((?:not\.)?[a-z]+)\./.exec(this.text.slice(this.at));
    if (!head) throw new QueryParseError(`failed to parse logic tree (${this.text})`);
    this.at += head[0].length;
    const isIn = head[2] === 'in' || head[2] === 'not.in';
    const value = isIn ? this.parenthesised() : this.value(',)');
    return parseCondition(head[1] ?? '', `${head[2]}.${value}`);
  }

  private parenthesised(): string {
    const start = this.at;
    let depth = 0;
    let quoted = false;
    for (; this.at < this.text.length; this.at += 1) {
      const char = this.text[this.at];
      if (char === '"' && this.text[this.at - 1] !== '\\') quoted = !quoted;
      if (quoted) continue;
      if (char === '(') depth += 1;
      if (char === ')' && --depth === 0) return this.text.slice(start, ++this.at);
    }
    throw new QueryParseError(`failed to parse logic tree (${this.text})`);
  }

  /** A bare value up to one of `stops`, or a double-quoted one (PostgREST's `\"` and `\\` escapes). */
  value(stops: string): string {
    if (this.text[this.at] === '"') {
      let out = '';
      for (this.at += 1; this.at < this.text.length; this.at += 1) {
        const char = this.text[this.at];
        if (char === '\\') out += this.text[++this.at] ?? '';
        else if (char === '"') {
          this.at += 1;
          return out;
        } else out += char;
      }
      throw new QueryParseError(`unterminated quoted value (${this.text})`);
    }
    const start = this.at;
    while (this.at < this.text.length && !stops.includes(this.text[this.at] ?? '')) this.at += 1;
    return this.text.slice(start, this.at);
  }
}

/** `order=a.asc,b.desc.nullslast` */
export function parseOrder(raw: string): OrderTerm[] {
  return raw.split(',').map((term) => {
    const [column = '', ...mods] = term.split('.');
    const bad = mods.some((m) => !['asc', 'desc', 'nullsfirst', 'nullslast'].includes(m));
    if (column === '' || bad) throw new QueryParseError(`failed to parse order (${raw})`);
    const nulls = mods.includes('nullsfirst') ? 'first' : mods.includes('nullslast') ? 'last' : undefined;
    return { column, descending: mods.includes('desc'), nulls };
  });
}

/** `select=*` or `select=a,b`; embedding, renaming and casts are not part of this double. */
export function parseColumnList(raw: string | null): string[] | '*' {
  if (raw === null || raw === '*' || raw === '') return '*';
  return raw.split(',').map((name) => name.trim().replace(/^"(.*)"$/, '$1'));
}
