/**
 * Where a notification click may take the learner: a page of this app, nothing else. The URL comes
 * from the notification's `data`, which this app writes today (`/story/<id>`), but a click handler
 * must not trust it: `//evil.example/`, `/\evil.example` and `https://evil.example/` all "start
 * with a slash" or look like paths to a naive check, and `clients.openWindow` / `navigate` would
 * take a window of ours — the learner trusting it — to another site.
 */

/** The fallback: the app's home page. */
export const NOTIFICATION_FALLBACK_PATH = '/';

/**
 * The path (with query and hash) to open for `raw`, resolved against the app's own origin; the
 * home page when `raw` is not a string, does not parse, or points anywhere outside `scopePath` on
 * `appOrigin` (another origin, another scheme, a path outside the worker's scope).
 */
export function notificationTarget(raw: unknown, appOrigin: string, scopePath = '/'): string {
  if (typeof raw !== 'string' || raw.trim() === '') return NOTIFICATION_FALLBACK_PATH;
  let url: URL;
  try {
    const base = new URL(appOrigin);
    // Resolve against the origin only: a relative "story/x" must not depend on where we are.
    url = new URL(raw, `${base.origin}/`);
    if (url.origin !== base.origin) return NOTIFICATION_FALLBACK_PATH;
  } catch {
    return NOTIFICATION_FALLBACK_PATH;
  }
  const scope = scopePath.endsWith('/') ? scopePath : `${scopePath}/`;
  if (!`${url.pathname}/`.startsWith(scope)) return NOTIFICATION_FALLBACK_PATH;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The URL a story's notification carries (the id is a uuid, encoded anyway: it is data). */
export function storyNotificationPath(storyId: string): string {
  return `/story/${encodeURIComponent(storyId)}`;
}
