-- Photo edit recipes (@glimpse/edit): a post's photo is rendered from its private original through a
-- recipe, and its author can re-edit it later. The original is never changed; a re-edit renders into a
-- new random media key while the previous render keeps being served, then the job swaps them.
-- Every index names the query it serves.

alter table post_media
  -- The complete parsed recipe the photo was rendered with; null: none (rendered with `crop` alone).
  add column recipe jsonb,
  -- The original's oriented size and format (from its upload), to check a re-edit's crop and to serve it.
  -- Null for photos posted before this migration: read from the original file when first needed.
  add column original_width integer,
  add column original_height integer,
  add column original_format text,
  -- A re-edit being rendered: its recipe and the media key it renders into (both set or both null).
  add column pending_recipe jsonb,
  add column pending_media_key text,
  add constraint post_media_pending_pair check ((pending_recipe is null) = (pending_media_key is null));

-- recoverPendingEdits (start-up): re-edits whose job died with an embedded process. Small: only photos
-- being re-rendered right now are in it.
create index post_media_pending on post_media (id) where pending_media_key is not null;
