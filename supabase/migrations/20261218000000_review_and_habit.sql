-- Spaced review and the reading habit (issue 15): the review log, one row per (user, entry), and the
-- reading days, one row per (user, day|device).
--
-- Applies on top of 20261215000000_words.sql. Undo: supabase/rollback/20261218000000_review_and_habit.down.sql.
--
-- No card state syncs: every grade is an entry of an append-only log (src/domain/review-log.ts),
-- and each device replays a card's schedule from its entries, so two devices that reviewed the same
-- card offline both count after sync. The server keeps the log append-only: an entry, once stored,
-- never changes (a re-push is a no-op, a different content under the same id keeps the original)
-- and is never deleted (a "reset" is a newer entry that hides older ones). Reading days
-- (src/domain/reading-day.ts) are keyed `YYYY-MM-DD|deviceId`: each device writes only its own
-- rows, so last writer wins is enough and the displays sum the devices. Both tables follow the
-- others' rules: own rows only, the server owns updated_at (the pull cursor), no API key anywhere.

create table public.review_logs (
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  id uuid not null,
  card_key text not null,
  content jsonb not null,
  updated_at timestamptz not null default clock_timestamp(),
  primary key (user_id, id),
  -- WORD_LIMITS.key, as words.key; `*` is a reset of every card.
  constraint review_logs_card_key_length check (char_length(card_key) between 1 and 601),
  -- The columns are the entry's own: a row cannot claim one id and carry another's entry.
  constraint review_logs_content_matches check (
    lower(content ->> 'id') = id::text and content ->> 'cardKey' = card_key
  ),
  -- As on words: a key NAME in the content, or a Google API key (AIza + 35) inside any string.
  constraint review_logs_no_api_key check (
    not jsonb_path_exists(
      content,
      'lax $.** ? (@.type() == "object").keyvalue() ? (@.key like_regex "api[_-]?key" flag "i")'
    )
    and not jsonb_path_exists(content, 'lax $.** ? (@.type() == "string" && @ like_regex "AIza[0-9A-Za-z_-]{35}")')
    and card_key !~ 'AIza[0-9A-Za-z_-]{35}'
  )
);
comment on table public.review_logs is
  'Spaced review: the append-only log each card''s schedule is replayed from, one row per (user, entry id); entries never change nor go.';
create index review_logs_pull_idx on public.review_logs (user_id, updated_at, id);

-- Append-only. A BEFORE UPDATE trigger that returns null skips the update: the upsert of an entry
-- the server has (a retried push, a second device sending what it pulled) succeeds and changes
-- nothing, not even updated_at, so no device pulls the entry again. Not for DELETE: no grant or
-- policy allows one, and the auth.users cascade (a deleted account) must still take the rows.
create function public.sync_review_log_append_only() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  return null;
end;
$$;
revoke all on function public.sync_review_log_append_only() from public, anon, authenticated, service_role;

create trigger review_logs_touch before insert on public.review_logs
  for each row execute function public.sync_touch_updated_at();
create trigger review_logs_append_only before update on public.review_logs
  for each row execute function public.sync_review_log_append_only();

create table public.reading_days (
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  key text not null,
  content jsonb not null,
  updated_at timestamptz not null default clock_timestamp(),
  primary key (user_id, key),
  -- `YYYY-MM-DD|deviceId`, deviceId 1–64 characters (DEVICE_ID_MAX).
  constraint reading_days_key_format check (key ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}[|].{1,64}$'),
  constraint reading_days_content_matches check (content ->> 'key' = key),
  constraint reading_days_no_api_key check (
    not jsonb_path_exists(
      content,
      'lax $.** ? (@.type() == "object").keyvalue() ? (@.key like_regex "api[_-]?key" flag "i")'
    )
    and not jsonb_path_exists(content, 'lax $.** ? (@.type() == "string" && @ like_regex "AIza[0-9A-Za-z_-]{35}")')
    and key !~ 'AIza[0-9A-Za-z_-]{35}'
  )
);
comment on table public.reading_days is
  'The reading habit: one row per (user, day|device) of time, characters and stories read; each device writes its own rows.';
create index reading_days_pull_idx on public.reading_days (user_id, updated_at, key);

create trigger reading_days_touch before insert or update on public.reading_days
  for each row execute function public.sync_touch_updated_at();

-- authenticated: SELECT/INSERT/UPDATE, no DELETE (RLS decides which rows); anon nothing. An upsert
-- (ON CONFLICT DO UPDATE) needs UPDATE even on review_logs, whose trigger then keeps the row.
revoke all on table public.review_logs, public.reading_days from anon;
revoke all on table public.review_logs, public.reading_days from authenticated;
grant select, insert, update on table public.review_logs, public.reading_days to authenticated;

alter table public.review_logs enable row level security;
alter table public.review_logs force row level security;
alter table public.reading_days enable row level security;
alter table public.reading_days force row level security;

create policy review_logs_select_own on public.review_logs
  for select to authenticated using (user_id = (select auth.uid()));
create policy review_logs_insert_own on public.review_logs
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy review_logs_update_own on public.review_logs
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));

create policy reading_days_select_own on public.reading_days
  for select to authenticated using (user_id = (select auth.uid()));
create policy reading_days_insert_own on public.reading_days
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy reading_days_update_own on public.reading_days
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
