import { pgrstError } from './postgrest-errors';
import type { Filter } from './postgrest-query';
import { Params, type TableInfo, column, ident, whereClause } from './postgrest-sql';
import type { JsonObject } from './types';

/**
 * INSERT / upsert, UPDATE and DELETE the way PostgREST writes them. The JSON body goes to Postgres as
 * one jsonb parameter and is unpacked there with jsonb_populate_record against the table's row type,
 * as PostgREST does, so type errors, defaults and triggers behave as on the real server.
 */

export interface Statement {
  sql: string;
  params: string[];
}

export interface InsertOptions {
  /** `columns` query parameter (`"a","b"`), sent by supabase-js for array bodies. */
  columnsParam: string | null;
  /** `on_conflict` query parameter; defaults to the primary key when a resolution is asked for. */
  onConflict: string | null;
  resolution: 'merge-duplicates' | 'ignore-duplicates' | null;
  /** `Prefer: missing=default`: a key absent from a row takes the column default instead of null. */
  missingDefault: boolean;
  returning: boolean;
}

function payloadColumn(table: TableInfo, name: string): string {
  if (!table.columns.has(name)) {
    throw pgrstError(400, 'PGRST204', `Could not find the '${name}' column of '${table.name}' in the schema cache`);
  }
  return name;
}

/** The columns an insert writes: the `columns` parameter, else the first row's keys (all must match). */
export function insertColumns(table: TableInfo, rows: JsonObject[], columnsParam: string | null): string[] {
  if (columnsParam !== null) {
    return columnsParam.split(',').map((raw) => payloadColumn(table, raw.trim().replace(/^"(.*)"$/, '$1')));
  }
  const keys = Object.keys(rows[0] ?? {});
  const signature = [...keys].sort().join(',');
  if (rows.some((row) => Object.keys(row).sort().join(',') !== signature)) {
    throw pgrstError(400, 'PGRST102', 'All object keys must match');
  }
  return keys.map((key) => payloadColumn(table, key));
}

export function insertStatement(table: TableInfo, rows: JsonObject[], options: InsertOptions): Statement {
  const params = new Params();
  const body = params.add(JSON.stringify(rows));
  const names = insertColumns(table, rows, options.columnsParam);
  const target = `public.${ident(table.name)}`;
  const values = names.map((name) => {
    const value = `_pgrst_r.${ident(name)}`;
    if (!options.missingDefault) return value;
    const fallback = table.columns.get(name)?.defaultSql ?? 'null';
    return `case when _pgrst_e.v ? ${params.add(name)} then ${value} else ${fallback} end`;
  });
  let conflict = '';
  if (options.resolution !== null) {
    const keys = options.onConflict === null ? table.primaryKey : options.onConflict.split(',').map((c) => c.trim());
    const keyList = keys.map((key) => column(table, key)).join(', ');
    const updates = names.map((name) => `${ident(name)} = excluded.${ident(name)}`).join(', ');
    conflict =
      options.resolution === 'ignore-duplicates' || updates === ''
        ? ` on conflict (${keyList}) do nothing`
        : ` on conflict (${keyList}) do update set ${updates}`;
  }
  const sql =
    `insert into ${target} (${names.map(ident).join(', ')}) ` +
    `select ${values.join(', ')} from jsonb_array_elements(${body}::jsonb) with ordinality _pgrst_e(v, n) ` +
    `cross join lateral jsonb_populate_record(null::${target}, _pgrst_e.v) _pgrst_r order by _pgrst_e.n` +
    `${conflict} returning ${options.returning ? '*' : '1'}`;
  return { sql, params: params.values };
}

/** PATCH: only the body's keys change, on the rows the filters (and RLS) select. */
export function updateStatement(table: TableInfo, patch: JsonObject, filters: Filter[], returning: boolean): Statement {
  const params = new Params();
  const body = params.add(JSON.stringify(patch));
  const target = `public.${ident(table.name)}`;
  const sets = Object.keys(patch).map((key) => {
    const name = ident(payloadColumn(table, key));
    return `${name} = (select ${name} from jsonb_populate_record(null::${target}, ${body}::jsonb))`;
  });
  const where = whereClause(table, filters, params);
  return { sql: `update ${target} set ${sets.join(', ')}${where} returning ${returning ? '*' : '1'}`, params: params.values };
}

export function deleteStatement(table: TableInfo, filters: Filter[], returning: boolean): Statement {
  const params = new Params();
  const where = whereClause(table, filters, params);
  return { sql: `delete from public.${ident(table.name)}${where} returning ${returning ? '*' : '1'}`, params: params.values };
}
