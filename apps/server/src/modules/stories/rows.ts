import type { ImageVariant } from '../accounts/rows';

/** Rows of the stories module: plain data, as selected. */

export type StoryAudience = 'everyone' | 'close_friends';

export interface OverlayPosition {
  /** Centre of the overlay, in fractions of the 9:16 canvas. */
  x: number;
  y: number;
  scale: number;
  /** Degrees, clockwise. */
  rotation: number;
}

export type TextStyle = 'classic' | 'modern' | 'neon' | 'typewriter' | 'strong';

export type Overlay = OverlayPosition &
  (
    | { kind: 'text'; text: string; style: TextStyle; color: string }
    | { kind: 'mention'; userId: string; username: string }
    | { kind: 'hashtag'; hashtag: string }
    | { kind: 'poll'; question: string; options: string[] }
    | { kind: 'slider'; question: string; emoji: string }
    | { kind: 'question'; question: string }
  );

export interface StoryRow {
  id: string;
  owner_id: string;
  audience: StoryAudience;
  status: 'processing' | 'ready' | 'failed';
  width: number | null;
  height: number | null;
  thumbhash: string | null;
  dominant_color: string | null;
  variants: ImageVariant[];
  overlays: Overlay[];
  mentioned_ids: string[];
  created_at: Date;
  expires_at: Date;
  archived_at: Date | null;
}

export const STORY_COLUMNS =
  'id, owner_id, audience, status, width, height, thumbhash, dominant_color, variants, overlays, mentioned_ids::text[] as mentioned_ids, created_at, expires_at, archived_at';

export interface HighlightRow {
  id: string;
  owner_id: string;
  title: string;
  cover_story_id: string | null;
  created_at: Date;
  story_ids: string[];
}

export type ResponseKind = 'answer' | 'reaction' | 'reply';

export interface StoryResponseRow {
  id: string;
  story_id: string;
  user_id: string;
  kind: ResponseKind;
  body: string;
  created_at: Date;
}

/** A story lives this long; afterwards only its owner (archive) and highlights show it. */
export const STORY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Parents of the stories module's GraphQL types (codegen mappers). */
export type OverlayParent = Overlay & { index: number };
export interface TrayEntryParent {
  userId: string;
  hasUnseen: boolean;
  closeFriendsOnly: boolean;
  stories: StoryRow[];
}
export interface StoryResultsParent {
  story: StoryRow;
}
export interface StoryEdgeParent {
  cursor: string;
  node: StoryRow;
}
export interface StoryConnectionParent {
  edges: StoryEdgeParent[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
export interface StoryViewerEdgeParent {
  cursor: string;
  node: import('../accounts/rows').UserRow;
  seenAt: Date;
}
export interface StoryViewerConnectionParent {
  edges: StoryViewerEdgeParent[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
export interface StoryResponseEdgeParent {
  cursor: string;
  node: StoryResponseRow;
}
export interface StoryResponseConnectionParent {
  edges: StoryResponseEdgeParent[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
