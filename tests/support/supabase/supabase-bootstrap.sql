-- What every Supabase project has before its own migrations run, recreated on a bare Postgres (PGlite)
-- the way Supabase defines it (supabase/postgres init scripts and the auth server's migrations), so the
-- app's migrations are tested against the same roles, grants and auth functions they meet in
-- production. Only what the sync tables touch is here: no storage, realtime or extensions schemas.
--
-- Deliberate differences, and why they do not change what RLS decides:
-- * PGlite's session user `postgres` is a superuser (hosted Supabase's is not); migrations and the
--   test front's auth endpoints run as it, API requests run as anon / authenticated / service_role.
-- * auth.users holds the columns the auth server reads and writes for email sign-in, not all of them.

-- Roles (Supabase's initial schema: nologin API roles, service_role bypasses RLS; PostgREST logs in
-- as authenticator and switches to the role named in the JWT).
create role anon nologin noinherit;
create role authenticated nologin noinherit;
create role service_role nologin noinherit bypassrls;
create role authenticator login noinherit;
grant anon to authenticator;
grant authenticated to authenticator;
grant service_role to authenticator;
create role supabase_admin nologin;
create role supabase_auth_admin nologin noinherit createrole;

-- Supabase's grants: API roles may use schema public, and every table, function and sequence created
-- there is granted to them by default. Access is therefore decided by RLS policies (and by revokes a
-- migration makes), never by a missing grant — the same trap a real project has.
grant usage on schema public to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to postgres, anon, authenticated, service_role;

-- Schema auth, owned by the auth server's role. API roles may call its functions but read no table.
create schema auth authorization supabase_auth_admin;
grant usage on schema auth to anon, authenticated, service_role;

create table auth.users (
  instance_id uuid,
  id uuid not null primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text unique default null,
  phone_confirmed_at timestamptz,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  banned_until timestamptz,
  deleted_at timestamptz,
  is_sso_user boolean not null default false,
  is_anonymous boolean not null default false
);
-- The auth server keeps emails unique among non-SSO users.
create unique index users_email_partial_key on auth.users (email) where (is_sso_user = false);
alter table auth.users owner to supabase_auth_admin;

-- The request's JWT, as PostgREST exposes it: `request.jwt.claims` (PostgREST >= 9) with the legacy
-- per-claim settings as fallback. These are Supabase's definitions.
create function auth.uid() returns uuid
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create function auth.role() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create function auth.email() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

create function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

alter function auth.uid() owner to supabase_auth_admin;
alter function auth.role() owner to supabase_auth_admin;
alter function auth.email() owner to supabase_auth_admin;
alter function auth.jwt() owner to supabase_auth_admin;
grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt()
  to anon, authenticated, service_role;
