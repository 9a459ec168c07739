import { randomBytes, randomUUID } from 'node:crypto';

/**
 * GoTrue's sessions and refresh tokens, kept in memory (only this double reads them).
 *
 * Refresh tokens are single use and rotate: using one revokes it and issues its child. Using a revoked
 * one again is what GoTrue calls reuse, and GoTrue (internal/api/token_refresh.go) forgives two cases
 * by answering with the active token instead of a new one:
 * - the revoked token is the parent of the active one (a client that refreshed but never stored the
 *   answer), whatever the reuse interval;
 * - with `reuseIntervalSeconds > 0` (hosted projects: 10 s), any token revoked less than that ago.
 * Any other reuse (a grandparent, or older) fails with `refresh_token_already_used` and ends the
 * whole session, so the newer token another context holds dies too.
 */

interface RefreshRecord {
  sessionId: string;
  parent: string | null;
  revokedAt: number | null;
}

interface SessionRecord {
  id: string;
  userId: string;
  /** The one refresh token of this session that is not revoked. */
  active: string;
}

export type RefreshOutcome =
  | { ok: true; sessionId: string; userId: string; refreshToken: string }
  | { ok: false; code: 'refresh_token_not_found' | 'refresh_token_already_used'; message: string };

export class SessionStore {
  private readonly tokens = new Map<string, RefreshRecord>();
  private readonly sessions = new Map<string, SessionRecord>();

  constructor(private readonly reuseIntervalSeconds: number) {}

  start(userId: string): { sessionId: string; refreshToken: string } {
    const sessionId = randomUUID();
    const refreshToken = newToken();
    this.tokens.set(refreshToken, { sessionId, parent: null, revokedAt: null });
    this.sessions.set(sessionId, { id: sessionId, userId, active: refreshToken });
    return { sessionId, refreshToken };
  }

  exists(sessionId: string): boolean {
    return this.sessions.has(sessionId);
  }

  refresh(token: string, now = Date.now()): RefreshOutcome {
    const record = this.tokens.get(token);
    const session = record && this.sessions.get(record.sessionId);
    if (!record || !session) {
      return { ok: false, code: 'refresh_token_not_found', message: 'Invalid Refresh Token: Refresh Token Not Found' };
    }
    if (record.revokedAt !== null) {
      const activeParent = this.tokens.get(session.active)?.parent;
      const withinInterval = now - record.revokedAt < this.reuseIntervalSeconds * 1000;
      if (activeParent === token || withinInterval) {
        return { ok: true, sessionId: session.id, userId: session.userId, refreshToken: session.active };
      }
      this.end(session.id);
      return { ok: false, code: 'refresh_token_already_used', message: 'Invalid Refresh Token: Already Used' };
    }
    record.revokedAt = now;
    const child = newToken();
    this.tokens.set(child, { sessionId: session.id, parent: token, revokedAt: null });
    session.active = child;
    return { ok: true, sessionId: session.id, userId: session.userId, refreshToken: child };
  }

  /** Logout: `local` ends this session, `global` every session of the user, `others` all but this. */
  logout(sessionId: string, userId: string, scope: 'local' | 'global' | 'others'): void {
    for (const session of [...this.sessions.values()]) {
      if (session.userId !== userId) continue;
      const isThis = session.id === sessionId;
      if (scope === 'global' || (scope === 'local' && isThis) || (scope === 'others' && !isThis)) this.end(session.id);
    }
  }

  /** GoTrue deletes a finished session's refresh tokens, so later use answers "not found". */
  private end(sessionId: string): void {
    this.sessions.delete(sessionId);
    for (const [token, record] of this.tokens) if (record.sessionId === sessionId) this.tokens.delete(token);
  }
}

function newToken(): string {
  return randomBytes(16).toString('base64url');
}
