-- A deleted story takes its words with it: the annotation row (20261210000000_annotations.sql) of a
-- story is tombstoned when the story is, and a stale device cannot bring words back for it.
--
-- Applies on top of 20261210000000_annotations.sql (shipped, never edited). Undo:
-- supabase/rollback/20261212000000_annotations_follow_stories.down.sql.
--
-- Why on the server and not pushed by the app: a device pushes a story's deletion only once its undo
-- window is over, and every device (and every older app version that knows nothing of annotations)
-- pushes story deletions already; here no client can forget the words, and no race leaves them behind.

-- After a story row is written deleted (inserted as a tombstone, or updated to one), its words are
-- tombstoned too (annotations_keep_tombstone then empties their content). SECURITY INVOKER: the
-- caller updates their own row, under the annotations' RLS.
create function public.sync_story_deletes_annotations() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  update public.annotations set deleted = true
   where user_id = new.user_id and story_id = new.id and not deleted;
  return null;
end;
$$;

-- Words written for a story the server already has deleted (a device that missed the deletion)
-- are stored as a tombstone. Runs before annotations_keep_tombstone (triggers fire in name order),
-- which then empties the content.
create function public.sync_annotation_follows_story() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if exists (select 1 from public.stories s where s.user_id = new.user_id and s.id = new.story_id and s.deleted) then
    new.deleted := true;
  end if;
  return new;
end;
$$;

revoke all on function public.sync_story_deletes_annotations() from public, anon, authenticated, service_role;
revoke all on function public.sync_annotation_follows_story() from public, anon, authenticated, service_role;

create trigger stories_delete_annotations after insert or update of deleted on public.stories
  for each row when (new.deleted) execute function public.sync_story_deletes_annotations();
create trigger annotations_follow_story before insert or update on public.annotations
  for each row execute function public.sync_annotation_follows_story();
