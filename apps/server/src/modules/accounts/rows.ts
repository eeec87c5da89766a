/** Rows of the accounts module: plain data, as selected. */

export interface ImageVariant {
  key: string;
  width: number;
  height: number;
  format: 'avif' | 'webp' | 'jpeg';
}

/** A processed image (avatar) as stored in a jsonb column. */
export interface StoredImage {
  width: number;
  height: number;
  thumbhash: string;
  dominantColor: string;
  variants: ImageVariant[];
}

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  bio: string;
  website: string | null;
  avatar: StoredImage | null;
  is_private: boolean;
  is_verified: boolean;
  follower_count: number;
  following_count: number;
  post_count: number;
  created_at: Date;
  /** Set while a moderator has suspended the account: it and everything it made disappear. */
  suspended_at: Date | null;
  /** Followers flagged as fake (bought): left out of the count others see. */
  flagged_follower_count: number;
}

/** Columns of UserRow: every public read selects exactly these (never email or password hash). */
export const USER_COLUMNS =
  'id, username, display_name, bio, website, avatar, is_private, is_verified, follower_count, following_count, post_count, created_at, suspended_at, flagged_follower_count';

export interface SessionRow {
  id: string;
  user_id: string;
  expires_at: Date;
  last_used_at: Date;
}
