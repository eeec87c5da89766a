/** The three ways to read the home feed, as on Instagram, and their addresses (`/?variant=…`). */
export type FeedVariant = 'home' | 'following' | 'favorites';

export const FEED_VARIANTS: readonly { id: FeedVariant; label: string; href: string }[] = [
  { id: 'home', label: 'Home', href: '/' },
  { id: 'following', label: 'Following', href: '/?variant=following' },
  { id: 'favorites', label: 'Favorites', href: '/?variant=favorites' },
];

/** The variant a location's query string asks for; anything else is Home. */
export function variantOf(search: string): FeedVariant {
  const asked = new URLSearchParams(search).get('variant');
  return asked === 'following' || asked === 'favorites' ? asked : 'home';
}
