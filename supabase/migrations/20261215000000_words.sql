-- Words: what the learner knows (issue 14), one row per (user, word key).
--
-- Applies on top of 20261210000000_annotations.sql. Undo: supabase/rollback/20261215000000_words.down.sql.
--
-- The key is the word's dictionary form and its reading (`食べる|たべる`, src/domain/words-key.ts);
-- content is the device's WordEntry JSON (state, where first met, the device's updatedAt), so a
-- newer app version's fields survive an older one. The rules are the annotations' rules: own rows
-- only, no hard deletes, a deleted row keeps no content, the server owns updated_at (the pull
-- cursor), and no API key anywhere in the content.

create table public.words (
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  key text not null,
  content jsonb not null,
  updated_at timestamptz not null default clock_timestamp(),
  deleted boolean not null default false,
  primary key (user_id, key),
  -- WORD_LIMITS.key: a form (200) + the separator + a reading (400).
  constraint words_key_length check (char_length(key) between 1 and 601),
  -- As on annotations: a key NAME in the content, or a Google API key (AIza + 35) inside any string.
  constraint words_no_api_key check (
    not jsonb_path_exists(
      content,
      'lax $.** ? (@.type() == "object").keyvalue() ? (@.key like_regex "api[_-]?key" flag "i")'
    )
    and not jsonb_path_exists(content, 'lax $.** ? (@.type() == "string" && @ like_regex "AIza[0-9A-Za-z_-]{35}")')
    and key !~ 'AIza[0-9A-Za-z_-]{35}'
  )
);
comment on table public.words is
  'What a learner knows: one row per (user, word key = dictionary form|reading), the WordEntry JSON in content; deleted rows keep no content.';
create index words_pull_idx on public.words (user_id, updated_at, key);

-- Once deleted, always deleted, and a deleted row stores nothing (BEFORE the write, so the CHECK
-- sees the emptied row).
create function public.sync_word_tombstone() returns trigger
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
revoke all on function public.sync_word_tombstone() from public, anon, authenticated, service_role;

create trigger words_touch before insert or update on public.words
  for each row execute function public.sync_touch_updated_at();
create trigger words_keep_tombstone before insert or update on public.words
  for each row execute function public.sync_word_tombstone();

revoke all on table public.words from anon;
revoke all on table public.words from authenticated;
grant select, insert, update on table public.words to authenticated;

alter table public.words enable row level security;
alter table public.words force row level security;

create policy words_select_own on public.words
  for select to authenticated using (user_id = (select auth.uid()));
create policy words_insert_own on public.words
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy words_update_own on public.words
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
