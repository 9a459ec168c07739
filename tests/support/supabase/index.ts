/**
 * Supabase test double: a migrated Postgres shaped like a Supabase project (PGlite, in-process) and an
 * HTTP front answering supabase-js (auth + PostgREST) over it, with RLS deciding every row.
 *
 *   const db = await startSupabaseDb();
 *   const front = await startSupabaseFront({ db });
 *   const supabase = createClient(front.url, front.anonKey, { auth: { persistSession: false } });
 *   ...
 *   await front.close();
 *   await db.close();
 */
export { type NewAuthUser, findUserByEmail } from './auth-users';
export { SerialQueue, type SupabaseDb, startSupabaseDb } from './database';
export { BOOTSTRAP_SQL, MIGRATIONS_DIR, buildFromScratch, migrationFiles } from './db-snapshot';
export { type BodyLimit, type FailOptions, type SupabaseFront, type SupabaseFrontOptions, startSupabaseFront } from './front';
export { SYNC_TABLES } from './postgrest-sql';
export type { ApiRole, FrontRequest, JwtClaims } from './types';

/** Claims as GoTrue puts them in a signed-in user's access token (what auth.uid() reads). */
export function userClaims(userId: string, email = `${userId}@example.test`) {
  return { role: 'authenticated' as const, sub: userId, aud: 'authenticated', email, session_id: userId };
}

/** Claims of a request made with only the anon key. */
export const ANON_CLAIMS = { role: 'anon' as const, iss: 'supabase-demo' };
export { NO_REALTIME_TRANSPORT, type TestClientOptions, createTestClient, signedUpClient } from './client';
