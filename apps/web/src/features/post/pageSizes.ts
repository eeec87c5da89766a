/** Page sizes of the post page's lists, shared by its queries and the cache updates that patch them. */
export const COMMENTS_PAGE = 20;
export const REPLIES_PAGE = 5;
export const LIKERS_PAGE = 20;
