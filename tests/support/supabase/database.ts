import type { PGlite, Transaction } from '@electric-sql/pglite';
import { type NewAuthUser, insertAuthUser } from './auth-users';
import { createMigratedPg } from './db-snapshot';
import type { JwtClaims } from './types';

/**
 * A real Postgres (PGlite, in-process) shaped like a fresh Supabase project with the app's migrations
 * applied (bootstrap + each file of supabase/migrations in name order, as `supabase db push` does;
 * see db-snapshot.ts). Each call gives an independent database; `reset()` empties one between tests
 * in a few milliseconds, which is far cheaper than booting another.
 */

export interface SupabaseDb {
  /** The raw connection: runs as the superuser `postgres`, so RLS does not apply to it. */
  readonly pg: PGlite;
  /**
   * Runs `fn` when nothing else is using the database. PGlite is one connection: a request's
   * transaction and a test's direct query must not interleave, so everything goes through here.
   * Never call `exclusive` or `asRequest` from inside `fn`: the queue would wait for itself.
   */
  exclusive<T>(fn: (pg: PGlite) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in one transaction as PostgREST runs a request: `role` and `request.jwt.claims` set
   * locally from the claims, so the policies (auth.uid(), auth.role()) decide what it may touch.
   * An error rolls the whole transaction back and is rethrown (a Postgres error keeps its `code`).
   */
  asRequest<T>(claims: JwtClaims, fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Inserts a user into auth.users the way the auth server would; returns its id. */
  createUser(user: NewAuthUser): Promise<string>;
  /** Empties every public table and auth.users (schema, roles and policies stay). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** A serial queue: each job starts after the previous one settled, failures do not stop the line. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job, job);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

export async function startSupabaseDb(): Promise<SupabaseDb> {
  const pg = await createMigratedPg();
  const queue = new SerialQueue();
  const exclusive = <T>(fn: (db: PGlite) => Promise<T>): Promise<T> => queue.run(() => fn(pg));
  return {
    pg,
    exclusive,
    asRequest: (claims, fn) =>
      exclusive((db) =>
        db.transaction(async (tx) => {
          // The same two settings PostgREST makes, transaction-local (third argument true).
          await tx.query(`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)`, [
            claims.role,
            JSON.stringify(claims),
          ]);
          return fn(tx);
        }),
      ),
    createUser: (user) => exclusive((db) => insertAuthUser(db, user)),
    reset: () =>
      exclusive(async (db) => {
        const { rows } = await db.query<{ name: string }>(
          `select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname = 'public'`,
        );
        const tables = [...rows.map((row) => row.name), 'auth.users'].join(', ');
        await db.exec(`truncate table ${tables} restart identity cascade`);
      }),
    close: () => queue.run(() => pg.close()),
  };
}
