import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpError } from './errors';

/**
 * Low-level HTTP helpers: CORS, JSON bodies, and waits that end early when the request is gone, so
 * a slow or hanging answer never outlives its client or the server.
 */

// The browser app calls the fake from another origin (e2e: app on one localhost port, fake on
// another) with exactly these non-safelisted headers, as the SDK sends them.
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'retry-after',
};

export const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  ...CORS_HEADERS,
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, x-goog-api-key, x-goog-api-client',
  'access-control-max-age': '600',
};

export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  const headers: Record<string, string> = { ...PREFLIGHT_HEADERS };
  // Chromium's Private Network Access asks this when a public page calls a local server; harmless here.
  if (req.headers['access-control-request-private-network'] === 'true') headers['access-control-allow-private-network'] = 'true';
  res.writeHead(204, headers);
  res.end();
}

/** Sends `body` as JSON; returns the bytes of the body sent. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number {
  const text = JSON.stringify(body);
  const bytes = Buffer.byteLength(text);
  res.writeHead(status, {
    ...CORS_HEADERS,
    'content-type': 'application/json; charset=UTF-8',
    'content-length': String(bytes),
    ...headers,
  });
  res.end(text);
  return bytes;
}

export function sendError(res: ServerResponse, error: HttpError): number {
  return sendJson(res, error.httpStatus, error.body, error.headers);
}

/** The parsed body, and its size in bytes as received (what the bench reports). */
export type JsonBody = ({ ok: true; value: unknown } | { ok: false; reason: string }) & { bytes: number };

/** Reads the whole request body; an aborted upload or non-JSON text is reported, never thrown. */
export async function readJson(req: IncomingMessage): Promise<JsonBody> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of req) chunks.push(chunk as Buffer);
  } catch {
    return { ok: false, reason: 'Request body was not received completely.', bytes: 0 };
  }
  const raw = Buffer.concat(chunks);
  const bytes = raw.length;
  const text = raw.toString('utf8');
  if (text.trim() === '') return { ok: false, reason: 'Request body is empty.', bytes };
  try {
    return { ok: true, value: JSON.parse(text) as unknown, bytes };
  } catch (err) {
    return { ok: false, reason: `Invalid JSON payload received. ${(err as Error).message}`, bytes };
  }
}

/** Waits `ms`, or less if `signal` aborts first; resolves either way, the caller checks the signal. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Resolves only when `signal` aborts: how a 'hang' call waits for its client to give up. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/**
 * An AbortSignal for one request: aborts when the connection closes before the response ended (the
 * client gave up, or the fake dropped it) or when the server shuts down.
 */
export function requestSignal(res: ServerResponse, closing: AbortSignal, onAbort: () => void): AbortSignal {
  const controller = new AbortController();
  const abort = () => {
    if (controller.signal.aborted) return;
    onAbort();
    controller.abort();
  };
  closing.addEventListener('abort', abort, { once: true });
  res.on('close', () => {
    closing.removeEventListener('abort', abort);
    if (!res.writableEnded) abort();
  });
  return controller.signal;
}
