import { type AuthError, isAuthRetryableFetchError, type Session } from '@supabase/supabase-js';
import { getDb } from '../db/database';
import { queueChange, queueChanges, SETTINGS_ROW_KEY } from '../db/outbox-repo';
import { scrubSecrets } from '../domain/secrets';
import { forgetStoredSession } from './auth-storage';
import { type SyncClient, syncClientFor } from './client';
import { loadSyncConfig, type SyncConfig } from './config';
import { clearRefreshWait } from './refresh-wait';
import { clearSyncState, clearWatermarks, readAccount, readLastAccount, updateStatus, writeAccount, writeLastAccount } from './state';

/**
 * Sign-up, sign-in and sign-out with email and password. A sign-up on a project that asks new users
 * to confirm their email returns no session: the learner is told to check their email. The session
 * itself is kept by the auth client in IndexedDB (auth-storage.ts), where the worker finds it.
 */
export type AuthResult = { ok: true; signedIn: boolean; message: string } | { ok: false; message: string };

interface Target {
  config: SyncConfig;
  client: SyncClient;
}

async function target(client?: SyncClient): Promise<Target | null> {
  const config = client?.config ?? (await loadSyncConfig());
  return config ? { config, client: client ?? syncClientFor(config, 'page') } : null;
}

const NOT_CONFIGURED: AuthResult = { ok: false, message: 'Enter your Supabase project URL and anon key first.' };

/**
 * The confirmation email's link comes back to this app: without `emailRedirectTo` GoTrue uses the
 * project's Site URL, `http://localhost:3000` on a new project. Only the page signs up; the worker has
 * no location to offer. GoTrue honours it only if it is in the project's Redirect URLs (README).
 */
function appOrigin(): string | undefined {
  return typeof location === 'object' && location !== null ? location.origin : undefined;
}

export async function signUp(email: string, password: string, client?: SyncClient, redirectTo = appOrigin()): Promise<AuthResult> {
  const t = await target(client);
  if (!t) return NOT_CONFIGURED;
  const { data, error } = await t.client.auth.signUp({ email: email.trim(), password, options: { emailRedirectTo: redirectTo } });
  if (error) return { ok: false, message: authMessage(error) };
  if (!data.session) {
    return { ok: true, signedIn: false, message: `Check your email (${email.trim()}): open the confirmation link, then sign in here.` };
  }
  await remember(t.config, data.session);
  return { ok: true, signedIn: true, message: `Account created. Signed in as ${data.session.user.email ?? email.trim()}.` };
}

export async function signIn(email: string, password: string, client?: SyncClient): Promise<AuthResult> {
  const t = await target(client);
  if (!t) return NOT_CONFIGURED;
  const { data, error } = await t.client.auth.signInWithPassword({ email: email.trim(), password });
  if (error || !data.session) return { ok: false, message: error ? authMessage(error) : 'Sign-in failed.' };
  await remember(t.config, data.session);
  return { ok: true, signedIn: true, message: `Signed in as ${data.session.user.email ?? email.trim()}.` };
}

/**
 * Records the account.
 * - The same learner signing in again after their session ended keeps the outbox and the cursors.
 * - A first sign-in on this device (or the learner who signed out here last) queues the whole local
 *   library, so a library made before sync was set up is sent too; the first sync pulls before it
 *   pushes, and drops what the server already has in the same version.
 * - Another account starts afresh, and the previous account's unsent changes and stories are not
 *   sent to it (they would land in, or collide with, someone else's account).
 */
async function remember(config: SyncConfig, session: Session): Promise<void> {
  const db = getDb();
  const tables = [db.syncState, db.outbox, db.storySummaries, db.annotations, db.progress, db.settings, db.words, db.reviewLogs, db.readingDays];
  await db.transaction('rw', tables, async () => {
    const isThisUser = (a: { url: string; userId: string } | null) => a?.userId === session.user.id && a.url === config.url;
    // A new session: whatever ended the last one no longer asks to sign in.
    await updateStatus({ needsSignIn: false });
    await clearRefreshWait();
    const current = await readAccount();
    const since = current && isThisUser(current) ? current.since : Date.now();
    await writeAccount({ url: config.url, userId: session.user.id, email: session.user.email ?? '', since });
    if (isThisUser(current)) return;
    await clearWatermarks();
    const last = current ?? (await readLastAccount());
    if (last === null || isThisUser(last)) await queueLibrary(); // after writeAccount: queueing needs the account
    else await db.outbox.clear();
  });
}

async function queueLibrary(): Promise<void> {
  const db = getDb();
  const stories = await db.storySummaries.filter((s) => s.source !== 'sample').primaryKeys();
  await queueChanges(db, 'stories', stories, false);
  // The words of those stories only (a sample's never sync); queued after them, pushed after them.
  const synced = new Set(stories);
  await queueChanges(db, 'annotations', (await db.annotations.toCollection().primaryKeys()).filter((id) => synced.has(id)), false);
  await queueChanges(db, 'reading_progress', await db.progress.toCollection().primaryKeys(), false);
  const settings = await db.settings.get('app');
  if ((settings?.value.updatedAt ?? 0) > 0) await queueChange(db, 'user_settings', SETTINGS_ROW_KEY, false);
  // Every word the learner set, a sample's too: what they know is theirs, not a story's.
  await queueChanges(db, 'words', await db.words.toCollection().primaryKeys(), false);
  // The whole review log and every day of reading, other devices' too (an imported backup's):
  // the server keeps an entry it has as it is, and a day only moves to a newer version.
  await queueChanges(db, 'review_logs', await db.reviewLogs.toCollection().primaryKeys(), false);
  await queueChanges(db, 'reading_days', await db.readingDays.toCollection().primaryKeys(), false);
}

/**
 * Signs out. The session and the outbox go either way (and the sync cursors). `keepLibrary: false`
 * also removes the learner's stories (not the bundled samples), reading progress, their media and
 * the words the learner set (all of them: sign-in sent them to the account), with the review log,
 * its cached cards and the days of reading, from this device; nothing is deleted on the server.
 */
export async function signOut({ keepLibrary }: { keepLibrary: boolean }, client?: SyncClient): Promise<void> {
  const t = await target(client);
  // Revokes this device's refresh token when online; offline, forgetting it locally is enough.
  if (t) await t.client.auth.signOut({ scope: 'local' }).catch(() => undefined);
  await forgetStoredSession();
  const db = getDb();
  await db.transaction('rw', [db.syncState, db.outbox, db.stories, db.storySummaries, db.progress, db.media, db.annotations, db.storyWords, db.tombstones, db.words, db.reviewLogs, db.cards, db.readingDays], async () => {
    const account = await readAccount();
    if (account) await writeLastAccount(account);
    await clearSyncState();
    await clearRefreshWait();
    await db.outbox.clear();
    if (keepLibrary) return;
    const own = await db.storySummaries.filter((s) => s.source !== 'sample').primaryKeys();
    await Promise.all([
      db.stories.bulkDelete(own),
      db.storySummaries.bulkDelete(own),
      db.media.where('storyId').anyOf(own).delete(),
      db.annotations.bulkDelete(own),
      db.storyWords.bulkDelete(own),
      db.progress.clear(),
      db.tombstones.clear(),
      db.words.clear(),
      db.reviewLogs.clear(),
      db.cards.clear(),
      db.readingDays.clear(),
    ]);
  });
}

/**
 * GoTrue's answers in words a learner can act on. auth-js reads the error code only when the answer's
 * X-Supabase-Api-Version header is readable, and a gateway whose CORS does not expose it leaves
 * `code` undefined in the browser: then GoTrue's status and wording decide (authCase).
 */
export function authMessage(error: AuthError): string {
  if (isAuthRetryableFetchError(error)) return 'Could not reach your Supabase project. Check the project URL and your connection.';
  switch (authCase(error)) {
    case 'invalid_credentials':
      return 'Wrong email or password.';
    case 'email_not_confirmed':
      return 'Confirm your email first: open the link in the email from Supabase, then sign in.';
    case 'user_already_exists':
      return 'An account with this email already exists. Sign in instead.';
    case 'weak_password':
      return scrubSecrets(`Choose a stronger password. ${error.message}`);
    case 'rate_limit':
      return 'Too many attempts. Wait a minute, then try again.';
    case 'signup_disabled':
      return 'This project does not accept new accounts.';
    default: {
      // The server's own words go on screen: scrubbed, as an auth server may echo a token back.
      const words = scrubSecrets(error.message) || 'Supabase refused the request.';
      return error.status ? `${words} (HTTP ${error.status})` : words;
    }
  }
}

type AuthCase = 'invalid_credentials' | 'email_not_confirmed' | 'user_already_exists' | 'weak_password' | 'rate_limit' | 'signup_disabled';

const BY_CODE: ReadonlyMap<string, AuthCase> = new Map([
  ['invalid_credentials', 'invalid_credentials'],
  ['email_not_confirmed', 'email_not_confirmed'],
  ['user_already_exists', 'user_already_exists'],
  ['email_exists', 'user_already_exists'],
  ['weak_password', 'weak_password'],
  ['over_request_rate_limit', 'rate_limit'],
  ['over_email_send_rate_limit', 'rate_limit'],
  ['signup_disabled', 'signup_disabled'],
]);

/** GoTrue's messages for these cases (internal/api/errors.go), for when no code can be read. */
const BY_TEXT: ReadonlyArray<[RegExp, AuthCase]> = [
  [/invalid login credentials/i, 'invalid_credentials'],
  [/email not confirmed/i, 'email_not_confirmed'],
  [/already registered|already exists|already been registered/i, 'user_already_exists'],
  [/password should|weak password/i, 'weak_password'],
  [/rate limit/i, 'rate_limit'],
  [/signups? not allowed/i, 'signup_disabled'],
];

function authCase(error: AuthError): AuthCase | undefined {
  const byCode = typeof error.code === 'string' ? BY_CODE.get(error.code) : undefined;
  if (byCode) return byCode;
  if (error.status === 429) return 'rate_limit';
  return BY_TEXT.find(([pattern]) => pattern.test(error.message))?.[1];
}
