import type { Recipe } from '@glimpse/edit';
import type { ImageVariant } from '../accounts/rows';

export interface PostRow {
  id: string;
  author_id: string;
  caption: string;
  status: 'processing' | 'ready' | 'failed' | 'removed';
  comments_disabled: boolean;
  archived_at: Date | null;
  like_count: number;
  comment_count: number;
  created_at: Date;
  edited_at: Date | null;
  /** Likes from accounts flagged as fake: left out of the count others see. */
  flagged_like_count: number;
}

export const POST_COLUMNS =
  'id, author_id, caption, status, comments_disabled, archived_at, like_count, comment_count, created_at, edited_at, flagged_like_count';

export interface CropBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MediaRow {
  id: string;
  post_id: string;
  position: number;
  alt_text: string;
  media_key: string;
  status: 'processing' | 'ready' | 'failed';
  width: number | null;
  height: number | null;
  thumbhash: string | null;
  dominant_color: string | null;
  variants: ImageVariant[];
  /** The post's author (joined): the edit fields below are shown to the author alone. */
  author_id: string;
  /** What the photo is rendered with: the crop (fractions of the oriented original) and, if any, a recipe. */
  crop: CropBox;
  recipe: Recipe | null;
  /** A re-edit is being rendered (the current render is served meanwhile). */
  edit_pending: boolean;
  /** The original's oriented size; null for photos posted before edit recipes (until re-edited). */
  original_width: number | null;
  original_height: number | null;
}

/** The hydration read of post_media rows (aliased m) joined to their post (aliased p). */
export const MEDIA_COLUMNS =
  'm.id, m.post_id, m.position, m.alt_text, m.media_key, m.status, m.width, m.height, m.thumbhash, m.dominant_color, m.variants, p.author_id, m.crop, m.recipe, m.pending_media_key is not null as edit_pending, m.original_width, m.original_height';
