-- Annotations: a story's words (tokens per sentence, issue 13), one row per (user, story).
--
-- Applies on top of 20261205000000_per_user_keys.sql. Undo: supabase/rollback/20261210000000_annotations.down.sql.
--
-- Why a table of its own and not a field of stories.content: the annotate job writes words minutes
-- after the story arrives, and an older app version pushing the story would overwrite them (it
-- does not know the field). Rows of their own never race a push of the story itself. The rules are
-- the stories' rules: own rows only, no hard deletes, a deleted row keeps no content, the server
-- owns updated_at (the pull cursor), and no API key anywhere in the content.

create table public.annotations (
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  story_id uuid not null,
  content jsonb not null,
  updated_at timestamptz not null default clock_timestamp(),
  deleted boolean not null default false,
  primary key (user_id, story_id),
  -- As on stories: a key NAME in the content, or a Google API key (AIza + 35) inside any string.
  constraint annotations_no_api_key check (
    not jsonb_path_exists(
      content,
      'lax $.** ? (@.type() == "object").keyvalue() ? (@.key like_regex "api[_-]?key" flag "i")'
    )
    and not jsonb_path_exists(content, 'lax $.** ? (@.type() == "string" && @ like_regex "AIza[0-9A-Za-z_-]{35}")')
  )
);
comment on table public.annotations is
  'A story''s words (the Annotation JSON in content), one row per (user, story); deleted rows keep no content.';
create index annotations_pull_idx on public.annotations (user_id, updated_at, story_id);

-- Once deleted, always deleted, and a deleted row stores no words (BEFORE the write, so the CHECK
-- sees the emptied row).
create function public.sync_annotation_tombstone() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and old.deleted then
    new.deleted := true;
  end if;
  if new.deleted then
    new.content := '{}'::jsonb;
  end if;
  return new;
end;
$$;
revoke all on function public.sync_annotation_tombstone() from public, anon, authenticated, service_role;

create trigger annotations_touch before insert or update on public.annotations
  for each row execute function public.sync_touch_updated_at();
create trigger annotations_keep_tombstone before insert or update on public.annotations
  for each row execute function public.sync_annotation_tombstone();

revoke all on table public.annotations from anon;
revoke all on table public.annotations from authenticated;
grant select, insert, update on table public.annotations to authenticated;

alter table public.annotations enable row level security;
alter table public.annotations force row level security;

create policy annotations_select_own on public.annotations
  for select to authenticated using (user_id = (select auth.uid()));
create policy annotations_insert_own on public.annotations
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy annotations_update_own on public.annotations
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
