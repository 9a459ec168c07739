import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Reply } from './types';

/**
 * HTTP plumbing of the front: body parsing, CORS as a Supabase project answers a browser origin, and
 * writing a Reply. Kept apart so the auth and REST handlers deal only in parsed requests and Replies.
 */

export interface ParsedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  /** Header lookup, case-insensitive (Node lower-cases names). */
  header(name: string): string | undefined;
  /** Parsed JSON body; undefined when there was none. */
  body: unknown;
  /** Set when the body was present but not JSON. */
  bodyError?: string;
  /** Size of the body as sent, in bytes (a gateway's body limit counts these). */
  bodyBytes: number;
}

export async function parseRequest(req: IncomingMessage): Promise<ParsedRequest> {
  const url = new URL(req.url ?? '/', 'http://front.invalid');
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  const raw = bytes.toString('utf8');
  let body: unknown;
  let bodyError: string | undefined;
  if (raw.length > 0) {
    try {
      body = JSON.parse(raw);
    } catch (error) {
      bodyError = error instanceof Error ? error.message : String(error);
    }
  }
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    header: (name) => {
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    body,
    bodyBytes: bytes.length,
    ...(bodyError === undefined ? {} : { bodyError }),
  };
}

/**
 * Supabase answers any origin with `*` (the keys, not cookies, authenticate), and a browser may only
 * read Content-Range (the count) and the API version header if they are exposed.
 */
const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers':
    'Content-Encoding, Content-Location, Content-Range, Content-Type, Date, Location, Server, ' +
    'Transfer-Encoding, Range-Unit, Preference-Applied, X-Supabase-Api-Version',
};

export function preflight(req: IncomingMessage, res: ServerResponse): void {
  const requested = req.headers['access-control-request-headers'];
  res.writeHead(204, {
    ...CORS_HEADERS,
    'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers':
      typeof requested === 'string' && requested.length > 0
        ? requested
        : 'apikey, authorization, content-type, prefer, accept-profile, content-profile, range, x-client-info, x-supabase-api-version',
    'Access-Control-Max-Age': '3600',
  });
  res.end();
}

export function writeReply(res: ServerResponse, reply: Reply, headOnly = false): void {
  res.writeHead(reply.status, { ...CORS_HEADERS, ...reply.headers });
  res.end(headOnly ? undefined : reply.text);
}

/** The `apikey` header (Supabase's gateway also accepts it as a query parameter). */
export function apiKeyOf(req: ParsedRequest): string | undefined {
  return req.header('apikey') ?? req.query.get('apikey') ?? undefined;
}

/** The token of `Authorization: Bearer <token>`, if that header is there. */
export function bearerOf(req: ParsedRequest): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(req.header('authorization') ?? '');
  return match?.[1]?.trim();
}
