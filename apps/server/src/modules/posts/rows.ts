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
}

export const MEDIA_COLUMNS =
  'id, post_id, position, alt_text, media_key, status, width, height, thumbhash, dominant_color, variants';
