import { useRef, useState } from 'react';
import { type FragmentOf, graphql, readFragment } from '../../graphql';
import { RichText } from '../RichText';
import { AuthorName } from './Author';
import { PostAuthor_user } from './fragments';
import styles from './PostCaption.module.css';

export const PostCaption_post = graphql(
  `
  fragment PostCaption_post on Post {
    id
    caption
    captionEntities { kind start end value }
    author { id ...PostAuthor_user }
  }
`,
  [PostAuthor_user],
);

const CAPTION_LIMIT = 125;

/**
 * Where a caption is cut in the feed, or null when it shows whole: after two lines or about 125
 * characters (at a space when there is one nearby), never inside a #hashtag, @mention or link.
 */
export function captionCut(
  text: string,
  entities: readonly { start: number; end: number }[],
  limit = CAPTION_LIMIT,
): number | null {
  const firstBreak = text.indexOf('\n');
  const secondBreak = firstBreak === -1 ? -1 : text.indexOf('\n', firstBreak + 1);
  let cut = secondBreak === -1 ? text.length : secondBreak;
  if (cut > limit) {
    const space = text.lastIndexOf(' ', limit);
    cut = space > limit - 30 ? space : limit;
  }
  for (const entity of entities) {
    if (entity.start < cut && cut < entity.end) cut = entity.start;
  }
  // Do not split an emoji's surrogate pair.
  if (cut > 0 && /[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut -= 1;
  while (cut > 0 && /\s/.test(text.charAt(cut - 1))) cut -= 1;
  return text.slice(cut).trim() === '' ? null : cut;
}

/** "username caption…  more": the author's words under the photo, cut short until asked for more. */
export function PostCaption({ post }: { post: FragmentOf<typeof PostCaption_post> }) {
  const data = readFragment(PostCaption_post, post);
  const [expanded, setExpanded] = useState(false);
  const ref = useRef<HTMLParagraphElement>(null);
  if (!data.caption) return null;
  const cut = expanded ? null : captionCut(data.caption, data.captionEntities);
  const text = cut === null ? data.caption : data.caption.slice(0, cut);
  const entities = cut === null ? data.captionEntities : data.captionEntities.filter((e) => e.end <= cut);

  return (
    <p className={styles.caption} ref={ref} tabIndex={-1}>
      <AuthorName user={data.author} /> <RichText text={text} entities={entities} />
      {cut !== null && (
        <>
          …{' '}
          <button
            type="button"
            className={styles.more}
            onClick={() => {
              setExpanded(true);
              // The button goes away; keep the reader where the rest of the caption appears.
              ref.current?.focus();
            }}
          >
            more
          </button>
        </>
      )}
    </p>
  );
}
