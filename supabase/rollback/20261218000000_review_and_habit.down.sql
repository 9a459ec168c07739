-- Rollback of supabase/migrations/20261218000000_review_and_habit.sql (back to the 20261215000000 schema).
--
-- Run by hand (SQL editor, or `psql "$DATABASE_URL" -f supabase/rollback/20261218000000_review_and_habit.down.sql`),
-- then `supabase migration repair --status reverted 20261218000000`. Roll this back FIRST when
-- removing everything (it is the newest).
--
-- WARNING: this destroys every synced review log entry and reading day of every user. Devices keep
-- their local copies (and their backups carry them); stories, progress, settings, annotations and
-- words are untouched.

begin;

-- Dropping a table drops its policies, triggers, index and grants with it.
drop table if exists public.review_logs;
drop table if exists public.reading_days;
drop function if exists public.sync_review_log_append_only();

commit;
