-- Per-user story keys, content-free tombstones, and an API-key check that also covers stories.
--
-- Applies on top of 20261128000000_sync_tables.sql (which has shipped and is never edited).
-- Undo: supabase/rollback/20261205000000_per_user_keys.down.sql.
--
-- Why each change:
-- * stories were keyed by `id` alone, globally. Two learners importing the same older backup (the
--   same story ids) collided: the second one's push hit the first one's row and was refused by RLS,
--   and that refusal told the caller "this id exists for someone". Keyed by (user_id, id), each
--   learner has their own row and an upsert (`on_conflict=user_id,id`) can only ever meet the
--   caller's own row. reading_progress (user_id, story_id) and user_settings (user_id) already are.
-- * A tombstone kept the story's text: a deleted diary stayed on the server, and a stale push could
--   write new text into it (only `deleted` was kept). Now a deleted row keeps its id and nothing else.
-- * The API-key check only refused a string that WAS a key (anchored ^…$), and only in settings: a
--   key pasted into a story's topic or text was uploaded. It now refuses a key anywhere in a string,
--   in settings and in story content.

-- Keys ---------------------------------------------------------------------------------------------
-- Existing rows already have distinct ids, so the new key holds for them.
alter table public.stories drop constraint stories_pkey;
alter table public.stories add constraint stories_pkey primary key (user_id, id);
comment on table public.stories is
  'Finished stories (the Story JSON in content), one row per (user, id); deleted rows keep no content.';

-- Tombstones keep no content ---------------------------------------------------------------------
-- Replaces sync_keep_tombstone on stories (reading_progress keeps it): once deleted, always deleted,
-- and a deleted row, inserted or updated, stores no text. BEFORE the row is written, so the CHECK
-- below sees the emptied row.
create function public.sync_story_tombstone() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and old.deleted then
    new.deleted := true;
  end if;
  if new.deleted then
    new.content := '{}'::jsonb;
    new.level := null;
    new.title_jp := null;
  end if;
  return new;
end;
$$;
revoke all on function public.sync_story_tombstone() from public, anon, authenticated, service_role;

drop trigger stories_keep_tombstone on public.stories;
create trigger stories_keep_tombstone before insert or update on public.stories
  for each row execute function public.sync_story_tombstone();

-- Tombstones written before this migration lose their text now (the touch trigger moves their
-- updated_at, so devices pull them again: a no-op for a row that is deleted there already).
update public.stories set content = '{}'::jsonb where deleted;

-- No API key, anywhere in a string --------------------------------------------------------------
-- A Google API key is AIza + 35 characters; unanchored, so "my key is AIza…" is refused too.
-- Key NAMES like apiKey are refused in settings (as before) and in story content.
alter table public.user_settings drop constraint user_settings_no_api_key;
alter table public.user_settings add constraint user_settings_no_api_key check (
  not jsonb_path_exists(
    settings,
    'lax $.** ? (@.type() == "object").keyvalue() ? (@.key like_regex "api[_-]?key" flag "i")'
  )
  and not jsonb_path_exists(settings, 'lax $.** ? (@.type() == "string" && @ like_regex "AIza[0-9A-Za-z_-]{35}")')
) not valid;

-- NOT VALID: a project whose existing rows hold a key still migrates (nothing is lost or refused
-- retroactively); every insert and update from now on is checked.
alter table public.stories add constraint stories_no_api_key check (
  not jsonb_path_exists(
    content,
    'lax $.** ? (@.type() == "object").keyvalue() ? (@.key like_regex "api[_-]?key" flag "i")'
  )
  and not jsonb_path_exists(content, 'lax $.** ? (@.type() == "string" && @ like_regex "AIza[0-9A-Za-z_-]{35}")')
  and coalesce(title_jp, '') !~ 'AIza[0-9A-Za-z_-]{35}'
) not valid;
