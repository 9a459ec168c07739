import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

/**
 * Builds the migrated database once and keeps its data directory, because booting PGlite from
 * scratch (initdb + bootstrap + migrations) costs seconds while loading a data directory costs about
 * one. The snapshot is also cached on disk in the OS temp dir, keyed by a hash of the PGlite version,
 * the bootstrap and every migration, so a changed migration is always rebuilt and never served stale.
 */

const here = dirname(fileURLToPath(import.meta.url));
export const BOOTSTRAP_SQL = join(here, 'supabase-bootstrap.sql');
export const MIGRATIONS_DIR = join(here, '../../../supabase/migrations');
const PGLITE_PACKAGE = join(here, '../../../node_modules/@electric-sql/pglite/package.json');

/** Migration files in the order the Supabase CLI applies them (by their timestamp prefix). */
export function migrationFiles(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => join(dir, name));
}

/** A fresh PGlite with the bootstrap and then each migration applied. */
export async function buildFromScratch(): Promise<PGlite> {
  const pg = await PGlite.create();
  await pg.exec(readFileSync(BOOTSTRAP_SQL, 'utf8'));
  for (const file of migrationFiles()) {
    // Each file in its own transaction, as `supabase db push` applies them: a broken migration
    // leaves nothing half-applied behind it.
    await pg.transaction(async (tx) => {
      await tx.exec(readFileSync(file, 'utf8'));
    });
  }
  return pg;
}

function snapshotKey(): string {
  const hash = createHash('sha256');
  hash.update(existsSync(PGLITE_PACKAGE) ? readFileSync(PGLITE_PACKAGE) : 'unknown pglite');
  hash.update(readFileSync(BOOTSTRAP_SQL));
  for (const file of migrationFiles()) hash.update(`\0${file}\0`).update(readFileSync(file));
  return hash.digest('hex').slice(0, 24);
}

async function buildSnapshot(): Promise<Blob> {
  const file = join(tmpdir(), `nihongo-supabase-db-${snapshotKey()}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const pg = await buildFromScratch();
  let dump: Blob;
  try {
    dump = await pg.dumpDataDir('none');
  } finally {
    await pg.close();
  }
  // Write-then-rename: parallel test workers may build the same snapshot; none reads a partial file.
  const partial = `${file}.${process.pid}.${Date.now()}.partial`;
  writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
  renameSync(partial, file);
  return dump;
}

let snapshot: Promise<Blob> | undefined;

/** A new, independent PGlite holding the migrated, empty database. */
export async function createMigratedPg(): Promise<PGlite> {
  if (!snapshot) {
    snapshot = buildSnapshot();
    // A failed build must not hand the same rejection to every later caller.
    snapshot.catch(() => {
      snapshot = undefined;
    });
  }
  return PGlite.create({ loadDataDir: await snapshot });
}
