-- Rollback of supabase/migrations/20261128000000_sync_tables.sql.
--
-- The Supabase CLI has no "down" migrations, so this is run by hand (SQL editor, or
-- `psql "$DATABASE_URL" -f supabase/rollback/20261128000000_sync_tables.down.sql`), followed by
-- `supabase migration repair --status reverted 20261128000000` so that the CLI's history
-- (supabase_migrations.schema_migrations) no longer lists the migration and a later
-- `supabase db push` would apply it again.
--
-- WARNING: this destroys every synced story, reading position and setting of every user of the
-- project. Devices keep their local copies; the next sync after re-applying the migration pushes
-- them again from each device's outbox only if they are still queued there, so export first if the
-- server copy matters.
--
-- Everything runs in one transaction: either the whole schema goes, or nothing does.

begin;

-- Dropping a table drops its policies, triggers, indexes and grants with it.
drop table if exists public.user_settings;
drop table if exists public.reading_progress;
drop table if exists public.stories;

-- The trigger functions are only used by the tables above; drop them last.
drop function if exists public.sync_keep_tombstone();
drop function if exists public.sync_touch_updated_at();

commit;
