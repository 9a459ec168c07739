import type { Transaction } from '@electric-sql/pglite';
import type { SupabaseDb } from './database';
import { type ParsedRequest, apiKeyOf, bearerOf } from './http';
import type { TokenIssuer } from './jwt';
import { RestError, jwtReply, pgErrorReply, pgrstError, pgrstReply, singularError } from './postgrest-errors';
import { type Filter, QueryParseError, RESERVED, parseColumnList, parseCondition, parseLogic, parseOrder } from './postgrest-query';
import { Params, type TableInfo, asJsonBody, column, ident, orderClause, whereClause } from './postgrest-sql';
import { type Statement, deleteStatement, insertStatement, updateStatement } from './postgrest-write';
import { type JwtClaims, type Reply, isJsonObject, isPgError } from './types';

/**
 * PostgREST for `/rest/v1/<table>`: checks the JWT as PostgREST does (HS256, exp, role claim), then
 * runs the request's SQL in ONE transaction with `role` and `request.jwt.claims` set, so the RLS
 * policies of the migration decide what a user sees and changes, never this server.
 */

export interface RestContext {
  db: SupabaseDb;
  issuer: TokenIssuer;
  schema(): Promise<Map<string, TableInfo>>;
  /** PostgREST's db-max-rows (a hosted project's "Max rows"): no read returns more, whatever `limit` says. */
  maxRows?: number | undefined;
}

export interface RestOutcome {
  reply: Reply;
  claims: JwtClaims | null;
}

const SINGULAR = 'application/vnd.pgrst.object+json';

function preferences(req: ParsedRequest): Map<string, string> {
  const prefs = new Map<string, string>();
  for (const part of (req.header('prefer') ?? '').split(/[,;]/)) {
    const [key, value] = part.trim().split('=');
    if (key && value) prefs.set(key, value);
  }
  return prefs;
}

function filtersOf(query: URLSearchParams): Filter[] {
  const filters: Filter[] = [];
  for (const [key, value] of query) {
    if (RESERVED.has(key)) continue;
    const logic = /^(not\.)?(and|or)$/.exec(key);
    filters.push(logic ? parseLogic(logic[2] as 'and' | 'or', logic[1] !== undefined, value) : parseCondition(key, value));
  }
  return filters;
}

function integerParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw)) throw pgrstError(400, 'PGRST100', `failed to parse ${name} (${raw})`);
  return Number(raw);
}

function readStatements(req: ParsedRequest, table: TableInfo, maxRows?: number): { rows: Statement; count: Statement; offset: number } {
  const params = new Params();
  const wanted = parseColumnList(req.query.get('select'));
  const list = wanted === '*' ? '*' : wanted.map((name) => column(table, name)).join(', ');
  const from = `from public.${ident(table.name)}${whereClause(table, filtersOf(req.query), params)}`;
  const orderParam = req.query.get('order');
  const order = orderClause(table, orderParam ? parseOrder(orderParam) : []);
  const asked = integerParam(req.query, 'limit');
  const limit = maxRows === undefined ? asked : Math.min(asked ?? maxRows, maxRows);
  const offset = integerParam(req.query, 'offset') ?? 0;
  const page = `${limit === undefined ? '' : ` limit ${limit}`}${offset ? ` offset ${offset}` : ''}`;
  return {
    rows: { sql: asJsonBody(`select ${list} ${from}${order}${page}`), params: params.values },
    count: { sql: `select count(*)::int as n ${from}`, params: params.values },
    offset,
  };
}

function writeStatement(req: ParsedRequest, table: TableInfo, returning: boolean, prefs: Map<string, string>): Statement {
  if (req.method === 'DELETE') return deleteStatement(table, filtersOf(req.query), returning);
  const body = req.body;
  const rows = Array.isArray(body) ? body : [body];
  if (req.bodyError !== undefined || !rows.every(isJsonObject)) throw pgrstError(400, 'PGRST102', 'Empty or invalid json');
  if (req.method === 'PATCH') return updateStatement(table, rows[0] ?? {}, filtersOf(req.query), returning);
  const resolution = prefs.get('resolution');
  return insertStatement(table, rows, {
    columnsParam: req.query.get('columns'),
    onConflict: req.query.get('on_conflict'),
    resolution: resolution === 'merge-duplicates' || resolution === 'ignore-duplicates' ? resolution : null,
    missingDefault: prefs.get('missing') === 'default',
    returning,
  });
}

async function execute(tx: Transaction, statement: Statement): Promise<{ body: string; n: number }> {
  const result = await tx.query<{ body: string; n: number }>(statement.sql, statement.params);
  return result.rows[0] ?? { body: '[]', n: 0 };
}

async function run(ctx: RestContext, req: ParsedRequest, table: TableInfo, claims: JwtClaims): Promise<Reply> {
  const prefs = preferences(req);
  const singular = (req.header('accept') ?? '').startsWith(SINGULAR);
  const wantCount = prefs.has('count');
  const applied = [...prefs].filter(([k]) => ['return', 'resolution', 'count', 'missing'].includes(k));
  const headers: Record<string, string> = {
    'Content-Type': `${singular ? SINGULAR : 'application/json'}; charset=utf-8`,
    ...(applied.length > 0 ? { 'Preference-Applied': applied.map(([k, v]) => `${k}=${v}`).join(', ') } : {}),
  };
  const reshape = (body: string, n: number): string => {
    if (!singular) return body;
    if (n !== 1) throw singularError(n);
    return JSON.stringify((JSON.parse(body) as unknown[])[0]);
  };
  if (req.method === 'GET' || req.method === 'HEAD') {
    const plan = readStatements(req, table, ctx.maxRows);
    return ctx.db.asRequest(claims, async (tx) => {
      const { body, n } = await execute(tx, plan.rows);
      const total = wantCount ? String((await tx.query<{ n: number }>(plan.count.sql, plan.count.params)).rows[0]?.n ?? 0) : '*';
      headers['Content-Range'] = n > 0 ? `${plan.offset}-${plan.offset + n - 1}/${total}` : `*/${total}`;
      return { status: 200, headers, text: reshape(body, n) };
    });
  }
  if (!['POST', 'PATCH', 'DELETE'].includes(req.method)) {
    throw pgrstError(405, 'PGRST117', `Unsupported HTTP method: ${req.method}`);
  }
  const representation = prefs.get('return') === 'representation';
  const write = writeStatement(req, table, representation || singular, prefs);
  const statement = { sql: asJsonBody(write.sql), params: write.params };
  const isEmptyWrite = (req.method === 'POST' && Array.isArray(req.body) && req.body.length === 0) ||
    (req.method === 'PATCH' && isJsonObject(req.body) && Object.keys(req.body).length === 0);
  return ctx.db.asRequest(claims, async (tx) => {
    const { body, n } = isEmptyWrite ? { body: '[]', n: 0 } : await execute(tx, statement);
    const text = representation || singular ? reshape(body, n) : undefined; // throwing here rolls back
    headers['Content-Range'] = `${req.method === 'POST' || n === 0 ? '*' : `0-${n - 1}`}/${wantCount ? n : '*'}`;
    if (req.method === 'POST') return { status: 201, headers, ...(text === undefined ? {} : { text }) };
    return text === undefined ? { status: 204, headers } : { status: 200, headers, text };
  });
}

export async function handleRest(ctx: RestContext, req: ParsedRequest, tableName: string): Promise<RestOutcome> {
  // PostgREST reads Authorization; with only the apikey (the anon key) the request runs as its role.
  const token = bearerOf(req) ?? apiKeyOf(req) ?? '';
  const verified = await ctx.issuer.verify(token);
  if (!verified.ok) return { reply: jwtReply(verified.expired, verified.message), claims: null };
  const { claims } = verified;
  try {
    const profile = req.header('accept-profile') ?? req.header('content-profile');
    if (profile !== undefined && profile !== 'public') {
      const hint = 'Only the following schemas are exposed: public, graphql_public';
      return { reply: pgrstReply(406, 'PGRST106', `Invalid schema: ${profile}`, null, hint), claims };
    }
    const table = (await ctx.schema()).get(tableName);
    if (!table) throw pgrstError(404, 'PGRST205', `Could not find the table 'public.${tableName}' in the schema cache`);
    return { reply: await run(ctx, req, table, claims), claims };
  } catch (error) {
    if (error instanceof RestError) return { reply: error.reply, claims };
    if (error instanceof QueryParseError) return { reply: pgrstError(400, 'PGRST100', error.message).reply, claims };
    if (isPgError(error)) return { reply: pgErrorReply(error, claims.role), claims };
    throw error;
  }
}
