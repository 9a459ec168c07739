-- Rollback of supabase/migrations/20261210000000_annotations.sql (back to the 20261205000000 schema).
--
-- Run by hand (SQL editor, or `psql "$DATABASE_URL" -f supabase/rollback/20261210000000_annotations.down.sql`),
-- then `supabase migration repair --status reverted 20261210000000`. Roll this back FIRST when
-- removing everything (it is the newest).
--
-- WARNING: this destroys every synced annotation of every user. Devices keep their local copies and
-- can annotate again; stories, progress and settings are untouched.

begin;

-- Dropping the table drops its policies, triggers, index and grants with it.
drop table if exists public.annotations;
drop function if exists public.sync_annotation_tombstone();

commit;
