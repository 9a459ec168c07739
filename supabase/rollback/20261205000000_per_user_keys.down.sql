-- Rollback of supabase/migrations/20261205000000_per_user_keys.sql (back to the 20261128000000 schema).
--
-- Run by hand (SQL editor, or `psql "$DATABASE_URL" -f supabase/rollback/20261205000000_per_user_keys.down.sql`),
-- then `supabase migration repair --status reverted 20261205000000`. Roll this back BEFORE the
-- 20261128000000 rollback if you remove everything.
--
-- It FAILS, changing nothing, when two users now have a story with the same id (the old key was the
-- id alone, so they cannot both stay): find them with
--   select id from public.stories group by id having count(*) > 1;
-- Content emptied from tombstones does not come back.

begin;

alter table public.stories drop constraint if exists stories_no_api_key;

alter table public.user_settings drop constraint user_settings_no_api_key;
alter table public.user_settings add constraint user_settings_no_api_key check (
  not jsonb_path_exists(
    settings,
    'lax $.** ? (@.type() == "object").keyvalue() ? (@.key like_regex "api[_-]?key" flag "i")'
  )
  and not jsonb_path_exists(
    settings,
    'lax $.** ? (@.type() == "string" && @ like_regex "^AIza[0-9A-Za-z_-]{35}$")'
  )
);

drop trigger stories_keep_tombstone on public.stories;
create trigger stories_keep_tombstone before update on public.stories
  for each row execute function public.sync_keep_tombstone();
drop function public.sync_story_tombstone();

alter table public.stories drop constraint stories_pkey;
alter table public.stories add constraint stories_pkey primary key (id);
comment on table public.stories is 'Finished stories (the Story JSON in content); soft-deleted via deleted.';

commit;
