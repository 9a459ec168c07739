import type { SupabaseDb } from './database';
import { pgrstError } from './postgrest-errors';
import type { Filter, OrderTerm } from './postgrest-query';

/**
 * Turns parsed PostgREST requests into SQL. Injection-proof by construction: table and column names
 * are only those the catalog lists for the whitelisted tables (then quoted), and every value is a
 * bind parameter that Postgres casts to the column's type — so a bad uuid is Postgres' own 22P02.
 */

export const SYNC_TABLES = ['stories', 'annotations', 'reading_progress', 'user_settings', 'words', 'review_logs', 'reading_days'] as const;

export interface ColumnInfo {
  type: string;
  /** The column default as SQL text from the catalog (trusted), or null. */
  defaultSql: string | null;
}

export interface TableInfo {
  name: string;
  columns: Map<string, ColumnInfo>;
  primaryKey: string[];
}

/** Reads the whitelisted tables' columns, defaults and primary keys from the catalog. */
export async function loadSchema(db: SupabaseDb, tables: readonly string[] = SYNC_TABLES): Promise<Map<string, TableInfo>> {
  const names = tables.join(',');
  const { columns, keys } = await db.exclusive(async (pg) => ({
    columns: await pg.query<{ table: string; column: string; type: string; default_sql: string | null }>(
      `select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type,
              pg_get_expr(d.adbin, d.adrelid) as default_sql
         from pg_attribute a
         join pg_class c on c.oid = a.attrelid
         join pg_namespace n on n.oid = c.relnamespace
         left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
        where n.nspname = 'public' and c.relname = any(string_to_array($1, ','))
          and a.attnum > 0 and not a.attisdropped
        order by a.attnum`,
      [names],
    ),
    keys: await pg.query<{ table: string; column: string }>(
      `select c.relname as table, a.attname as column
         from pg_index i
         join pg_class c on c.oid = i.indrelid
         join pg_namespace n on n.oid = c.relnamespace
         join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indisprimary and n.nspname = 'public' and c.relname = any(string_to_array($1, ','))
        order by array_position(i.indkey, a.attnum)`,
      [names],
    ),
  }));
  const schema = new Map<string, TableInfo>();
  for (const row of columns.rows) {
    const info = schema.get(row.table) ?? { name: row.table, columns: new Map(), primaryKey: [] };
    info.columns.set(row.column, { type: row.type, defaultSql: row.default_sql });
    schema.set(row.table, info);
  }
  for (const row of keys.rows) schema.get(row.table)?.primaryKey.push(row.column);
  return schema;
}

export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Collects bind parameters while a statement is assembled. */
export class Params {
  readonly values: string[] = [];

  add(value: string): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A column of the table, quoted, or PostgREST's 42703 answer for a name the table does not have. */
export function column(table: TableInfo, name: string): string {
  if (!table.columns.has(name)) throw pgrstError(400, '42703', `column ${table.name}.${name} does not exist`);
  return ident(name);
}

const COMPARISON: Record<string, string> = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' };
const IS_VALUES: Record<string, string> = { null: 'null', true: 'true', false: 'false', unknown: 'unknown' };

function condition(table: TableInfo, filter: Filter, params: Params): string {
  if (filter.kind === 'logic') {
    const joined = filter.children.map((child) => condition(table, child, params)).join(` ${filter.op} `);
    return `${filter.negate ? 'not ' : ''}(${joined})`;
  }
  const col = column(table, filter.column);
  let sql: string;
  if (filter.op === 'in') {
    sql = filter.list.length === 0 ? 'false' : `${col} in (${filter.list.map((v) => params.add(v)).join(', ')})`;
  } else if (filter.op === 'is') {
    const value = IS_VALUES[filter.value.toLowerCase()];
    if (!value) throw pgrstError(400, 'PGRST100', `failed to parse filter (is.${filter.value})`);
    sql = `${col} is ${value}`;
  } else if (filter.op === 'like' || filter.op === 'ilike') {
    sql = `${col} ${filter.op} ${params.add(filter.value.replace(/\*/g, '%'))}`;
  } else {
    sql = `${col} ${COMPARISON[filter.op]} ${params.add(filter.value)}`;
  }
  return filter.negate ? `not (${sql})` : sql;
}

export function whereClause(table: TableInfo, filters: Filter[], params: Params): string {
  if (filters.length === 0) return '';
  return ` where ${filters.map((f) => condition(table, f, params)).join(' and ')}`;
}

export function orderClause(table: TableInfo, order: OrderTerm[]): string {
  if (order.length === 0) return '';
  const terms = order.map((term) => {
    const nulls = term.nulls ? ` nulls ${term.nulls}` : '';
    return `${column(table, term.column)} ${term.descending ? 'desc' : 'asc'}${nulls}`;
  });
  return ` order by ${terms.join(', ')}`;
}

/**
 * Wraps a statement whose rows are the answer so Postgres itself renders the JSON body (timestamps
 * with microseconds, jsonb as stored), the way PostgREST builds its responses.
 */
export function asJsonBody(source: string): string {
  return (
    `with _pgrst_source as (${source}) ` +
    `select coalesce(json_agg(_pgrst_source), '[]')::text as body, count(*)::int as n from _pgrst_source`
  );
}
