/** What the Hashtag type's resolvers receive: its name, and its public post count when already known. */
export interface HashtagParent {
  name: string;
  postCount?: number;
}

export interface HashtagRow {
  id: string;
  name: string;
  post_count: number;
}

/** A post from a followed hashtag's top list, suggested for the viewer's home feed. */
export interface HashtagSuggestion {
  postId: string;
  authorId: string;
  hashtag: string;
}

/** Tag names as typed (`#Sunset`, `sunset`) to the stored form, or null when it cannot be a tag. */
export function tagName(raw: string): string | null {
  const name = raw.normalize('NFKC').trim().replace(/^#/, '').toLowerCase();
  return /^[\p{L}\p{M}\p{N}_]{1,100}$/u.test(name) && !/^[0-9]+$/.test(name) ? name : null;
}
