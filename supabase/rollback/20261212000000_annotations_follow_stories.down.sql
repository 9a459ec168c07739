-- Rollback of supabase/migrations/20261212000000_annotations_follow_stories.sql (back to the
-- 20261210000000 schema).
--
-- Run by hand (SQL editor, or `psql "$DATABASE_URL" -f supabase/rollback/20261212000000_annotations_follow_stories.down.sql`),
-- then `supabase migration repair --status reverted 20261212000000`. Roll this back FIRST when
-- removing everything (it is the newest).
--
-- Annotation rows already tombstoned with their story stay tombstoned (tombstones never come back).

begin;

drop trigger if exists stories_delete_annotations on public.stories;
drop trigger if exists annotations_follow_story on public.annotations;
drop function if exists public.sync_story_deletes_annotations();
drop function if exists public.sync_annotation_follows_story();

commit;
