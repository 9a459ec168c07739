-- Rollback of supabase/migrations/20261215000000_words.sql (back to the 20261210000000 schema).
--
-- Run by hand (SQL editor, or `psql "$DATABASE_URL" -f supabase/rollback/20261215000000_words.down.sql`),
-- then `supabase migration repair --status reverted 20261215000000`. Roll this back FIRST when
-- removing everything (it is the newest).
--
-- WARNING: this destroys every synced words entry of every user. Devices keep their local copies
-- (and their backups carry them); stories, progress, settings and annotations are untouched.

begin;

-- Dropping the table drops its policies, triggers, index and grants with it.
drop table if exists public.words;
drop function if exists public.sync_word_tombstone();

commit;
