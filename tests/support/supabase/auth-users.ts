import { randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Transaction } from '@electric-sql/pglite';

/**
 * auth.users rows as the auth server (GoTrue) writes them for email sign-up, and the user object it
 * answers with. Passwords are hashed with scrypt here (GoTrue uses bcrypt): nothing but this double
 * ever reads encrypted_password, and scrypt is in node:crypto.
 */

export type Queryable = Pick<Transaction, 'query'>;

export interface NewAuthUser {
  email: string;
  password?: string;
  id?: string;
  /** Whether the email counts as confirmed (default true, as when confirmation is off). */
  confirmed?: boolean;
  userMetadata?: Record<string, unknown>;
}

/** An auth.users row as JSON (timestamps are Postgres' ISO strings). */
export interface AuthUserRow {
  id: string;
  email: string;
  encrypted_password: string | null;
  email_confirmed_at: string | null;
  confirmation_sent_at: string | null;
  confirmed_at: string | null;
  last_sign_in_at: string | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: string;
  updated_at: string;
  banned_until: string | null;
  deleted_at: string | null;
}

type ScryptAsync = (password: string, salt: Buffer, keylen: number, options: { N: number }) => Promise<Buffer>;
const scryptAsync = promisify(scrypt) as ScryptAsync;
/** A low work factor: these are throw-away test passwords, and every test signs users up. */
const SCRYPT = { N: 1024 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, 32, SCRYPT);
  return `$scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const [, kind, salt, hash] = (stored ?? '').split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, SCRYPT);
  return timingSafeEqual(actual, expected);
}

export async function insertAuthUser(db: Queryable, user: NewAuthUser): Promise<string> {
  const id = user.id ?? randomUUID();
  const encrypted = user.password === undefined ? null : await hashPassword(user.password);
  const confirmed = user.confirmed ?? true;
  await db.query(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
       confirmation_sent_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', lower($2), $3,
       case when $4::boolean then now() end, case when not $4::boolean then now() end,
       '{"provider":"email","providers":["email"]}', $5::jsonb, now(), now())`,
    [id, user.email, encrypted, confirmed, JSON.stringify(user.userMetadata ?? {})],
  );
  return id;
}

async function findUser(db: Queryable, where: string, value: string): Promise<AuthUserRow | undefined> {
  const result = await db.query<{ row: string }>(
    `select row_to_json(u)::text as row from auth.users u where ${where} = $1 and deleted_at is null`,
    [value],
  );
  const text = result.rows[0]?.row;
  return text === undefined ? undefined : (JSON.parse(text) as AuthUserRow);
}

export const findUserByEmail = (db: Queryable, email: string) => findUser(db, 'email', email.toLowerCase());
export const findUserById = (db: Queryable, id: string) => findUser(db, 'id::text', id);

/** The user object GoTrue returns from /user, /signup and inside sessions. */
export function userJson(row: AuthUserRow): Record<string, unknown> {
  const verified = row.email_confirmed_at !== null;
  const identityData = { email: row.email, email_verified: verified, phone_verified: false, sub: row.id };
  return {
    id: row.id,
    aud: 'authenticated',
    role: 'authenticated',
    email: row.email,
    ...(row.email_confirmed_at ? { email_confirmed_at: row.email_confirmed_at } : {}),
    phone: '',
    ...(row.confirmation_sent_at ? { confirmation_sent_at: row.confirmation_sent_at } : {}),
    ...(row.confirmed_at ? { confirmed_at: row.confirmed_at } : {}),
    ...(row.last_sign_in_at ? { last_sign_in_at: row.last_sign_in_at } : {}),
    app_metadata: row.raw_app_meta_data ?? {},
    user_metadata: { ...identityData, ...(row.raw_user_meta_data ?? {}) },
    identities: [
      {
        identity_id: row.id,
        id: row.id,
        user_id: row.id,
        identity_data: identityData,
        provider: 'email',
        last_sign_in_at: row.last_sign_in_at ?? row.created_at,
        created_at: row.created_at,
        updated_at: row.updated_at,
        email: row.email,
      },
    ],
    created_at: row.created_at,
    updated_at: row.updated_at,
    is_anonymous: false,
  };
}
